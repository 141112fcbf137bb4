package org.counterspace.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.counterspace.web.FieldErrorsShown;

/** Turning the second step on or off: a code and the current password. */
@FieldErrorsShown
public record SecondStepChangeForm(@NotBlank(message = "{account.secondstep.code.required}") @Size(max = 64,
        message = "{account.secondstep.code.wrong}") String code,
        @NotBlank(message = "{account.password.current.required}") String currentPassword) {

    public SecondStepChangeForm {
        code = Usernames.strip(code);
    }

    static SecondStepChangeForm empty() {
        return new SecondStepChangeForm("", "");
    }
}
