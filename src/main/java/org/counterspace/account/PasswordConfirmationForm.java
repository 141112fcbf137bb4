package org.counterspace.account;

import jakarta.validation.constraints.NotBlank;

import org.counterspace.web.FieldErrorsShown;

/** For actions that need the password once more: new recovery codes, deleting the account. */
@FieldErrorsShown
public record PasswordConfirmationForm(@NotBlank(message = "{account.password.current.required}") String currentPassword) {

    static PasswordConfirmationForm empty() {
        return new PasswordConfirmationForm("");
    }
}
