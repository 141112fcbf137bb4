package org.counterspace.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

/**
 * The optional second step: a code from an authenticator app (TOTP, RFC 6238: HMAC-SHA1, 6 digits,
 * 30-second steps, one step either side for clocks that drift), asked after the password. A code
 * works once (the last accepted step is kept), and a recovery code works in its place.
 */
@Service
class SecondStepService {

    static final int PERIOD_SECONDS = 30;

    /** What a code typed at the second step turned out to be. */
    enum Check {
        AUTHENTICATOR_CODE, RECOVERY_CODE, WRONG
    }

    private final JdbcTemplate jdbc;

    private final SecondStepSecrets secrets;

    private final RecoveryCodes recoveryCodes;

    private final ActivityLog activity;

    private final String issuer;

    private final DefaultSecretGenerator secretGenerator = new DefaultSecretGenerator(32);

    private final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

    SecondStepService(JdbcTemplate jdbc, SecondStepSecrets secrets, RecoveryCodes recoveryCodes, ActivityLog activity,
            @Value("${counterspace.second-step.issuer:Counterspace}") String issuer) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.recoveryCodes = recoveryCodes;
        this.activity = activity;
        this.issuer = issuer;
    }

    @Transactional(readOnly = true)
    public boolean isOn(UUID accountId) {
        return !jdbc.queryForList("select account_id from second_step where account_id = ?", accountId).isEmpty();
    }

    /** A new random secret (160 bits, Base32) for setting up an app. */
    String newSecret() {
        return secretGenerator.generate();
    }

    /**
     * The otpauth link the QR code holds. It names only the site ({@code counterspace.second-step.issuer}),
     * not the username, so the app's list shows nothing more about the person.
     */
    String setupLink(String secret) {
        return new QrData.Builder().label(issuer).issuer(issuer).secret(secret).algorithm(HashingAlgorithm.SHA1)
            .digits(6).period(PERIOD_SECONDS).build().getUri();
    }

    /** Turns the second step on when the code shows the app was set up with this secret. */
    @Transactional
    public boolean turnOn(UUID accountId, String secret, String typedCode) {
        OptionalLong step = matchingStep(secret, typedCode, Long.MIN_VALUE);
        if (step.isEmpty() || isOn(accountId)) {
            return false;
        }
        jdbc.update("insert into second_step (account_id, secret, last_step, enabled_at) values (?, ?, ?, ?)",
                accountId, secrets.seal(accountId, secret), step.getAsLong(), Timestamp.from(Instant.now()));
        activity.record(accountId, ActivityLog.Kind.SECOND_STEP_ON);
        return true;
    }

    /**
     * Checks a code typed at the second step: an authenticator code not used before, or else one of
     * the account's recovery codes, which is then spent. Either way it lands in the activity log.
     */
    @Transactional
    public Check check(UUID accountId, String typed) {
        List<Map<String, Object>> rows = jdbc.queryForList("select secret, last_step from second_step where account_id = ?",
                accountId);
        if (rows.isEmpty() || typed == null) {
            return Check.WRONG;
        }
        String secret = secrets.open(accountId, (String) rows.get(0).get("secret"));
        long lastStep = ((Number) rows.get(0).get("last_step")).longValue();
        OptionalLong step = matchingStep(secret, typed, lastStep);
        // The update only succeeds once per step, also when the same code arrives twice at once.
        if (step.isPresent() && jdbc.update("update second_step set last_step = ? where account_id = ? and last_step < ?",
                step.getAsLong(), accountId, step.getAsLong()) == 1) {
            return Check.AUTHENTICATOR_CODE;
        }
        if (step.isEmpty() && recoveryCodes.spend(accountId, typed)) {
            activity.record(accountId, ActivityLog.Kind.SECOND_STEP_RECOVERY_CODE);
            return Check.RECOVERY_CODE;
        }
        activity.record(accountId, ActivityLog.Kind.SECOND_STEP_FAILED);
        return Check.WRONG;
    }

    @Transactional
    public void turnOff(UUID accountId) {
        if (jdbc.update("delete from second_step where account_id = ?", accountId) == 1) {
            activity.record(accountId, ActivityLog.Kind.SECOND_STEP_OFF);
        }
    }

    @Transactional
    public void deleteAll(UUID accountId) {
        jdbc.update("delete from second_step where account_id = ?", accountId);
    }

    /** The 30-second step, within one of now, whose code this is, if later than {@code after}. */
    private OptionalLong matchingStep(String secret, String typed, long after) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        if (!code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long now = Instant.now().getEpochSecond() / PERIOD_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > after && MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private String codeAt(String secret, long step) {
        try {
            return codes.generate(secret, step);
        }
        catch (CodeGenerationException e) {
            throw new IllegalStateException("An authenticator code could not be worked out", e);
        }
    }
}
