package org.counterspace.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Authenticator secrets are kept encrypted (AES-256-GCM, a fresh 96-bit nonce each time, the
 * account id as associated data so a secret cannot be moved to another account). The key is
 * {@code counterspace.second-step.key} (Base64, 32 bytes) or, without it, one made once and kept in
 * the database ({@link SigningKeys}): that protects the secrets in a copy of this table alone, and
 * the configured key also in a copy of the whole database.
 */
@Component
class SecondStepSecrets {

    static final String KEY_PURPOSE = "second-step";

    private static final int NONCE_BYTES = 12;

    private final Supplier<SecretKeySpec> key;

    private final SecureRandom random = new SecureRandom();

    SecondStepSecrets(@Value("${counterspace.second-step.key:}") String configuredKey, SigningKeys keys) {
        this.key = SingletonSupplier.of(() -> new SecretKeySpec(configuredKey.isBlank() ? keys.keyFor(KEY_PURPOSE)
                : configured(configuredKey), "AES"));
    }

    private static byte[] configured(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != SigningKeys.KEY_BYTES) {
            throw new IllegalStateException("counterspace.second-step.key needs exactly 32 bytes (Base64)");
        }
        return bytes;
    }

    String seal(UUID accountId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, accountId, nonce, secret.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
            .put(sealed).array());
    }

    String open(UUID accountId, String stored) {
        byte[] bytes = Base64.getDecoder().decode(stored);
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(crypt(Cipher.DECRYPT_MODE, accountId, nonce, sealed), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, UUID accountId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.get(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(accountId.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("A second-step secret could not be sealed or opened", e);
        }
    }
}
