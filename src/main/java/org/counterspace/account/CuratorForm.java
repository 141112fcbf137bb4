package org.counterspace.account;

import jakarta.validation.constraints.Pattern;

import org.counterspace.web.FieldErrorsShown;

/** The username of an account to make a curator, or to stop being one. */
@FieldErrorsShown
public record CuratorForm(@Pattern(regexp = Usernames.ALLOWED, message = "{account.username.pattern}") String username) {

    public CuratorForm {
        username = Usernames.strip(username);
    }

    static CuratorForm empty() {
        return new CuratorForm("");
    }
}
