package org.counterspace.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;
import org.counterspace.directory.SupportService;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.stereotype.Component;

/**
 * The words of a search as one query ({@link WordQuery}, which either backend runs: {@link SearchBackend}).
 * The words are read as units: a phrase of the synonym list ("domestic abuse", "food bank") is one unit,
 * any other word its own. Each unit is looked for in every {@link WordField}, each field with its weight, and in each with less weight the further it is from
 * what was typed: the word exactly, then its stem (plurals folded), then its synonyms (one way, see
 * {@link Synonyms}), then, for a word the directory does not know, near-misses (typos), and the synonyms
 * of the words of the synonym list it nearly is.
 * <p>
 * A service gains {@link #COVERAGE} for each unit it matches (twice that for a unit that names a kind
 * of help, from the synonym list, over other words such as places), more than any unit's graded score,
 * so services matching all the units come before those matching some. At least half the units must
 * match.
 */
@Component
class TypedWords {

    static final int MAX_WORDS = 8;

    /** A word in this many services (name or description) is a real word here, not a typo. */
    static final int KNOWN_WORD_SERVICES = 3;

    static final float COVERAGE = 1000f;

    static final float EXACT = 1f;

    static final float STEM = 0.7f;

    static final float SYNONYM = 0.4f;

    static final float NEAR_MISS = 0.25f;

    private final Analyzer plain = DirectoryAnalysis.analyzer(DirectoryAnalysis.PLAIN);

    private final Analyzer stemmed = DirectoryAnalysis.analyzer(DirectoryAnalysis.STEMMED);

    /** Each synonym entry as plain words, with its expansions as stemmed words. */
    private final Map<List<String>, List<List<String>>> synonyms = new LinkedHashMap<>();

    private final RecentlyAsked<String, List<List<String>>> nearMissSynonyms = new RecentlyAsked<>(1024);

    /** Whether a word is known, for the index in one state: two counts a word otherwise, on every search. */
    private final RecentlyAsked<KnownWord, Boolean> knownWords = new RecentlyAsked<>(4096);

    private record KnownWord(String word, Object indexState) {
    }

    private final int longestEntry;

    TypedWords() {
        Synonyms.load().expansions().forEach((entry, expansions) -> {
            List<String> words = words(plain, entry);
            if (!words.isEmpty()) {
                List<List<String>> found = synonyms.computeIfAbsent(words, w -> new ArrayList<>());
                expansions.stream().map(expansion -> words(stemmed, expansion))
                    .filter(e -> !e.isEmpty() && !found.contains(e)).forEach(found::add);
            }
        });
        this.longestEntry = synonyms.keySet().stream().mapToInt(List::size).max().orElse(1);
    }

    /** A unit of the search: its words as typed, whether it names a kind of help, what else it finds. */
    private record Unit(List<String> words, boolean topic, List<List<String>> synonyms) {
    }

    /**
     * The query for the words, or null when no word is left to look for (only stop words); the session
     * counts how many services know a word, and those counts are kept while the index is in the state
     * {@code indexState} ({@link DirectoryIndex#state()}; null: not kept).
     */
    WordQuery query(SearchSession session, String text, Object indexState) {
        List<String> words = words(plain, text);
        List<Unit> units = units(words.subList(0, Math.min(words.size(), MAX_WORDS)));
        if (units.isEmpty()) {
            return null;
        }
        List<WordQuery> all = new ArrayList<>();
        for (Unit unit : units) {
            // the unit's coverage added to its graded score, evaluating its clauses once
            all.add(new WordQuery.Plus(graded(unit, session, indexState), unit.topic() ? 2 * COVERAGE : COVERAGE));
        }
        return new WordQuery.Any(all, Math.max(1, units.size() / 2));
    }

    /** The longest phrase of the synonym list at each place, else the word alone. */
    private List<Unit> units(List<String> words) {
        List<Unit> units = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int length = Math.min(longestEntry, words.size() - i);
            while (length > 1 && !synonyms.containsKey(words.subList(i, i + length))) {
                length--;
            }
            List<String> unit = List.copyOf(words.subList(i, i + length));
            List<List<String>> found = synonyms.get(unit);
            units.add(new Unit(unit, found != null, found == null ? List.of() : found));
            i += length;
        }
        return units;
    }

    private WordQuery graded(Unit unit, SearchSession session, Object indexState) {
        List<String> stems = unit.words().stream().flatMap(word -> words(stemmed, word).stream()).toList();
        String word = unit.words().get(0);
        boolean typo = unit.words().size() == 1 && unit.synonyms().isEmpty() && word.length() >= 4
                && !known(session, word, indexState);
        // a typo of a word of the synonym list finds what that word finds ("rehabilitaion")
        List<List<String>> synonyms = typo ? nearMissSynonyms(word) : unit.synonyms();
        List<WordQuery> any = new ArrayList<>();
        for (WordField field : WordField.values()) {
            any.add(new WordQuery.Phrase(field.plain(), unit.words(), field.weight() * EXACT));
            any.add(new WordQuery.Phrase(field.stemmed(), stems, field.weight() * STEM));
            if (field.synonyms() && !synonyms.isEmpty()) {
                // one-word synonyms as one blended term (one clause, not one each), phrases each their own
                List<String> blended = new ArrayList<>();
                for (List<String> synonym : synonyms) {
                    if (synonym.size() == 1) {
                        blended.add(synonym.get(0));
                    }
                    else {
                        any.add(new WordQuery.Phrase(field.stemmed(), synonym, field.weight() * SYNONYM));
                    }
                }
                if (!blended.isEmpty()) {
                    any.add(new WordQuery.Blend(field.stemmed(), blended, field.weight() * SYNONYM));
                }
            }
        }
        if (typo) {
            // two edits only for long words, and the first two letters fixed: fuzzy terms stay few
            for (WordField field : WordField.values()) {
                any.add(new WordQuery.NearMiss(field.plain(), word, edits(word), field.weight() * NEAR_MISS));
            }
        }
        return new WordQuery.Any(any, 0);
    }

    /**
     * The synonyms of the one-word entries of the synonym list within as many edits as a near-miss;
     * kept for the words recently asked, since building the word's Levenshtein automaton was the
     * largest part of a search with a typo (JFR).
     */
    private List<List<String>> nearMissSynonyms(String word) {
        return nearMissSynonyms.answer(word, this::synonymsWithin);
    }

    private List<List<String>> synonymsWithin(String word) {
        Automaton near = new LevenshteinAutomata(word, true).toAutomaton(edits(word));
        List<List<String>> found = new ArrayList<>();
        synonyms.forEach((entry, expansions) -> {
            if (entry.size() == 1 && Operations.run(near, entry.get(0))) {
                expansions.stream().filter(e -> !found.contains(e)).forEach(found::add);
            }
        });
        return found;
    }

    private static int edits(String word) {
        return word.length() >= 7 ? 2 : 1;
    }

    private boolean known(SearchSession session, String word, Object indexState) {
        return indexState == null ? known(session, word)
                : knownWords.answer(new KnownWord(word, indexState), asked -> known(session, asked.word()));
    }

    /** A word in the names or descriptions of enough services (counted in each) is no typo. */
    private static boolean known(SearchSession session, String word) {
        long services = 0;
        for (WordField field : new WordField[] { WordField.DESCRIPTION, WordField.NAME }) {
            services += session.search(SupportService.class)
                .where(f -> f.match().field(field.plain()).matching(word).skipAnalysis()).fetchTotalHitCount();
            if (services >= KNOWN_WORD_SERVICES) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(Analyzer analyzer, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(WordField.DESCRIPTION.plain(), text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
