package org.counterspace.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.validation.Errors;

/**
 * Password rules (NIST SP 800-63B-4): at least 15 characters, no composition rules, Unicode
 * normalised (NFKC), not a known common or breached password, not containing the username, and
 * not easy to guess ({@link PasswordStrength}). Stored as Argon2id, which has no input length
 * limit (bcrypt silently ignores everything past 72 bytes).
 */
@Configuration(proxyBeanMethods = false)
class Passwords {

    private static final Logger log = LoggerFactory.getLogger(Passwords.class);

    static final int MIN_LENGTH = 15;

    static final int MAX_LENGTH = 256;

    /** The id new hashes are written under; TestAccounts and existing rows use it too. */
    static final String DEFAULT_ENCODING = "argon2";

    private final CommonPasswords commonPasswords;

    private final PasswordStrength strength;

    Passwords(CommonPasswords commonPasswords, PasswordStrength strength) {
        this.commonPasswords = commonPasswords;
        this.strength = strength;
    }

    /**
     * The rule a password breaks (a message key) and, for one that is easy to guess, the message key
     * of advice on what would make it stronger, which the rule's message takes as its argument.
     */
    record Problem(String code, String advice) {

        Object[] arguments() {
            return advice == null ? null : new Object[] { new DefaultMessageSourceResolvable(advice) };
        }
    }

    static String normalise(CharSequence raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC);
    }

    /** Length counts characters as people see them (code points), after normalisation. */
    static int length(String normalised) {
        return normalised.codePointCount(0, normalised.length());
    }

    /** The message key of the first rule the password breaks, or empty when it is acceptable. */
    Optional<String> problemWith(String rawPassword, String username) {
        return check(rawPassword, username).map(Problem::code);
    }

    /** The first rule the password breaks, cheapest first, or empty when it is acceptable. */
    Optional<Problem> check(String rawPassword, String username) {
        if (rawPassword == null || rawPassword.isEmpty()) {
            return Optional.of(new Problem("account.password.required", null));
        }
        String password = normalise(rawPassword);
        int length = length(password);
        if (length < MIN_LENGTH) {
            return Optional.of(new Problem("account.password.short", null));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(new Problem("account.password.long", null));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Problem("account.password.containsUsername", null));
        }
        if (commonPasswords.contains(lower)) {
            return Optional.of(new Problem("account.password.common", null));
        }
        return strength.adviceFor(password, username).map(advice -> new Problem("account.password.weak", advice));
    }

    /**
     * The word lists (the common passwords, zxcvbn's dictionaries: about half a second of CPU) are read
     * once the app is ready, on a thread of their own rather than on start-up's path; a password checked
     * before they are read waits for them. A list that cannot be read is logged here, and every
     * password check then fails with the same error rather than accept passwords unchecked.
     */
    @EventListener(ApplicationReadyEvent.class)
    void readWordListsInTheBackground() {
        Thread reader = new Thread(() -> {
            readOrLog(commonPasswords::load);
            readOrLog(strength::load);
        }, "password-word-lists");
        reader.setDaemon(true);
        reader.start();
    }

    private static void readOrLog(Runnable read) {
        try {
            read.run();
        }
        catch (RuntimeException e) {
            log.error("A password word list could not be read; password checks will fail until it can", e);
        }
    }

    /** Checks a new password and its confirmation, adding errors to the two fields. */
    void validateNew(String password, String confirm, String username, Errors errors) {
        check(password, username).ifPresentOrElse(
                problem -> errors.rejectValue("password", problem.code(), problem.arguments(), null),
                () -> {
                    if (!password.equals(confirm)) {
                        errors.rejectValue("confirm", "account.password.mismatch");
                    }
                });
    }

    @Bean
    static PasswordEncoder passwordEncoder(@Value("${counterspace.password.argon2-memory-kib:19456}") int memoryKib,
            @Value("${counterspace.password.argon2-iterations:2}") int iterations) {
        Argon2Hashing argon2 = Argon2Hashing.create(memoryKib, iterations, 2 * Runtime.getRuntime().availableProcessors());
        // bcrypt only so that hashes from an older default still verify and get upgraded at sign-in.
        return new NormalisingPasswordEncoder(new DelegatingPasswordEncoder(DEFAULT_ENCODING,
                Map.of(DEFAULT_ENCODING, argon2, "bcrypt", new BCryptPasswordEncoder())));
    }

    /** Normalises every password before hashing or checking, so sign-in sees the same bytes as sign-up. */
    record NormalisingPasswordEncoder(PasswordEncoder delegate) implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(normalise(rawPassword));
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return rawPassword != null && delegate.matches(normalise(rawPassword), encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return delegate.upgradeEncoding(encodedPassword);
        }
    }
}
