package org.counterspace.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.DictionaryLoader;

/**
 * zxcvbn's standard dictionaries (common passwords, English words, names, surnames, words from film
 * and television: some 95,000 ranked words), with each word's rank kept beside {@link SortedWords}.
 * The library keeps each dictionary as a list and a HashMap of Strings to Integers, 10.5 MB of heap
 * for the life of the process; kept this way they take about 2 MB. zxcvbn reads a dictionary only by
 * looking a word up in its ranks ({@code Map.get}).
 */
final class ZxcvbnDictionaries {

    private static final List<DictionaryLoader> STANDARD = List.of(StandardDictionaries.PASSWORDS_LOADER,
            StandardDictionaries.ENGLISH_WIKIPEDIA_LOADER, StandardDictionaries.US_TV_AND_FILM_LOADER,
            StandardDictionaries.SURNAMES_LOADER, StandardDictionaries.FEMALE_NAMES_LOADER,
            StandardDictionaries.MALE_NAMES_LOADER);

    private ZxcvbnDictionaries() {
    }

    /** The standard dictionaries, read one at a time so that only one is ever held the library's way. */
    static List<Dictionary> load() {
        List<Dictionary> dictionaries = new ArrayList<>();
        for (DictionaryLoader loader : STANDARD) {
            try {
                dictionaries.add(new Compact(loader.load()));
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read a zxcvbn dictionary", e);
            }
        }
        return dictionaries;
    }

    /** A dictionary whose ranks are {@link Ranks}; its list of words in rank order is not kept. */
    static final class Compact extends Dictionary {

        private final Map<String, Integer> ranks;

        Compact(Dictionary loaded) {
            super(loaded.getName(), List.of());
            ranks = new Ranks(loaded.getRankedDictionary());
        }

        @Override
        public Map<String, Integer> getRankedDictionary() {
            return ranks;
        }
    }

    /** Each word's rank, read-only, in the words' UTF-8 byte order. */
    private static final class Ranks extends AbstractMap<String, Integer> {

        private final SortedWords words;

        private final int[] ranks;

        Ranks(Map<String, Integer> ranked) {
            words = SortedWords.of(ranked.keySet());
            ranks = new int[words.size()];
            ranked.forEach((word, rank) -> ranks[words.indexOf(word)] = rank);
        }

        @Override
        public Integer get(Object key) {
            int index = key instanceof String word ? words.indexOf(word) : -1;
            return index < 0 ? null : ranks[index];
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public int size() {
            return ranks.length;
        }

        @Override
        public Set<Map.Entry<String, Integer>> entrySet() {
            return new AbstractSet<>() {

                @Override
                public Iterator<Map.Entry<String, Integer>> iterator() {
                    return IntStream.range(0, ranks.length)
                        .mapToObj(index -> Map.entry(words.word(index), ranks[index]))
                        .iterator();
                }

                @Override
                public int size() {
                    return ranks.length;
                }
            };
        }
    }
}
