package org.counterspace.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.counterspace.web.TokenBuckets;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Attempt limits for sign-in, the forms that ask for the current password again, registration and
 * recovery (Bucket4j token buckets), by the normalised username ({@link Usernames}), the client
 * address or a known device ({@link SignInAttempts} chooses the keys of a sign-in). A username's
 * limit is the same whether or not the account exists, so waiting tells nobody anything. Buckets
 * live in {@link TokenBuckets}: this instance's memory by default, PostgreSQL (shared by every
 * instance) in the postgres profile.
 */
@Component
class Throttle {

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

    private final TokenBuckets buckets;

    Throttle(ThrottleProperties properties, TokenBuckets buckets) {
        this.properties = properties;
        this.buckets = buckets;
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
            Bucket bucket = buckets.bucket("throttle:" + key.limit() + ":" + key.value(), () -> configuration(key.limit()));
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

    /**
     * One limit per window, plus one per slowdown step (twice the attempts over eight times the period).
     * Each is named by its step, so a bucket stored before the steps were changed keeps what was used of
     * the steps it still has.
     */
    private BucketConfiguration configuration(Limit limit) {
        ThrottleProperties.Window window = properties.window(limit);
        ConfigurationBuilder builder = BucketConfiguration.builder();
        long attempts = window.attempts();
        Duration period = window.period();
        for (int step = 0; step <= window.slowdownSteps(); step++) {
            long capacity = attempts;
            Duration refill = period;
            String id = "step-" + step;
            builder.addLimit(bandwidth -> bandwidth.capacity(capacity).refillGreedy(capacity, refill).id(id));
            attempts *= 2;
            period = period.multipliedBy(8);
        }
        return builder.build();
    }
}
