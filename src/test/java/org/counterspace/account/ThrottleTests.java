package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.counterspace.web.LocalTokenBuckets;
import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;

/** Limits that unfold over hours, on a clock the test moves. */
class ThrottleTests {

    final AtomicLong now = new AtomicLong();

    final TimeMeter clock = new TimeMeter() {

        @Override
        public long currentTimeNanos() {
            return now.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    final ThrottleProperties defaults = new ThrottleProperties(null, null, null, null, null, null, null);

    final Throttle throttle = new Throttle(defaults, new LocalTokenBuckets(100_000, clock));

    /** Guesses as fast as the limit allows for this long; returns how many were allowed and the last wait. */
    record Guessing(int allowed, Duration lastWait) {
    }

    Guessing guessFor(Duration span, Throttle.Key key) {
        int allowed = 0;
        Duration lastWait = Duration.ZERO;
        while (now.get() < span.toNanos()) {
            Throttle.Attempt attempt = throttle.attempt(key);
            if (attempt.allowed()) {
                allowed++;
            }
            else {
                lastWait = attempt.waitFor();
                now.addAndGet(lastWait.toNanos());
            }
        }
        return new Guessing(allowed, lastWait);
    }

    @Test
    void aUsernameIsSlowedDownTheLongerSomeoneGuesses() {
        Throttle.Key name = new Throttle.Key(Throttle.Limit.SIGN_IN_NAME, "victim");
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt(name).allowed()).isTrue();
        }
        Throttle.Attempt sixth = throttle.attempt(name);
        assertThat(sixth.allowed()).isFalse();
        assertThat(sixth.waitFor()).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(4));

        Guessing day = guessFor(Duration.ofDays(1), name);
        // 5 in 15 minutes alone would allow about 485 a day; the slowdown steps leave about 30.
        assertThat(day.allowed() + 5).isLessThanOrEqualTo(50);
        assertThat(day.lastWait()).isGreaterThan(Duration.ofMinutes(40));
    }

    @Test
    void anAddressAcrossUsernamesIsNotSlowedDownAndAllowsFarMore() {
        Throttle.Key address = new Throttle.Key(Throttle.Limit.SIGN_IN_ADDRESS, "192.0.2.1");
        assertThat(defaults.signInAddress().attempts()).isGreaterThanOrEqualTo(40 * defaults.signInName().attempts());
        Guessing day = guessFor(Duration.ofDays(1), address);
        assertThat(day.allowed()).isGreaterThan(96 * defaults.signInAddress().attempts() - 1);
    }

    @Test
    void anAttemptGivenBackCountsForNothingOnEveryStep() {
        Throttle.Key name = new Throttle.Key(Throttle.Limit.SIGN_IN_NAME, "careful");
        for (int i = 0; i < 100; i++) {
            Throttle.Attempt attempt = throttle.attempt(name);
            assertThat(attempt.allowed()).isTrue();
            attempt.refund();
        }
    }

    /** Fewer slowdown steps after a restart: the attempts already used still count on the window kept. */
    @Test
    void aChangeOfSlowdownStepsKeepsTheAttemptsUsed() {
        LocalTokenBuckets stored = new LocalTokenBuckets(100_000, clock);
        Throttle.Key name = new Throttle.Key(Throttle.Limit.SIGN_IN_NAME, "steps");
        Throttle before = new Throttle(defaults, stored);
        for (int i = 0; i < 3; i++) {
            assertThat(before.attempt(name).allowed()).isTrue();
        }
        ThrottleProperties.Window noSteps = new ThrottleProperties.Window(5, Duration.ofMinutes(15), 0);
        Throttle after = new Throttle(new ThrottleProperties(noSteps, null, null, null, null, null, null), stored);
        assertThat(after.attempt(name).allowed()).isTrue();
        assertThat(after.attempt(name).allowed()).isTrue();
        assertThat(after.attempt(name).allowed()).isFalse();
    }

    @Test
    void aWindowSetHalfWayIsRefusedAtStartUpNotAtTheFirstRequest() {
        assertThatThrownBy(() -> new ThrottleProperties.Window(1000, null, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".period");
        assertThatThrownBy(() -> new ThrottleProperties.Window(0, Duration.ofHours(1), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".attempts");
    }
}
