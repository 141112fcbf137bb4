package org.counterspace.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Accounts for tests of other features: a real row in the account table (so foreign keys hold)
 * and the principal to act as that person in MockMvc. The password hash is a placeholder; tests
 * that sign in through the login form register through the account pages instead.
 */
public final class TestAccounts {

    private TestAccounts() {
    }

    public static AccountPrincipal create(JdbcTemplate jdbc, String username, String... extraRoles) {
        UUID id = UUID.randomUUID();
        Set<String> roles = new HashSet<>(Set.of(AccountPrincipal.ROLE_USER));
        roles.addAll(Set.of(extraRoles));
        jdbc.update("insert into account (id, username, username_key, password_hash, roles, time_zone, discreet, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", id, username, username.toLowerCase(), "{noop}unused",
                String.join(",", roles), "UTC", false, Timestamp.from(Instant.now()));
        return new AccountPrincipal(id, username, "{noop}unused", roles, ZoneId.of("UTC"), false);
    }

    /** Act as this person in a MockMvc request. */
    public static RequestPostProcessor as(AccountPrincipal principal) {
        return user(principal);
    }
}
