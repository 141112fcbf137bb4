package org.counterspace.account;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** A person's account: a username and a password hash, nothing that names them. */
@Entity
@Table(name = "account")
class Account implements Persistable<UUID> {

    @Id
    private UUID id;

    private String username;

    @Column(name = "username_key")
    private String usernameKey;

    @Column(name = "password_hash")
    private String passwordHash;

    private String roles;

    @Column(name = "time_zone")
    private String timeZone;

    private boolean discreet;

    @Column(name = "created_at")
    private Instant createdAt;

    @Transient
    private boolean fresh;

    protected Account() {
    }

    Account(String username, String passwordHash, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.usernameKey = Usernames.keyOfStored(username); // unique: "Sam" and "sam" are one person
        this.passwordHash = passwordHash;
        this.roles = AccountPrincipal.ROLE_USER;
        this.timeZone = "UTC";
        this.createdAt = createdAt;
        this.fresh = true;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    Set<String> roles() {
        return Arrays.stream(roles.split(",")).filter(role -> !role.isBlank()).collect(Collectors.toCollection(TreeSet::new));
    }

    void changeRoles(Set<String> newRoles) {
        this.roles = String.join(",", new TreeSet<>(newRoles));
    }

    ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    boolean discreet() {
        return discreet;
    }

    void changeSettings(ZoneId newTimeZone, boolean newDiscreet) {
        this.timeZone = newTimeZone.getId();
        this.discreet = newDiscreet;
    }

    Instant createdAt() {
        return createdAt;
    }

    AccountPrincipal toPrincipal() {
        return new AccountPrincipal(id, username, passwordHash, roles(), timeZone(), discreet);
    }
}
