package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;

import org.counterspace.support.PostgresTestSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * The attempt limits out of reach while the rest of the database answers (their own pool has no
 * connection to give, or their connections were cut): a limited request is refused as a storage
 * outage, which {@link StorageOutagePage} answers with the calm 503 page, within the pool's 2 s, not
 * as a fault. The whole app with the database out of reach: {@link StorageOutagePostgresTests}.
 */
class LimitsOutagePostgresTests {

    static final String SCHEMA = PostgresTestSupport.newSchema();

    static final BucketConfiguration FIVE = BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(5).refillGreedy(5, Duration.ofMinutes(15)))
        .build();

    static StorageOutagePostgresTests.Relay relay;

    @BeforeAll
    static void migrate() throws Exception {
        PostgresTestSupport.assumeAvailable();
        Flyway.configure()
            .dataSource(PostgresTestSupport.jdbcUrl(SCHEMA), PostgresTestSupport.USER, "")
            .schemas(SCHEMA)
            .load()
            .migrate();
        relay = new StorageOutagePostgresTests.Relay(PostgresTestSupport.HOST, PostgresTestSupport.PORT);
    }

    @AfterAll
    static void drop() throws Exception {
        if (relay != null) {
            relay.cut();
        }
        PostgresTestSupport.dropSchema(SCHEMA);
    }

    @Test
    void aLimitOutOfReachIsAStorageOutageAnsweredWithinThePoolsTimeout() throws Exception {
        HikariDataSource limits = new HikariDataSource();
        limits.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + relay.port() + "/" + PostgresTestSupport.DATABASE
                + "?currentSchema=" + SCHEMA);
        limits.setUsername(PostgresTestSupport.USER);
        limits.setMaximumPoolSize(4);
        limits.setConnectionTimeout(2000);
        try (PostgresTokenBuckets buckets = new PostgresTokenBuckets(limits, 1)) {
            Bucket before = buckets.bucket("signin:outage", () -> FIVE);
            assertThat(before.tryConsume(1)).isTrue();

            relay.cut();
            long started = System.nanoTime();
            Throwable refused = catchThrowable(() -> buckets.bucket("signin:outage", () -> FIVE).tryConsume(1));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(refused).isNotNull();
            assertThat(ErrorPages.storageUnreachable(refused)).as(refused.toString()).isTrue();
            assertThat(millis).as("milliseconds to refuse").isLessThan(StorageOutagePostgresTests.ANSWERED_WITHIN_MS);

            relay.restore();
            long restored = System.nanoTime();
            Long left = null;
            while (left == null && System.nanoTime() - restored < 10_000_000_000L) {
                try {
                    left = buckets.bucket("signin:outage", () -> FIVE).getAvailableTokens();
                }
                catch (RuntimeException stillOut) {
                    Thread.sleep(200);
                }
            }
            assertThat(left).as("the attempt taken before the outage still counts").isEqualTo(4);
        }
    }
}
