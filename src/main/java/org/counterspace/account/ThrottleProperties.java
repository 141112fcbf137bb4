package org.counterspace.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Attempt limits ({@code counterspace.throttle.*}); each window is {@code .attempts} and
 * {@code .period}, e.g. {@code counterspace.throttle.sign-in-name.attempts=5}.
 *
 * @param signInName failed sign-ins per username (default 5 in 15 minutes)
 * @param signInAddress failed sign-ins per client address (default 50 in 15 minutes: people share addresses)
 * @param recoverName failed recoveries per username (default 5 in 15 minutes)
 * @param recoverAddress failed recoveries per client address (default 20 in 15 minutes)
 * @param registerAddress registrations per client address (default 10 an hour)
 * @param maxTracked how many usernames and addresses are tracked at most (default 100000)
 */
@ConfigurationProperties("counterspace.throttle")
record ThrottleProperties(Window signInName, Window signInAddress, Window recoverName, Window recoverAddress,
        Window registerAddress, Integer maxTracked) {

    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    ThrottleProperties {
        signInName = signInName != null ? signInName : new Window(5, QUARTER_HOUR);
        signInAddress = signInAddress != null ? signInAddress : new Window(50, QUARTER_HOUR);
        recoverName = recoverName != null ? recoverName : new Window(5, QUARTER_HOUR);
        recoverAddress = recoverAddress != null ? recoverAddress : new Window(20, QUARTER_HOUR);
        registerAddress = registerAddress != null ? registerAddress : new Window(10, Duration.ofHours(1));
        maxTracked = maxTracked != null ? maxTracked : 100_000;
    }

    record Window(int attempts, Duration period) {
    }

    Window window(Throttle.Limit limit) {
        return switch (limit) {
            case SIGN_IN_NAME -> signInName;
            case SIGN_IN_ADDRESS -> signInAddress;
            case RECOVER_NAME -> recoverName;
            case RECOVER_ADDRESS -> recoverAddress;
            case REGISTER_ADDRESS -> registerAddress;
        };
    }
}
