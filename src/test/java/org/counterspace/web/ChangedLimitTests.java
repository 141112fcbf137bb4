package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.counterspace.support.PostgresTestSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.zaxxer.hikari.HikariDataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;

/**
 * A limit changed in the configuration reaches the buckets already stored, the share already used
 * carried over, and an unchanged limit keeps its tokens: in memory when a bucket is asked for with
 * another limit, on PostgreSQL when an instance starts with another limit than the one the stored
 * buckets follow. The limits refill over a day, so no token comes back while a test runs.
 */
class ChangedLimitTests {

    static final BucketConfiguration FIVE = perDay(5);

    static final BucketConfiguration TEN = perDay(10);

    /** Two limits, as a sign-in limit with a slowdown step has, each named (as Throttle names them). */
    static final BucketConfiguration FIVE_THEN_TEN = BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(5).refillGreedy(5, Duration.ofDays(1)).id("step-0"))
        .addLimit(limit -> limit.capacity(10).refillGreedy(10, Duration.ofDays(8)).id("step-1"))
        .build();

    static final BucketConfiguration FIVE_NAMED = BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(5).refillGreedy(5, Duration.ofDays(1)).id("step-0"))
        .build();

    static BucketConfiguration perDay(long capacity) {
        return BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, Duration.ofDays(1)))
            .build();
    }

    static Bucket used(TokenBuckets buckets, String key, BucketConfiguration limit, int attempts) {
        Bucket bucket = buckets.bucket(key, () -> limit);
        for (int i = 0; i < attempts; i++) {
            assertThat(bucket.tryConsume(1)).isTrue();
        }
        return bucket;
    }

    static long left(TokenBuckets buckets, String key, BucketConfiguration limit) {
        return buckets.bucket(key, () -> limit).getAvailableTokens();
    }

    @Nested
    class InMemory {

        final LocalTokenBuckets buckets = new LocalTokenBuckets(100, TimeMeter.SYSTEM_MILLISECONDS);

        @Test
        void aBucketTakesTheLimitItIsAskedWithTheShareUsedCarriedOver() {
            used(buckets, "raised", FIVE, 3);
            assertThat(left(buckets, "raised", TEN)).isEqualTo(4);
            used(buckets, "lowered", TEN, 4);
            assertThat(left(buckets, "lowered", FIVE)).isEqualTo(3);
            used(buckets, "locked out", FIVE, 5);
            assertThat(left(buckets, "locked out", TEN)).isZero();
            used(buckets, "steps", FIVE_THEN_TEN, 2);
            assertThat(left(buckets, "steps", FIVE_NAMED)).isEqualTo(3);
        }

        @Test
        void anUnchangedLimitKeepsItsTokens() {
            used(buckets, "same", FIVE, 3);
            assertThat(left(buckets, "same", perDay(5))).isEqualTo(2);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgreSql {

        final String schema = PostgresTestSupport.newSchema();

        @BeforeAll
        void migrate() {
            PostgresTestSupport.assumeAvailable();
            Flyway.configure()
                .dataSource(PostgresTestSupport.jdbcUrl(schema), PostgresTestSupport.USER, "")
                .schemas(schema)
                .load()
                .migrate();
        }

        @AfterAll
        void drop() throws SQLException {
            PostgresTestSupport.dropSchema(schema);
        }

        /** An instance's buckets, its limits configured at {@code version}. */
        PostgresTokenBuckets started(long version) {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(PostgresTestSupport.jdbcUrl(schema));
            pool.setUsername(PostgresTestSupport.USER);
            pool.setMaximumPoolSize(2);
            return new PostgresTokenBuckets(pool, version);
        }

        @Test
        void aRestartWithAChangedLimitAppliesItToStoredBuckets() {
            try (PostgresTokenBuckets before = started(1); PostgresTokenBuckets after = started(2)) {
                used(before, "raised", FIVE, 3);
                used(before, "lowered", TEN, 4);
                used(before, "locked out", FIVE, 5);
                used(before, "steps", FIVE_THEN_TEN, 2);
                assertThat(left(after, "raised", TEN)).isEqualTo(4);
                assertThat(left(after, "lowered", FIVE)).isEqualTo(3);
                assertThat(left(after, "locked out", TEN)).isZero();
                assertThat(left(after, "steps", FIVE_NAMED)).isEqualTo(3);
            }
        }

        @Test
        void aRestartWithTheSameLimitKeepsTheTokens() {
            try (PostgresTokenBuckets before = started(1); PostgresTokenBuckets after = started(2)) {
                used(before, "same", FIVE, 3);
                used(before, "same locked out", FIVE, 5);
                assertThat(left(after, "same", perDay(5))).isEqualTo(2);
                assertThat(left(after, "same locked out", perDay(5))).isZero();
            }
        }

        /** Rows written before buckets carried a version take the limit as it is now, their tokens kept. */
        @Test
        void aBucketStoredWithoutAVersionKeepsItsTokens() {
            try (PostgresTokenBuckets after = started(2)) {
                HikariDataSource pool = new HikariDataSource();
                pool.setJdbcUrl(PostgresTestSupport.jdbcUrl(schema));
                pool.setUsername(PostgresTestSupport.USER);
                try (pool) {
                    PostgreSQLadvisoryLockBasedProxyManager<String> unversioned = Bucket4jPostgreSQL
                        .advisoryLockBasedBuilder(pool)
                        .primaryKeyMapper(PrimaryKeyMapper.STRING)
                        .table(PostgresTokenBuckets.TABLE)
                        .build();
                    for (String key : List.of("unversioned same", "unversioned raised")) {
                        assertThat(unversioned.getProxy(PostgresTokenBuckets.digest(key), () -> FIVE).tryConsume(3))
                            .isTrue();
                    }
                }
                assertThat(left(after, "unversioned same", perDay(5))).isEqualTo(2);
                assertThat(left(after, "unversioned raised", TEN)).isEqualTo(4);
            }
        }

        /** During a rolling restart the instance started last holds: the older one does not set its limit back. */
        @Test
        void anOlderInstanceFollowsTheLimitOfTheNewerOne() {
            try (PostgresTokenBuckets older = started(1); PostgresTokenBuckets newer = started(2)) {
                used(older, "rolling", FIVE, 1);
                assertThat(left(newer, "rolling", TEN)).isEqualTo(8);
                used(older, "rolling", FIVE, 1);
                assertThat(left(newer, "rolling", TEN)).isEqualTo(7);
            }
        }
    }
}
