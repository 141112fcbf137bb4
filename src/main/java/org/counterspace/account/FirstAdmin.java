package org.counterspace.account;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * There is no default admin. The first one comes from {@code COUNTERSPACE_ADMIN_USERNAME} and
 * {@code COUNTERSPACE_ADMIN_PASSWORD} (or {@code --counterspace.admin.username=...} and
 * {@code --counterspace.admin.password=...}): an existing account with that name becomes a
 * curator (its password stays as it is); otherwise the account is created, and its password
 * must pass the same rules as everyone's. The password is never logged.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountService accounts;

    private final Passwords passwords;

    private final String username;

    private final String password;

    FirstAdmin(AccountService accounts, Passwords passwords, @Value("${counterspace.admin.username:}") String username,
            @Value("${counterspace.admin.password:}") String password) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.username = username.strip();
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isEmpty()) {
            return;
        }
        if (!username.matches(Usernames.ALLOWED)) {
            throw new IllegalStateException("counterspace.admin.username must be 3 to 32 letters, digits, '.', '_' or '-'");
        }
        if (accounts.setCurator(username, true).isPresent()) {
            log.info("First admin: the existing account '{}' is now a curator", username);
            return;
        }
        Optional<String> problem = passwords.problemWith(password, username);
        if (problem.isPresent()) {
            throw new IllegalStateException("counterspace.admin.password breaks the password rules (" + problem.get()
                    + "): at least 15 characters, not a common password, not containing the username, not easy to guess");
        }
        accounts.createOrPromoteAdmin(username, password);
        log.info("First admin: created the account '{}' as a curator", username);
    }
}
