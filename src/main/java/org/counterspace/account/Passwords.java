package org.counterspace.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.validation.Errors;

/**
 * Password rules (NIST SP 800-63B-4): length only, no composition rules, Unicode normalised
 * (NFKC), not a known common or breached password, not containing the username. Stored as
 * Argon2id, which has no input length limit (bcrypt silently ignores everything past 72 bytes).
 */
@Configuration(proxyBeanMethods = false)
class Passwords {

    static final int MIN_LENGTH = 15;

    static final int MAX_LENGTH = 256;

    /** The id new hashes are written under; TestAccounts and existing rows use it too. */
    static final String DEFAULT_ENCODING = "argon2";

    private final CommonPasswords commonPasswords;

    Passwords(CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
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
        if (rawPassword == null || rawPassword.isEmpty()) {
            return Optional.of("account.password.required");
        }
        String password = normalise(rawPassword);
        int length = length(password);
        if (length < MIN_LENGTH) {
            return Optional.of("account.password.short");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("account.password.long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("account.password.containsUsername");
        }
        if (commonPasswords.contains(lower)) {
            return Optional.of("account.password.common");
        }
        return Optional.empty();
    }

    /** Checks a new password and its confirmation, adding errors to the two fields. */
    void validateNew(String password, String confirm, String username, Errors errors) {
        problemWith(password, username).ifPresentOrElse(problem -> errors.rejectValue("password", problem),
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
