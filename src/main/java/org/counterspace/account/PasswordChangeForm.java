package org.counterspace.account;

import jakarta.validation.constraints.NotBlank;

import org.counterspace.web.FieldErrorsShown;

/** A new password, confirmed with the current one; passwords are never echoed back. */
@FieldErrorsShown
public record PasswordChangeForm(@NotBlank(message = "{account.password.current.required}") String currentPassword,
        String password, String confirm) {

    static PasswordChangeForm empty() {
        return new PasswordChangeForm("", "", "");
    }
}
