package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** zxcvbn's estimate with this site's words, and the advice that goes with a refusal, without Spring. */
class PasswordStrengthTests {

    static Passwords passwords;

    @BeforeAll
    static void load() {
        passwords = new Passwords(new CommonPasswords(), new PasswordStrength());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "passwordpassword123|account.password.advice.repeat",
            "password1234567890|account.password.advice.common", "iloveyouiloveyou|account.password.advice.repeat",
            "'               '|account.password.advice.repeat", "zxcvbnm,./asdfghjkl|account.password.advice.keyboard",
            "abcdefghijklmnopqrs|account.password.advice.sequence" })
    void guessablePasswordsAreRefusedWithAdviceOnWhatWouldMakeThemStronger(String password, String advice) {
        assertThat(passwords.check(password, "sam")).contains(new Passwords.Problem("account.password.weak", advice));
    }

    @ParameterizedTest
    @ValueSource(strings = { TestAccounts.PASSWORD, AccountWebTestSupport.PASSWORD, RecoveryAndSettingsTests.NEW_PASSWORD,
            "a long walk along the quiet canal", "ten years of small steps by the river",
            "five small boats drifting past the pier", "the blue door at the end of the lane",
            "the kettle sings before the storm", "a different long password for this form",
            "caf\u00e9 au lait with \uFB01gs" })
    void passphrasesOfOrdinaryWordsAreAccepted(String password) {
        assertThat(passwords.check(password, "sam.k")).isEmpty();
    }

    @Test
    void theSitesOwnWordsAreWhatAGuesserTriesFirst() {
        assertThat(passwords.check("Counterspace2024!", "sam")).contains(
                new Passwords.Problem("account.password.weak", "account.password.advice.site"));
        assertThat(passwords.check("counterspacehealing", "sam")).map(Passwords.Problem::advice)
            .contains("account.password.advice.site");
        // The same shape with a word nobody would connect with this site is hard enough to guess.
        assertThat(passwords.check("Quorblefaxen2024!", "sam")).isEmpty();
    }

    @Test
    void longPasswordsFullOfLookAlikesAreMeasuredInBoundedTime() {
        Random random = new Random(15);
        StringBuilder password = new StringBuilder();
        while (password.length() < Passwords.MAX_LENGTH) {
            password.append("4@8({[<3691!|70$5+%2".charAt(random.nextInt(20))).append((char) ('a' + random.nextInt(26)));
        }
        String measured = PasswordStrength.measuredPart(password.toString());
        assertThat(measured.codePointCount(0, measured.length())).isEqualTo(PasswordStrength.MEASURED_LENGTH);
        long start = System.nanoTime();
        assertThat(passwords.check(password.toString(), "sam")).isEmpty();
        // Without the bounds such a password took 17 s; with them a small fraction of one, even on a busy machine.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void lookAlikesPastTheLimitAreReplacedEachByItsOwnLetterSoRepeatsStayRepeats() {
        assertThat(PasswordStrength.measuredPart("0123456789!@$%")).isEqualTo("0123456789!\u03b2\u03c1%");
        assertThat(PasswordStrength.measuredPart("0123456789!@$%" + "!@$")).endsWith("!\u03b2\u03c1");
        assertThat(PasswordStrength.measuredPart("1234567890".repeat(2))).isEqualTo("1234567890".repeat(2));
        assertThat(passwords.check("!@$!@$!@$!@$!@$!@$", "sam")).map(Passwords.Problem::advice)
            .contains("account.password.advice.repeat");
    }
}
