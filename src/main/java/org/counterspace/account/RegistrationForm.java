package org.counterspace.account;

import jakarta.validation.constraints.Pattern;

import org.counterspace.web.FieldErrorsShown;

/**
 * A new account. Passwords are never echoed back into the form. {@code discreet} is "true" or
 * "false" from a pair of radios; the blank form offers "true", because a new account is most often
 * made on the device that may be shared. Anything else is "off", as in {@link SettingsForm}.
 * {@code timeZone} left out (an older page, a script) means the region's zone; a value not on the list is
 * refused, as in the settings.
 */
@FieldErrorsShown
public record RegistrationForm(@Pattern(regexp = Usernames.ALLOWED, message = "{account.username.pattern}") String username,
        String password, String confirm, String discreet, String timeZone, String sharedDevice) {

    public RegistrationForm {
        username = Usernames.strip(username);
    }

    static RegistrationForm empty(String timeZone) {
        return new RegistrationForm("", "", "", "true", timeZone, null);
    }

    /** Ticked: this browser is not remembered as one of the account's devices (as at sign-in). */
    public boolean sharedDeviceOn() {
        return "true".equals(sharedDevice);
    }

    public boolean discreetOn() {
        return "true".equals(discreet);
    }
}
