package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernamesTests {

    @ParameterizedTest
    @CsvSource({ "Sam.Rivers_1-x, sam.rivers_1-x", "'  sam  ', sam", "ＳＡＭ, sam", "STRASSE, strasse", "straße, strasse",
            "ΣΟΦΙΑΣ, σοφιας", "σοφιασ, σοφιας" })
    void variantsOfOneNameHaveOneKey(String typed, String key) {
        assertThat(Usernames.key(typed)).contains(key);
    }

    /** Every name registration allows is ASCII; its key is the lower-cased name stored before NFKC. */
    @ParameterizedTest
    @ValueSource(strings = { "abc", "ABC.def-GHI_jkl", "0123456789", "Z_-.z" })
    void keysOfRegisteredNamesAreTheLowerCasedNamesAlreadyStored(String username) {
        assertThat(Usernames.keyOfStored(username)).isEqualTo(username.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = { "victim1\u0000", "victim1\u0001", "\u0001victim1", "vic\u001ftim1", "victim1\t", "victim1\n",
            "victim1\u007f", "victim1\u0085" })
    void aNameWithAControlCharacterHasNoKey(String typed) {
        assertThat(Usernames.key(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = { 65, 1000 })
    void aNameLongerThanAnyUsernameHasNoKey(int length) {
        assertThat(Usernames.key("a".repeat(length))).isEmpty();
        assertThat(Usernames.key(null)).isEmpty();
    }
}
