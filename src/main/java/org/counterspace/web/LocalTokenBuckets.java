package org.counterspace.web;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * Token buckets in this instance's memory, at most {@code maxTracked} keys. A bucket asked for with
 * another configuration than it has takes that one, as the PostgreSQL store's buckets do
 * ({@link PostgresTokenBuckets#LIMIT_CHANGED}).
 */
public final class LocalTokenBuckets implements TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(LocalTokenBuckets.class);

    private final Map<String, LocalBucket> buckets = new ConcurrentHashMap<>();

    private final int maxTracked;

    private final TimeMeter clock;

    /** With another clock, for tests of limits that unfold over hours. */
    public LocalTokenBuckets(int maxTracked, TimeMeter clock) {
        this.maxTracked = maxTracked;
        this.clock = clock;
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        LocalBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxTracked) {
                prune();
            }
            return buckets.computeIfAbsent(key, absent -> newBucket(configuration.get()));
        }
        BucketConfiguration wanted = configuration.get();
        if (!bucket.getConfiguration().equals(wanted)) {
            bucket.replaceConfiguration(wanted, PostgresTokenBuckets.LIMIT_CHANGED);
        }
        return bucket;
    }

    private LocalBucket newBucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
        for (Bandwidth limit : configuration.getBandwidths()) {
            builder.addLimit(limit);
        }
        return builder.build();
    }

    /**
     * Keeps the map bounded: a full bucket (every one of its limits full) says nothing, so dropping
     * it loses nothing. Only if a flood of distinct keys fills the map with partly used buckets are
     * those dropped too.
     */
    private void prune() {
        buckets.values()
            .removeIf(bucket -> bucket.asVerbose().getAvailableTokens().getDiagnostics().calculateFullRefillingTime() == 0);
        if (buckets.size() >= maxTracked) {
            log.warn("Attempt limits: {} keys tracked, dropping the oldest half", buckets.size());
            Iterator<String> keys = buckets.keySet().iterator();
            for (int i = 0; i < maxTracked / 2 && keys.hasNext(); i++) {
                keys.next();
                keys.remove();
            }
        }
    }
}
