package org.counterspace.web;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.github.bucket4j.TimeMeter;

/**
 * One store of token buckets for every limit: in memory on the embedded default (one instance), in
 * PostgreSQL in the postgres profile, which every multi-instance set-up runs, so a limit reached
 * through one instance holds on all of them.
 */
@Configuration(proxyBeanMethods = false)
class TokenBucketsConfig {

    private static final Logger log = LoggerFactory.getLogger(TokenBucketsConfig.class);

    static final String MAX_TRACKED = "counterspace.limits.max-tracked";

    /** The name {@link #MAX_TRACKED} had while only the sign-in limits were kept in memory. */
    static final String FORMER_MAX_TRACKED = "counterspace.throttle.max-tracked";

    /**
     * The buckets take their connections from a small pool of their own: each attempt waits on its key's
     * advisory lock holding a connection, so a flood of sign-in attempts at one key would otherwise hold
     * the app's whole pool, and every signed-in page would wait for a connection. The flood now waits
     * for these few (and gets the calm 503 page after 2 s); everything else goes on.
     */
    @Bean
    @Profile("postgres")
    TokenBuckets sharedTokenBuckets(DataSource dataSource) {
        HikariConfig limits = new HikariConfig();
        ((HikariDataSource) dataSource).copyStateTo(limits);
        limits.setPoolName("limits");
        limits.setMaximumPoolSize(4);
        limits.setMinimumIdle(1);
        limits.setConnectionTimeout(2000);
        return new PostgresTokenBuckets(new HikariDataSource(limits), System.currentTimeMillis());
    }

    /** {@code counterspace.limits.max-tracked}: keys kept in memory at most (usernames, addresses, devices). */
    @Bean
    @Profile("!postgres")
    TokenBuckets localTokenBuckets(Environment environment) {
        return new LocalTokenBuckets(maxTracked(environment), TimeMeter.SYSTEM_MILLISECONDS);
    }

    /**
     * The setting under its name, or under its former name when only that is set, so a configuration
     * written before the rename keeps its bound; the former name is named in the log, with the new one.
     */
    private static int maxTracked(Environment environment) {
        Integer current = environment.getProperty(MAX_TRACKED, Integer.class);
        Integer former = environment.getProperty(FORMER_MAX_TRACKED, Integer.class);
        if (former != null) {
            log.warn("{} is deprecated: set {} instead{}", FORMER_MAX_TRACKED, MAX_TRACKED,
                    current != null ? " (it is set, so the former name is ignored)" : "");
        }
        return current != null ? current : former != null ? former : 100_000;
    }
}
