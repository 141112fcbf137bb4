package org.counterspace.account;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id through the reference C library (argon2-jvm bundles it for the usual platforms), which
 * hashes two to three times faster than the pure-Java BouncyCastle code behind Spring Security's
 * {@link Argon2PasswordEncoder}: that speed lets the same server afford the recommended cost. Where
 * the library cannot load, Spring's encoder does the work. Both write and read the same PHC strings
 * ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}), so hashes move freely between the two.
 * <p>
 * Each hash holds its whole memory cost while it runs, so only a few run at once: a burst of sign-ins
 * waits its turn instead of taking the server's memory.
 */
final class Argon2Hashing implements PasswordEncoder {

    private static final Logger log = LoggerFactory.getLogger(Argon2Hashing.class);

    static final int SALT_BYTES = 16;

    static final int HASH_BYTES = 32;

    private final Argon2 reference;

    private final Argon2PasswordEncoder portable;

    private final int memoryKib;

    private final int iterations;

    private final Semaphore running;

    private Argon2Hashing(Argon2 reference, int memoryKib, int iterations, int concurrentHashes) {
        this.reference = reference;
        this.portable = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, 1, memoryKib, iterations);
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.running = new Semaphore(concurrentHashes, true);
    }

    static Argon2Hashing create(int memoryKib, int iterations, int concurrentHashes) {
        return new Argon2Hashing(loadReference(), memoryKib, iterations, concurrentHashes);
    }

    /** Spring's pure-Java encoder only, as on a platform without the C library. */
    static Argon2Hashing portable(int memoryKib, int iterations, int concurrentHashes) {
        return new Argon2Hashing(null, memoryKib, iterations, concurrentHashes);
    }

    private static Argon2 loadReference() {
        try {
            Argon2 argon2 = Argon2Factory.create(Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
            argon2.hash(1, 8, 1, "probe".toCharArray(), StandardCharsets.UTF_8);
            return argon2;
        }
        catch (LinkageError | RuntimeException unavailable) {
            log.warn("The Argon2 C library did not load here ({}); hashing passwords in Java instead, which is slower",
                    unavailable.toString());
            return null;
        }
    }

    boolean usesReferenceLibrary() {
        return reference != null;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return whileHolding(() -> reference == null ? portable.encode(rawPassword)
                : withChars(rawPassword, chars -> reference.hash(iterations, memoryKib, 1, chars, StandardCharsets.UTF_8)));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || !encodedPassword.startsWith("$argon2id$")) {
            return portable.matches(rawPassword, encodedPassword);
        }
        return whileHolding(() -> reference == null ? portable.matches(rawPassword, encodedPassword)
                : withChars(rawPassword, chars -> reference.verify(encodedPassword, chars, StandardCharsets.UTF_8)));
    }

    /** Reading the parameters back needs no hashing, so Spring's encoder answers for both. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return portable.upgradeEncoding(encodedPassword);
    }

    /** Hands the password over as a char array and wipes that copy afterwards. */
    private <T> T withChars(CharSequence raw, Function<char[], T> use) {
        char[] chars = raw.toString().toCharArray();
        try {
            return use.apply(chars);
        }
        finally {
            reference.wipeArray(chars);
        }
    }

    private <T> T whileHolding(Supplier<T> hashing) {
        running.acquireUninterruptibly();
        try {
            return hashing.get();
        }
        finally {
            running.release();
        }
    }
}
