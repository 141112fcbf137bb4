package org.counterspace.account;

import java.io.Serial;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as every feature sees them: use {@code @AuthenticationPrincipal
 * AccountPrincipal me} and scope every personal query by {@link #id()}. It carries the settings
 * pages need on every request (time zone, discreet mode), so no request looks the account up.
 * It is stored in the session, so it stays small and serialisable.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String ROLE_USER = "ROLE_USER";

    public static final String ROLE_ADMIN = "ROLE_ADMIN";

    private final UUID id;

    private final String username;

    private String passwordHash;

    private final Set<String> roles;

    private final String timeZone;

    private final boolean discreet;

    public AccountPrincipal(UUID id, String username, String passwordHash, Set<String> roles, ZoneId timeZone,
            boolean discreet) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = Set.copyOf(roles);
        this.timeZone = timeZone.getId();
        this.discreet = discreet;
    }

    public UUID id() {
        return id;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public boolean discreet() {
        return discreet;
    }

    public boolean isAdmin() {
        return roles.contains(ROLE_ADMIN);
    }

    public Set<String> roles() {
        return roles;
    }

    public AccountPrincipal withSettings(ZoneId newTimeZone, boolean newDiscreet) {
        return new AccountPrincipal(id, username, passwordHash, roles, newTimeZone, newDiscreet);
    }

    public AccountPrincipal withRoles(Set<String> newRoles) {
        return new AccountPrincipal(id, username, passwordHash, newRoles, timeZone(), discreet);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().sorted().map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /** Two principals are the same person when they share the account id (session registry, fixation). */
    @Override
    public boolean equals(Object other) {
        return other instanceof AccountPrincipal that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + id + "]";
    }

    /** An ordinary user in UTC, not discreet. */
    public static AccountPrincipal user(UUID id, String username) {
        return new AccountPrincipal(id, username, "", Set.of(ROLE_USER), ZoneId.of("UTC"), false);
    }
}
