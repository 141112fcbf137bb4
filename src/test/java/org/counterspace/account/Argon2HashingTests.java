package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class Argon2HashingTests {

    private static final String PASSWORD = "the kettle sings before the storm";

    private final Argon2Hashing reference = Argon2Hashing.create(8192, 2, 2);

    private final Argon2Hashing portable = Argon2Hashing.portable(8192, 2, 2);

    @Test
    void theReferenceLibraryLoadsOnThisPlatform() {
        assertThat(reference.usesReferenceLibrary()).isTrue();
        assertThat(portable.usesReferenceLibrary()).isFalse();
    }

    @Test
    void bothImplementationsWriteTheSamePhcFormatAndReadEachOther() {
        String byReference = reference.encode(PASSWORD);
        String byPortable = portable.encode(PASSWORD);

        assertThat(List.of(byReference, byPortable)).allMatch(hash -> hash.startsWith("$argon2id$v=19$m=8192,t=2,p=1$"));
        assertThat(byReference).isNotEqualTo(reference.encode(PASSWORD));
        assertThat(portable.matches(PASSWORD, byReference)).isTrue();
        assertThat(reference.matches(PASSWORD, byPortable)).isTrue();
        assertThat(portable.matches(PASSWORD + "!", byReference)).isFalse();
        assertThat(reference.matches(PASSWORD + "!", byPortable)).isFalse();
    }

    @Test
    void aDamagedOrForeignHashNeverMatches() {
        String hash = reference.encode(PASSWORD);
        String damaged = hash.substring(0, hash.length() - 4) + (hash.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThat(reference.matches(PASSWORD, damaged)).isFalse();
        assertThat(reference.matches(PASSWORD, "$argon2id$v=19$m=8192,t=2,p=1$broken")).isFalse();
        assertThat(reference.matches(PASSWORD, "$2a$10$notanargon2hashatall")).isFalse();
        assertThat(reference.matches(PASSWORD, "")).isFalse();
    }

    @Test
    void aLowerCostThanConfiguredAsksForAnUpgrade() {
        String cheaper = Argon2Hashing.create(4096, 2, 1).encode(PASSWORD);

        assertThat(reference.upgradeEncoding(cheaper)).isTrue();
        assertThat(reference.upgradeEncoding(reference.encode(PASSWORD))).isFalse();
    }

    @Test
    void manySignInsAtOnceAllGetTheRightAnswer() throws Exception {
        Argon2Hashing oneAtATime = Argon2Hashing.create(4096, 1, 1);
        String hash = oneAtATime.encode(PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> right = pool.invokeAll(Collections.nCopies(8, () -> oneAtATime.matches(PASSWORD, hash)));
            List<Future<Boolean>> wrong = pool.invokeAll(Collections.nCopies(8, () -> oneAtATime.matches("nope", hash)));
            for (Future<Boolean> answer : right) {
                assertThat(answer.get()).isTrue();
            }
            for (Future<Boolean> answer : wrong) {
                assertThat(answer.get()).isFalse();
            }
        }
        finally {
            pool.shutdown();
        }
    }
}
