package org.counterspace.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * Attempt limits for sign-in, the forms that ask for the current password again, registration and
 * recovery (Bucket4j token buckets), by the normalised username ({@link Usernames}), the client
 * address or a known device ({@link SignInAttempts} chooses the keys of a sign-in). A username's
 * limit is the same whether or not the account exists, so waiting tells nobody anything. Buckets
 * live in this instance's memory; several instances would share them through Bucket4j's JDBC or
 * Redis back ends instead.
 */
@Component
class Throttle {

    private static final Logger log = LoggerFactory.getLogger(Throttle.class);

    /** A limit and what it counts: tokens per window, refilled smoothly over the window. */
    enum Limit {
        SIGN_IN_NAME, SIGN_IN_ADDRESS_NAME, SIGN_IN_ADDRESS, SIGN_IN_DEVICE, RECOVER_NAME, RECOVER_ADDRESS,
        REGISTER_ADDRESS
    }

    /** What a limit counts under: a username key ({@link Usernames}), a client address, both, or a device. */
    record Key(Limit limit, String value) {
    }

    /**
     * One attempt, counted under all its keys at once, or under none when one of them has no
     * attempt left. An attempt that turns out not to count (a sign-in that succeeded, a form sent
     * back for a typing mistake) is given back with {@link #refund()}.
     */
    static final class Attempt {

        private final List<Bucket> taken;

        private final Duration wait;

        private final boolean last;

        private Attempt(List<Bucket> taken, Duration wait, boolean last) {
            this.taken = taken;
            this.wait = wait;
            this.last = last;
        }

        boolean allowed() {
            return wait.isZero();
        }

        /** How long until one more attempt is allowed; zero when this one was. */
        Duration waitFor() {
            return wait;
        }

        /** True when this attempt used the last one a key allowed: the next will have to wait. */
        boolean wasLast() {
            return last;
        }

        void refund() {
            taken.forEach(bucket -> bucket.addTokens(1));
            taken.clear();
        }
    }

    private final ThrottleProperties properties;

    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();

    private final TimeMeter clock;

    @Autowired
    Throttle(ThrottleProperties properties) {
        this(properties, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** With another clock, for tests of limits that unfold over hours. */
    Throttle(ThrottleProperties properties, TimeMeter clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes one attempt under every key, each with a single atomic {@code tryConsume}, so attempts
     * sent in parallel cannot all pass one check before any is counted. When a key has nothing left,
     * the attempts already taken under the other keys are given back.
     */
    Attempt attempt(Key... keys) {
        List<Bucket> taken = new ArrayList<>(keys.length);
        boolean last = false;
        for (Key key : keys) {
            Bucket bucket = bucketFor(key);
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                taken.forEach(counted -> counted.addTokens(1));
                Duration wait = Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
                return new Attempt(new ArrayList<>(), wait, false);
            }
            taken.add(bucket);
            last |= probe.getRemainingTokens() == 0;
        }
        return new Attempt(taken, Duration.ZERO, last);
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

    /** One limit per window, plus one per slowdown step (twice the attempts over eight times the period). */
    private Bucket newBucket(Key key) {
        ThrottleProperties.Window window = properties.window(key.limit());
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
        long attempts = window.attempts();
        Duration period = window.period();
        for (int step = 0; step <= window.slowdownSteps(); step++) {
            long capacity = attempts;
            Duration refill = period;
            builder.addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refill));
            attempts *= 2;
            period = period.multipliedBy(8);
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
        if (buckets.size() >= properties.maxTracked()) {
            log.warn("Attempt limits: {} keys tracked, dropping the oldest half", buckets.size());
            Iterator<Key> keys = buckets.keySet().iterator();
            for (int i = 0; i < properties.maxTracked() / 2 && keys.hasNext(); i++) {
                keys.next();
                keys.remove();
            }
        }
    }
}
