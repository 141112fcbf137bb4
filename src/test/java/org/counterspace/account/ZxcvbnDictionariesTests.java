package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;

/** The compact dictionaries answer exactly as zxcvbn's own. */
class ZxcvbnDictionariesTests {

    static final List<Dictionary> COMPACT = ZxcvbnDictionaries.load();

    @Test
    void everyWordHasTheRankTheLibraryGivesIt() throws Exception {
        Map<String, Dictionary> compact = COMPACT.stream()
            .collect(Collectors.toMap(Dictionary::getName, Function.identity()));
        List<Dictionary> library = StandardDictionaries.loadAllDictionaries();
        assertThat(compact.keySet()).containsExactlyInAnyOrderElementsOf(library.stream().map(Dictionary::getName).toList());
        int words = 0;
        for (Dictionary dictionary : library) {
            Map<String, Integer> ranks = compact.get(dictionary.getName()).getRankedDictionary();
            assertThat(ranks).hasSameSizeAs(dictionary.getRankedDictionary());
            for (Map.Entry<String, Integer> word : dictionary.getRankedDictionary().entrySet()) {
                assertThat(ranks.get(word.getKey())).as(word.getKey()).isEqualTo(word.getValue());
            }
            words += ranks.size();
            assertThat(ranks.get(dictionary.getName() + " is not a word")).isNull();
            assertThat(ranks).isEqualTo(dictionary.getRankedDictionary());
        }
        assertThat(words).isGreaterThan(90_000);
    }

    @ParameterizedTest
    @ValueSource(strings = { "password", "p@ssw0rd", "drowssap", "jennifer1987", "Smith&Wesson", "correcthorsebatterystaple",
            "qwertyuiop", "a long walk along the quiet canal", "tr0ub4dor&3", "\u00e9l\u00e9phant rose", "zzzzzzzz" })
    void passwordsScoreAsWithTheLibrarysOwnDictionaries(String password) throws Exception {
        Zxcvbn compact = new ZxcvbnBuilder().dictionaries(COMPACT).keyboards(StandardKeyboards.loadAllKeyboards()).build();
        Strength expected = LIBRARY.measure(password, List.of("sam"));
        Strength actual = compact.measure(password, List.of("sam"));
        assertThat(actual.getGuesses()).isEqualTo(expected.getGuesses());
        assertThat(actual.getScore()).isEqualTo(expected.getScore());
        assertThat(actual.getSequence()).extracting(match -> match.dictionaryName + ":" + match.rank + ":" + match.token)
            .isEqualTo(expected.getSequence().stream().map(match -> match.dictionaryName + ":" + match.rank + ":" + match.token).toList());
    }

    static final Zxcvbn LIBRARY = new Zxcvbn();
}
