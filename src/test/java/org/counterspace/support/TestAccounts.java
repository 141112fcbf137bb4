package org.counterspace.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Accounts for tests of other features: a real row in the account table (so foreign keys hold)
 * and the principal to act as that person in MockMvc. Its password is {@link #PASSWORD}, hashed
 * with Argon2id under the {@code {argon2}} id, so browser tests can sign in through /login.
 */
public final class TestAccounts {

    private TestAccounts() {
    }

    /** The password every test account gets, for tests that sign in through the login form. */
    public static final String PASSWORD = "a quiet walk by the river at dusk";

    private static final PasswordEncoder ARGON2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    public static AccountPrincipal create(JdbcTemplate jdbc, String username, String... extraRoles) {
        UUID id = UUID.randomUUID();
        String hash = "{argon2}" + ARGON2.encode(PASSWORD);
        Set<String> roles = new HashSet<>(Set.of(AccountPrincipal.ROLE_USER));
        roles.addAll(Set.of(extraRoles));
        jdbc.update("insert into account (id, username, username_key, password_hash, roles, time_zone, discreet, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", id, username, username.toLowerCase(), hash,
                String.join(",", roles), "UTC", false, Timestamp.from(Instant.now()));
        return new AccountPrincipal(id, username, hash, roles, ZoneId.of("UTC"), false);
    }

    /** Act as this person in a MockMvc request. */
    public static RequestPostProcessor as(AccountPrincipal principal) {
        return user(principal);
    }

    /** A personal page asked of someone not signed in: the sign-in page, never the page itself. */
    public static ResultMatcher signInAsked() {
        return result -> {
            status().isFound().match(result);
            redirectedUrl("/login").match(result);
        };
    }
}
