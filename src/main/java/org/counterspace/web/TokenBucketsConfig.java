package org.counterspace.web;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

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
        return new PostgresTokenBuckets(new HikariDataSource(limits));
    }

    /** {@code counterspace.limits.max-tracked}: keys kept in memory at most (usernames, addresses, devices). */
    @Bean
    @Profile("!postgres")
    TokenBuckets localTokenBuckets(@Value("${counterspace.limits.max-tracked:100000}") int maxTracked) {
        return new LocalTokenBuckets(maxTracked, TimeMeter.SYSTEM_MILLISECONDS);
    }
}
