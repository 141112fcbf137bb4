package org.counterspace.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Attempt limits ({@code counterspace.throttle.*}); each window is {@code .attempts} and
 * {@code .period}, e.g. {@code counterspace.throttle.sign-in-name.attempts=5}, and optionally
 * {@code .slowdown-steps} (see {@link Window}).
 *
 * @param signInName failed sign-ins per username from browsers that are not a known device of the
 * account (default 5 in 15 minutes, slowing down in two steps)
 * @param signInAddressName failed sign-ins per username from one client address (default the same
 * as per username; raise {@code sign-in-name} alone to make it harder for guessers at several
 * addresses to make the owner wait while each address still gets this many)
 * @param signInAddress failed sign-ins per client address across all usernames (default 200 in 15
 * minutes: a shelter, a college or a mobile network puts many people behind one address)
 * @param signInDevice failed sign-ins (and wrong current passwords) from one known device of the
 * account (default 5 in 15 minutes); when it is used up the device counts as unknown
 * @param recoverName failed recoveries per username (default 5 in 15 minutes)
 * @param recoverAddress failed recoveries per client address (default 20 in 15 minutes)
 * @param registerAddress registrations per client address (default 10 an hour)
 */
@ConfigurationProperties("counterspace.throttle")
record ThrottleProperties(Window signInName, Window signInAddressName, Window signInAddress, Window signInDevice,
        Window recoverName, Window recoverAddress, Window registerAddress) {

    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    ThrottleProperties {
        signInName = signInName != null ? signInName : new Window(5, QUARTER_HOUR, 2);
        signInAddressName = signInAddressName != null ? signInAddressName : signInName;
        signInAddress = signInAddress != null ? signInAddress : new Window(200, QUARTER_HOUR, 0);
        signInDevice = signInDevice != null ? signInDevice : new Window(5, QUARTER_HOUR, 0);
        recoverName = recoverName != null ? recoverName : new Window(5, QUARTER_HOUR, 0);
        recoverAddress = recoverAddress != null ? recoverAddress : new Window(20, QUARTER_HOUR, 0);
        registerAddress = registerAddress != null ? registerAddress : new Window(10, Duration.ofHours(1), 0);
    }

    /**
     * {@code attempts} per {@code period}, refilled smoothly. Each slowdown step adds a limit of
     * twice the attempts over eight times the period, so someone who keeps guessing gets a quarter
     * of the pace at every step: with 5 in 15 minutes and two steps, one try about every 3 minutes,
     * then every 12 after 10 tries in 2 hours, then every 48 after 20 in 16 hours (about 30 a day).
     */
    record Window(int attempts, Duration period, Integer slowdownSteps) {

        Window {
            // checked at start-up: a window set half-way would otherwise fail every request it limits
            if (attempts < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("Each counterspace.throttle window needs both .attempts (at least 1) "
                        + "and .period (e.g. 15m); one was given " + attempts + " attempts in " + period + ".");
            }
            slowdownSteps = slowdownSteps != null ? slowdownSteps : 0;
        }
    }

    Window window(Throttle.Limit limit) {
        return switch (limit) {
            case SIGN_IN_NAME -> signInName;
            case SIGN_IN_ADDRESS_NAME -> signInAddressName;
            case SIGN_IN_ADDRESS -> signInAddress;
            case SIGN_IN_DEVICE -> signInDevice;
            case RECOVER_NAME -> recoverName;
            case RECOVER_ADDRESS -> recoverAddress;
            case REGISTER_ADDRESS -> registerAddress;
        };
    }
}
