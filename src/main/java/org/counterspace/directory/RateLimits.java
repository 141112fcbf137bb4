package org.counterspace.directory;

import java.time.Duration;

import org.counterspace.web.TokenBuckets;

import io.github.bucket4j.BucketConfiguration;

/**
 * A token bucket per client address, kept in {@link TokenBuckets} (shared by every instance in the
 * postgres profile) under this limit's name.
 */
public class RateLimits {

    private final TokenBuckets buckets;

    private final String name;

    private final BucketConfiguration configuration;

    RateLimits(TokenBuckets buckets, String name, long capacity, Duration period) {
        this.buckets = buckets;
        this.name = name;
        this.configuration = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
            .build();
    }

    /** Takes one token for this client; false when it has none left. */
    public boolean tryAcquire(String client) {
        return buckets.bucket(name + ":" + client, () -> configuration).tryConsume(1);
    }
}
