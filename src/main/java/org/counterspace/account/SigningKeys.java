package org.counterspace.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Secret keys the application makes for itself when none is configured: made once, at random, and
 * kept in the database ({@code signing_key}, V43) so every instance and every restart uses the same
 * one. Anyone who can read that table can sign with the key; where that matters, configure the key.
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    static final int KEY_BYTES = 32;

    private final JdbcTemplate jdbc;

    private final SecureRandom random = new SecureRandom();

    SigningKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The key stored for this purpose, made and stored first if there is none yet. */
    byte[] keyFor(String purpose) {
        Optional<byte[]> stored = stored(purpose);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] fresh = new byte[KEY_BYTES];
        random.nextBytes(fresh);
        try {
            jdbc.update("insert into signing_key (purpose, secret, created_at) values (?, ?, ?)", purpose,
                    Base64.getEncoder().encodeToString(fresh), Timestamp.from(Instant.now()));
            log.info("Made and stored a new signing key for {}", purpose);
            return fresh;
        }
        catch (DuplicateKeyException anotherInstanceWasFirst) {
            return stored(purpose).orElseThrow();
        }
    }

    private Optional<byte[]> stored(String purpose) {
        return jdbc.queryForList("select secret from signing_key where purpose = ?", String.class, purpose)
            .stream()
            .findFirst()
            .map(Base64.getDecoder()::decode);
    }
}
