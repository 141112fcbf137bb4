package org.counterspace.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One-time recovery codes, the only way back into an account without email. A code is 16
 * characters from a 32-character alphabet without look-alikes (no 0/O, 1/I): 80 random bits. At
 * that strength a slow password hash adds nothing, so a code is stored as SHA-256 over the
 * account id and the code (the id keeps equal codes of two accounts apart), and spending a code
 * is one DELETE, so it works exactly once even when two requests race.
 */
@Component
class RecoveryCodes {

    static final int COUNT = 10;

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    static final int LENGTH = 16;

    private final SecureRandom random = new SecureRandom();

    private final JdbcTemplate jdbc;

    RecoveryCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the account's codes with {@link #COUNT} new ones and returns them for showing once. */
    List<String> replace(UUID accountId) {
        deleteAll(accountId);
        List<String> codes = new ArrayList<>(COUNT);
        Timestamp now = Timestamp.from(Instant.now());
        while (codes.size() < COUNT) {
            String code = newCode();
            if (!codes.contains(code)) {
                codes.add(code);
                jdbc.update("insert into recovery_code (id, account_id, code_hash, created_at) values (?, ?, ?, ?)",
                        UUID.randomUUID(), accountId, hash(accountId, code), now);
            }
        }
        return codes.stream().map(RecoveryCodes::grouped).toList();
    }

    /** Spends the code if the account holds it; false when it is unknown or already spent. */
    boolean spend(UUID accountId, String typed) {
        String code = normalise(typed);
        if (code.length() != LENGTH) {
            return false;
        }
        return jdbc.update("delete from recovery_code where account_id = ? and code_hash = ?", accountId,
                hash(accountId, code)) == 1;
    }

    int remaining(UUID accountId) {
        Integer count = jdbc.queryForObject("select count(*) from recovery_code where account_id = ?", Integer.class,
                accountId);
        return count == null ? 0 : count;
    }

    void deleteAll(UUID accountId) {
        jdbc.update("delete from recovery_code where account_id = ?", accountId);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Four groups of four, as printed: ABCD-EFGH-JKLM-NPQR. */
    static String grouped(String code) {
        return String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12),
                code.substring(12, 16));
    }

    /** People type codes with spaces, dashes or in lower case; none of that matters. */
    static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    static String hash(UUID accountId, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((accountId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
