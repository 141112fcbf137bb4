package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password rules and the common-password list, without Spring. */
class PasswordsTests {

    static CommonPasswords common;

    static Passwords passwords;

    @BeforeAll
    static void load() {
        common = new CommonPasswords();
        passwords = new Passwords(common, new PasswordStrength());
    }

    @Test
    void theShippedListIsLoadedWhole() {
        assertThat(common.size()).isGreaterThan(410_000);
        assertThat(common.contains("password")).isTrue();
        assertThat(common.contains("123456")).isTrue();
        assertThat(common.contains("iloveyouforever")).isTrue();
        assertThat(common.contains("lanterns over a slow green river")).isFalse();
        assertThat(common.contains("")).isFalse();
    }

    @Test
    void listedPasswordsAreRefusedWhateverTheirCase() {
        assertThat(passwords.problemWith("QWERTYUIOPASDFGH", "someone")).contains("account.password.common");
        assertThat(passwords.problemWith("PasswordPassword", "someone")).contains("account.password.common");
    }

    /** Property: only length decides, counted in characters after NFKC, for any mix of scripts and emoji. */
    static Stream<Arguments> randomPasswords() {
        Random random = new Random(20261124);
        int[][] ranges = { { 0x20, 0x7E }, { 0xC0, 0x24F }, { 0x400, 0x4FF }, { 0x4E00, 0x9FFF }, { 0x1F300, 0x1F5FF } };
        return IntStream.range(0, 60).mapToObj(i -> {
            int length = 1 + random.nextInt(300);
            StringBuilder password = new StringBuilder();
            for (int c = 0; c < length; c++) {
                int[] range = ranges[random.nextInt(ranges.length)];
                password.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
            return Arguments.of(password.toString());
        });
    }

    @ParameterizedTest
    @MethodSource("randomPasswords")
    void lengthAloneDecidesForRandomPasswords(String password) {
        String normalised = Passwords.normalise(password);
        int length = Passwords.length(normalised);
        Optional<String> problem = passwords.problemWith(password, "zz.nobody.zz");
        if (length < Passwords.MIN_LENGTH) {
            assertThat(problem).contains("account.password.short");
        }
        else if (length > Passwords.MAX_LENGTH) {
            assertThat(problem).contains("account.password.long");
        }
        else {
            assertThat(problem).isEmpty();
        }
    }

    @Test
    void noCompositionRulesButNotTheUsername() {
        assertThat(passwords.problemWith("all lower case words only", "sam")).isEmpty();
        assertThat(passwords.problemWith("               ", "sam")).contains("account.password.weak");
        assertThat(passwords.problemWith("hello I am SAM.the.quiet one", "sam.the.quiet"))
            .contains("account.password.containsUsername");
        assertThat(passwords.problemWith("fourteen chars", "sam")).contains("account.password.short");
        assertThat(passwords.problemWith(null, "sam")).contains("account.password.required");
    }

    @Test
    void theEncoderIsArgon2idUnderItsIdAndHasNoLengthLimit() {
        PasswordEncoder encoder = Passwords.passwordEncoder(19456, 2);
        String emoji = new StringBuilder().appendCodePoint(0x1F54A).toString().repeat(64);
        String hash = encoder.encode(emoji);
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches(emoji, hash)).isTrue();
        // differs only after the 72nd byte: bcrypt would accept it, Argon2id does not
        String changedAtTheEnd = emoji.substring(0, emoji.length() - 2) + new StringBuilder().appendCodePoint(0x1F33F);
        assertThat(encoder.matches(changedAtTheEnd, hash)).isFalse();
        assertThat(encoder.upgradeEncoding(hash)).isFalse();
        assertThat(Passwords.passwordEncoder(32768, 3).upgradeEncoding(hash)).isTrue();
    }
}
