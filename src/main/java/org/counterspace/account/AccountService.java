package org.counterspace.account;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Everything that changes an account. Callers check the password rules first ({@link Passwords}),
 * and the current password where a form asks for it again ({@link Reauthentication}).
 */
@Service
class AccountService {

    /** The unique constraint on the lower-cased username (V10__accounts.sql). */
    static final String USERNAME_CONSTRAINT = "account_username_key_uq";

    private final AccountRepository accounts;

    private final RecoveryCodes recoveryCodes;

    private final PasswordEncoder encoder;

    private final ApplicationEventPublisher events;

    private final JdbcTemplate jdbc;

    private final ActivityLog activity;

    private final SecondStepService secondStep;

    private final TransactionOperations transaction;

    private final AccountLock lock;

    AccountService(AccountRepository accounts, RecoveryCodes recoveryCodes, PasswordEncoder encoder,
            ApplicationEventPublisher events, JdbcTemplate jdbc, ActivityLog activity, SecondStepService secondStep,
            TransactionOperations transaction, AccountLock lock) {
        this.accounts = accounts;
        this.recoveryCodes = recoveryCodes;
        this.encoder = encoder;
        this.events = events;
        this.jdbc = jdbc;
        this.activity = activity;
        this.secondStep = secondStep;
        this.transaction = transaction;
        this.lock = lock;
    }

    record Registration(AccountPrincipal principal, List<String> recoveryCodes) {
    }

    /** Thrown when the username is taken, also when another registration won a race for it. */
    static class UsernameTaken extends RuntimeException {

        UsernameTaken() {
            super("username taken", null, false, false);
        }
    }

    /**
     * Creates the account with its recovery codes, in discreet mode if the person chose it. A taken
     * name is found by a look-up first, so the usual case never reaches the database's refusal (whose
     * message, with the name in it, the JDBC layer would log); the unique constraint still decides a
     * race, so two registrations racing for one name cannot both win. The password is hashed before
     * the transaction opens: a hash waits its turn behind others ({@link Argon2Hashing}) and takes its
     * time, and registrations that held a database connection meanwhile emptied PostgreSQL's pool of
     * 10 under a burst of them, so other requests waited out the pool's timeout (bench/load.sh).
     */
    public Registration register(String username, String password, boolean discreet, ZoneId timeZone) {
        String passwordHash = encoder.encode(password);
        return transaction.execute(status -> {
            if (accounts.existsByUsernameKey(Usernames.keyOfStored(username))) {
                throw new UsernameTaken();
            }
            Account account = new Account(username, passwordHash, Instant.now());
            account.changeSettings(timeZone, discreet);
            insert(account);
            List<String> codes = recoveryCodes.replace(account.getId());
            activity.record(account.getId(), ActivityLog.Kind.CREATED);
            events.publishEvent(new AccountRegistered(account.getId()));
            return new Registration(account.toPrincipal(), codes);
        });
    }

    private void insert(Account account) {
        try {
            accounts.saveAndFlush(account);
        }
        catch (DataIntegrityViolationException e) {
            String cause = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
            if (cause.contains(USERNAME_CONSTRAINT)) {
                throw new UsernameTaken();
            }
            throw e;
        }
    }

    @Transactional(readOnly = true)
    public Optional<Account> find(UUID id) {
        return accounts.findById(id);
    }

    @Transactional(readOnly = true)
    public boolean passwordMatches(UUID id, String password) {
        return accounts.findById(id).map(account -> encoder.matches(password, account.passwordHash())).orElse(false);
    }

    /** After the current password was confirmed. */
    @Transactional
    public void changePassword(UUID id, String newPassword) {
        accounts.findById(id).orElseThrow().changePasswordHash(encoder.encode(newPassword));
        activity.record(id, ActivityLog.Kind.PASSWORD_CHANGED);
    }

    /** Sets a new password with a recovery code, which is spent; empty when name or code do not match. */
    @Transactional
    public Optional<AccountPrincipal> recover(String username, String code, String newPassword) {
        Optional<Account> found = accounts.findByUsername(username);
        if (found.isEmpty() || !recoveryCodes.spend(found.get().getId(), code)) {
            return Optional.empty();
        }
        Account account = found.get();
        account.changePasswordHash(encoder.encode(newPassword));
        activity.record(account.getId(), ActivityLog.Kind.RECOVERY_CODE_USED);
        return Optional.of(account.toPrincipal());
    }

    @Transactional(readOnly = true)
    public int recoveryCodesLeft(UUID id) {
        return recoveryCodes.remaining(id);
    }

    /** New codes replace the old ones, after the current password was confirmed. */
    @Transactional
    public List<String> replaceRecoveryCodes(UUID id) {
        activity.record(id, ActivityLog.Kind.RECOVERY_CODES_REPLACED);
        return recoveryCodes.replace(id);
    }

    @Transactional
    public void changeSettings(UUID id, ZoneId timeZone, boolean discreet) {
        accounts.findById(id).orElseThrow().changeSettings(timeZone, discreet);
    }

    /**
     * Erases the account and everything it holds in one transaction, after the current password
     * was confirmed: other features delete their rows on {@link AccountDeleted}, then the recovery
     * codes, the activity log, the second step, stored sessions and the account go.
     */
    @Transactional
    public void delete(UUID id) {
        lock.hold(id);
        Account account = accounts.findById(id).orElseThrow();
        events.publishEvent(new AccountDeleted(id));
        recoveryCodes.deleteAll(id);
        activity.deleteAll(id);
        secondStep.deleteAll(id);
        jdbc.update("delete from SPRING_SESSION where PRINCIPAL_NAME = ?", account.username());
        accounts.delete(account);
        accounts.flush();
    }

    @Transactional(readOnly = true)
    public List<Account> curators() {
        return accounts.findWithRole(AccountPrincipal.ROLE_ADMIN);
    }

    /** Adds or removes the curator role; empty when no account has that username. */
    @Transactional
    public Optional<AccountPrincipal> setCurator(String username, boolean curator) {
        return accounts.findByUsername(username).map(account -> {
            Set<String> roles = new HashSet<>(account.roles());
            if (curator) {
                roles.add(AccountPrincipal.ROLE_ADMIN);
            }
            else {
                roles.remove(AccountPrincipal.ROLE_ADMIN);
            }
            account.changeRoles(roles);
            return account.toPrincipal();
        });
    }

    /** The first admin from start-up configuration: promotes an existing account or creates one. */
    @Transactional
    public boolean createOrPromoteAdmin(String username, String password) {
        if (setCurator(username, true).isPresent()) {
            return false;
        }
        Account account = new Account(username, encoder.encode(password), Instant.now());
        account.changeRoles(Set.of(AccountPrincipal.ROLE_USER, AccountPrincipal.ROLE_ADMIN));
        insert(account);
        activity.record(account.getId(), ActivityLog.Kind.CREATED);
        events.publishEvent(new AccountRegistered(account.getId()));
        return true;
    }
}
