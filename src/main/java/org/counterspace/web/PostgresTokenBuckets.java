package org.counterspace.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;

/**
 * Token buckets in the {@code rate_limit_bucket} table (V55), shared by every instance on the
 * database. Each bucket is read and written under a PostgreSQL advisory lock on its key, so two
 * instances counting one attempt at the same moment both count. A key is stored as its SHA-256,
 * so the table (and every backup of it) holds no username or client address. A row is kept until a
 * minute after its bucket has refilled; every thousandth use removes up to a thousand such rows.
 * <p>
 * A limit changed in the configuration reaches the buckets already stored: each is stored with the
 * version of the configuration it follows, and a bucket of a lower version takes this instance's
 * configuration when next used ({@link #LIMIT_CHANGED}). Bucket4j replaces a configuration only for a
 * higher version, so a digest of the configuration would apply some changes and not others; the
 * version is the time the instance's limits were configured, and the instance started last is the
 * one whose limits hold, also for a limit set back to what it was.
 */
final class PostgresTokenBuckets implements TokenBuckets, AutoCloseable {

    static final String TABLE = "rate_limit_bucket";

    private static final int CLEAN_EVERY = 1000;

    /**
     * How a bucket takes a changed limit: the share of it already used carries over (3 of 5 attempts
     * left become 6 of 10), so a change neither forgives a lockout nor adds one. An unchanged limit keeps
     * its tokens exactly.
     */
    static final TokensInheritanceStrategy LIMIT_CHANGED = TokensInheritanceStrategy.PROPORTIONALLY;

    private final PostgreSQLadvisoryLockBasedProxyManager<String> buckets;

    private final AtomicLong uses = new AtomicLong();

    private final HikariDataSource dataSource;

    private final long configurationVersion;

    /** {@code configurationVersion}: when this instance's limits were configured, in milliseconds. */
    PostgresTokenBuckets(HikariDataSource dataSource, long configurationVersion) {
        this.dataSource = dataSource;
        this.configurationVersion = configurationVersion;
        this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table(TABLE)
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
            .build();
    }

    /** Closes the buckets' own connection pool with the application context. */
    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        if (uses.incrementAndGet() % CLEAN_EVERY == 0) {
            buckets.removeExpired(CLEAN_EVERY);
        }
        return buckets.builder()
            .withImplicitConfigurationReplacement(configurationVersion, LIMIT_CHANGED)
            .build(digest(key), configuration);
    }

    static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
