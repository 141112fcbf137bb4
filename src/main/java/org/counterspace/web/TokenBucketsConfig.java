package org.counterspace.web;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import io.github.bucket4j.TimeMeter;

/**
 * One store of token buckets for every limit: in memory on the embedded default (one instance), in
 * PostgreSQL in the postgres profile, which every multi-instance set-up runs, so a limit reached
 * through one instance holds on all of them.
 */
@Configuration(proxyBeanMethods = false)
class TokenBucketsConfig {

    @Bean
    @Profile("postgres")
    TokenBuckets sharedTokenBuckets(DataSource dataSource) {
        return new PostgresTokenBuckets(dataSource);
    }

    /** {@code counterspace.limits.max-tracked}: keys kept in memory at most (usernames, addresses, devices). */
    @Bean
    @Profile("!postgres")
    TokenBuckets localTokenBuckets(@Value("${counterspace.limits.max-tracked:100000}") int maxTracked) {
        return new LocalTokenBuckets(maxTracked, TimeMeter.SYSTEM_MILLISECONDS);
    }
}
