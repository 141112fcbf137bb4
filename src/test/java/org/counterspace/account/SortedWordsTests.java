package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SortedWordsTests {

    @Test
    void wordsAreFoundWhereverTheyAreAndOthersAreNot() {
        List<String> given = List.of("pear", "apple", "Zebra", "caf\u00e9", "cafe", "\u00e9clair", "", "apple", "a");
        SortedWords words = SortedWords.of(given);

        // in UTF-8 byte order, each once: upper case before lower, accented letters after all ASCII
        assertThat(IntStream.range(0, words.size()).mapToObj(words::word))
            .containsExactly("", "Zebra", "a", "apple", "cafe", "caf\u00e9", "pear", "\u00e9clair");
        for (String word : given) {
            assertThat(words.word(words.indexOf(word))).isEqualTo(word);
        }
        for (String absent : List.of("ap", "apples", "zebra", "caf", "\u00e9", "pearl", " ")) {
            assertThat(words.indexOf(absent)).as(absent).isNegative();
            assertThat(words.contains(absent)).isFalse();
        }
    }

    @Test
    void linesFromAFileMustAlreadyBeInByteOrder() {
        SortedWords words = SortedWords.ofSortedLines("abc\nabd\nb\n".getBytes(StandardCharsets.UTF_8), "a file");
        assertThat(words.size()).isEqualTo(3);
        assertThat(words.indexOf("abd")).isEqualTo(1);

        assertThatIllegalStateException()
            .isThrownBy(() -> SortedWords.ofSortedLines("abd\nabc\n".getBytes(StandardCharsets.UTF_8), "a file"))
            .withMessage("a file is not sorted by UTF-8 bytes at entry 1");
        assertThatIllegalStateException()
            .isThrownBy(() -> SortedWords.ofSortedLines("abc\nabc\n".getBytes(StandardCharsets.UTF_8), "a file"));
    }
}
