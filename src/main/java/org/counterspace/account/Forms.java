package org.counterspace.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.counterspace.web.FieldErrorsShown;

/** The account's form objects. Passwords are never echoed back into a form. */
final class Forms {

    static final String USERNAME = "[A-Za-z0-9._-]{3,32}";

    private Forms() {
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    @FieldErrorsShown
    record Registration(@Pattern(regexp = USERNAME, message = "{account.username.pattern}") String username,
            String password, String confirm) {

        Registration {
            username = strip(username);
        }

        static Registration empty() {
            return new Registration("", "", "");
        }
    }

    @FieldErrorsShown
    record Recovery(@NotBlank(message = "{account.username.required}") @Size(max = 64,
            message = "{account.username.unknown}") String username,
            @NotBlank(message = "{account.recover.code.required}") @Size(max = 64,
                    message = "{account.recover.code.invalid}") String code,
            String password, String confirm) {

        Recovery {
            username = strip(username);
            code = strip(code);
        }

        static Recovery empty() {
            return new Recovery("", "", "", "");
        }
    }

    @FieldErrorsShown
    record PasswordChange(@NotBlank(message = "{account.password.current.required}") String currentPassword,
            String password, String confirm) {

        static PasswordChange empty() {
            return new PasswordChange("", "", "");
        }
    }

    /** For actions that need the password once more: new recovery codes, deleting the account. */
    @FieldErrorsShown
    record Confirmation(@NotBlank(message = "{account.password.current.required}") String currentPassword) {

        static Confirmation empty() {
            return new Confirmation("");
        }
    }

    /** A code at the second step: from the authenticator app, or a recovery code. */
    @FieldErrorsShown
    record SecondStepCode(@NotBlank(message = "{account.secondstep.code.required}") @Size(max = 64,
            message = "{account.secondstep.code.wrong}") String code) {

        SecondStepCode {
            code = strip(code);
        }

        static SecondStepCode empty() {
            return new SecondStepCode("");
        }
    }

    /** Turning the second step on or off: a code and the current password. */
    @FieldErrorsShown
    record SecondStepChange(@NotBlank(message = "{account.secondstep.code.required}") @Size(max = 64,
            message = "{account.secondstep.code.wrong}") String code,
            @NotBlank(message = "{account.password.current.required}") String currentPassword) {

        SecondStepChange {
            code = strip(code);
        }

        static SecondStepChange empty() {
            return new SecondStepChange("", "");
        }
    }

    /** {@code discreet} is a String, so a tampered value is simply "off" instead of a binding failure. */
    record Settings(@NotBlank(message = "{account.settings.zone.invalid}") @Size(max = 64,
            message = "{account.settings.zone.invalid}") String timeZone, String discreet) {

        Settings(String timeZone, boolean discreet) {
            this(timeZone, discreet ? "true" : null);
        }

        public boolean discreetOn() {
            return "true".equals(discreet);
        }
    }

    @FieldErrorsShown
    record Curator(@Pattern(regexp = USERNAME, message = "{account.username.pattern}") String username) {

        Curator {
            username = strip(username);
        }

        static Curator empty() {
            return new Curator("");
        }
    }
}
