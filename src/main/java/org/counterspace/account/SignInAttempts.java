package org.counterspace.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * Which limits a sign-in attempt (or a current password typed again) counts under, so that limits
 * protect the owner without locking them out:
 * <ul>
 * <li>from a known device of the account ({@link KnownDevices}): that device's own small allowance
 * only, so guesses made anywhere else never make the owner's browser wait; when the allowance is
 * used up, the device counts as unknown;</li>
 * <li>from any other browser: the username (with slowdown steps), the username from this address,
 * and this address across every username (far higher, so people sharing an address do not block
 * each other).</li>
 * </ul>
 */
@Component
class SignInAttempts {

    private final Throttle throttle;

    private final KnownDevices devices;

    SignInAttempts(Throttle throttle, KnownDevices devices) {
        this.throttle = throttle;
        this.devices = devices;
    }

    /**
     * Takes one attempt for this username key from this request's browser and address; a browser
     * said to be shared ({@link KnownDevices#SHARED_PARAMETER}) counts as unknown.
     */
    Throttle.Attempt take(String usernameKey, boolean sharedDevice, HttpServletRequest request) {
        Throttle.Attempt known = sharedDevice ? null : devices.recognise(request, usernameKey)
            .map(device -> throttle.attempt(new Throttle.Key(Throttle.Limit.SIGN_IN_DEVICE, device)))
            .orElse(null);
        if (known != null && known.allowed()) {
            return known;
        }
        String address = request.getRemoteAddr();
        return throttle.attempt(new Throttle.Key(Throttle.Limit.SIGN_IN_NAME, usernameKey),
                new Throttle.Key(Throttle.Limit.SIGN_IN_ADDRESS_NAME, address + "\n" + usernameKey),
                new Throttle.Key(Throttle.Limit.SIGN_IN_ADDRESS, address));
    }

    /** A name that cannot be a username ({@link Usernames}) counts against the address only. */
    Throttle.Attempt takeWithoutName(HttpServletRequest request) {
        return throttle.attempt(new Throttle.Key(Throttle.Limit.SIGN_IN_ADDRESS, request.getRemoteAddr()));
    }

    /** Whether this browser carries a token for this username key. */
    boolean knownDevice(String usernameKey, HttpServletRequest request) {
        return devices.recognise(request, usernameKey).isPresent();
    }

    /** After a successful sign-in this browser is a known device of the account, unless it is shared. */
    void succeeded(String usernameKey, boolean sharedDevice, HttpServletRequest request, HttpServletResponse response) {
        if (sharedDevice) {
            devices.forget(usernameKey, request, response);
        }
        else {
            devices.remember(usernameKey, request, response);
        }
    }
}
