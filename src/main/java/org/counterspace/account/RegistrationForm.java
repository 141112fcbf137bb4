package org.counterspace.account;

import jakarta.validation.constraints.Pattern;

import org.counterspace.web.FieldErrorsShown;

/**
 * A new account. Passwords are never echoed back into the form. {@code discreet} is "true" or
 * "false" from a pair of radios; the blank form offers "true", because a new account is most often
 * made on the device that may be shared. Anything else is "off", as in {@link SettingsForm}.
 */
@FieldErrorsShown
record RegistrationForm(@Pattern(regexp = Usernames.ALLOWED, message = "{account.username.pattern}") String username,
        String password, String confirm, String discreet) {

    RegistrationForm {
        username = Usernames.strip(username);
    }

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "", "true");
    }

    public boolean discreetOn() {
        return "true".equals(discreet);
    }
}
