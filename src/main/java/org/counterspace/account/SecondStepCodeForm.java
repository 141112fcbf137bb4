package org.counterspace.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.counterspace.web.FieldErrorsShown;

/** A code at the second step: from the authenticator app, or a recovery code. */
@FieldErrorsShown
record SecondStepCodeForm(@NotBlank(message = "{account.secondstep.code.required}") @Size(max = 64,
        message = "{account.secondstep.code.wrong}") String code) {

    SecondStepCodeForm {
        code = Usernames.strip(code);
    }

    static SecondStepCodeForm empty() {
        return new SecondStepCodeForm("");
    }
}
