package org.counterspace.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.counterspace.web.FieldErrorsShown;

/** Signing in with a recovery code and choosing a new password; passwords are never echoed back. */
@FieldErrorsShown
public record RecoveryForm(@NotBlank(message = "{account.username.required}") @Size(max = 64,
        message = "{account.username.unknown}") String username,
        @NotBlank(message = "{account.recover.code.required}") @Size(max = 64,
                message = "{account.recover.code.invalid}") String code,
        String password, String confirm) {

    public RecoveryForm {
        username = Usernames.strip(username);
        code = Usernames.strip(code);
    }

    static RecoveryForm empty() {
        return new RecoveryForm("", "", "", "");
    }
}
