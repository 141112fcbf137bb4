package org.counterspace.directory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Token buckets per client address, in memory. The map forgets the least recently seen clients
 * beyond {@link #MAX_CLIENTS}, so a flood of addresses cannot grow it without bound. With several
 * instances each keeps its own buckets (see docs/directory.md).
 */
public class RateLimits {

    static final int MAX_CLIENTS = 10_000;

    private final long capacity;

    private final Duration period;

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    RateLimits(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
    }

    /** Takes one token for this client; false when it has none left. */
    public boolean tryAcquire(String client) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
        }
        return bucket.tryConsume(1);
    }
}
