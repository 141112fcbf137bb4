package org.counterspace.account;

import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;

/**
 * Attempt limits for sign-in, registration and recovery (Bucket4j token buckets), by the
 * normalised username and by the client address. A username's limit is the same whether or not
 * the account exists, so waiting tells nobody anything. Buckets live in this instance's memory;
 * several instances would share them through Bucket4j's JDBC or Redis back ends instead.
 */
@Component
class Throttle {

    private static final Logger log = LoggerFactory.getLogger(Throttle.class);

    /** A limit and what it counts: tokens per window, refilled smoothly over the window. */
    enum Limit {
        SIGN_IN_NAME, SIGN_IN_ADDRESS, RECOVER_NAME, RECOVER_ADDRESS, REGISTER_ADDRESS
    }

    record Key(Limit limit, String value) {

        static Key name(Limit limit, String username) {
            String value = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
            return new Key(limit, value.length() > 64 ? value.substring(0, 64) : value);
        }
    }

    private final ThrottleProperties properties;

    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();

    Throttle(ThrottleProperties properties) {
        this.properties = properties;
    }

    /** How long until one more attempt is allowed under all the keys; zero when it is allowed now. */
    Duration waitFor(Key... keys) {
        long nanos = 0;
        for (Key key : keys) {
            Bucket bucket = buckets.get(key);
            if (bucket != null) {
                EstimationProbe probe = bucket.estimateAbilityToConsume(1);
                if (!probe.canBeConsumed()) {
                    nanos = Math.max(nanos, probe.getNanosToWaitForRefill());
                }
            }
        }
        return Duration.ofNanos(nanos);
    }

    /** Counts one attempt against every key (a failed sign-in, a registration). */
    void count(Key... keys) {
        for (Key key : keys) {
            bucketFor(key).tryConsume(1);
        }
    }

    /** Counts an attempt unless a key is exhausted; the wait when it is (nothing is counted then). */
    Duration take(Key... keys) {
        Duration wait = waitFor(keys);
        if (wait.isZero()) {
            count(keys);
        }
        return wait;
    }

    private Bucket bucketFor(Key key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= properties.maxTracked()) {
                prune();
            }
            bucket = buckets.computeIfAbsent(key, this::newBucket);
        }
        return bucket;
    }

    private Bucket newBucket(Key key) {
        ThrottleProperties.Window window = properties.window(key.limit());
        return Bucket.builder()
            .addLimit(limit -> limit.capacity(window.attempts()).refillGreedy(window.attempts(), window.period()))
            .build();
    }

    /**
     * Keeps the map bounded: a full bucket says nothing, so dropping it loses nothing. Only if a
     * flood of distinct keys fills the map with partly used buckets are those dropped too.
     */
    private void prune() {
        buckets.entrySet().removeIf(entry -> entry.getValue().getAvailableTokens()
                >= properties.window(entry.getKey().limit()).attempts());
        if (buckets.size() >= properties.maxTracked()) {
            log.warn("Attempt limits: {} keys tracked, dropping the oldest half", buckets.size());
            Iterator<Key> keys = buckets.keySet().iterator();
            for (int i = 0; i < properties.maxTracked() / 2 && keys.hasNext(); i++) {
                keys.next();
                keys.remove();
            }
        }
    }

    int tracked() {
        return buckets.size();
    }
}
