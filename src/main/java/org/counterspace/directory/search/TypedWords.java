package org.counterspace.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;
import org.counterspace.directory.SupportService;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.scope.LuceneIndexScope;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.springframework.stereotype.Component;

/**
 * The words of a search as one Lucene query. The words are read as units: a phrase of the synonym list
 * ("domestic abuse", "food bank") is one unit, any other word its own. Each unit is looked for in every
 * {@link WordField}, each field with its weight, and in each with less weight the further it is from
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

    private final Analyzer plain;

    private final Analyzer stemmed;

    private final LuceneIndexScope indexScope;

    /** Each synonym entry as plain words, with its expansions as stemmed words. */
    private final Map<List<String>, List<List<String>>> synonyms = new LinkedHashMap<>();

    private final int longestEntry;

    TypedWords(EntityManagerFactory entityManagerFactory) {
        SearchMapping mapping = Search.mapping(entityManagerFactory);
        LuceneBackend backend = mapping.backend().unwrap(LuceneBackend.class);
        this.plain = backend.analyzer(DirectoryAnalysis.PLAIN).orElseThrow();
        this.stemmed = backend.analyzer(DirectoryAnalysis.STEMMED).orElseThrow();
        this.indexScope = mapping.scope(SupportService.class).extension(LuceneExtension.get());
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

    /** The query for the words, or null when no word is left to look for (only stop words). */
    Query query(String text) {
        List<String> words = words(plain, text);
        List<Unit> units = units(words.subList(0, Math.min(words.size(), MAX_WORDS)));
        if (units.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        try (IndexReader reader = indexScope.openIndexReader()) {
            for (Unit unit : units) {
                // the unit's coverage added to its graded score, evaluating its clauses once
                all.add(new FunctionScoreQuery(graded(unit, reader), new PlusScore(unit.topic() ? 2 * COVERAGE : COVERAGE)),
                        BooleanClause.Occur.SHOULD);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.setMinimumNumberShouldMatch(Math.max(1, units.size() / 2)).build();
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

    private Query graded(Unit unit, IndexReader reader) throws IOException {
        List<String> stems = unit.words().stream().flatMap(word -> words(stemmed, word).stream()).toList();
        String word = unit.words().get(0);
        boolean typo = unit.words().size() == 1 && unit.synonyms().isEmpty() && word.length() >= 4
                && !known(reader, word);
        // a typo of a word of the synonym list finds what that word finds ("rehabilitaion")
        List<List<String>> synonyms = typo ? nearMissSynonyms(word) : unit.synonyms();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (WordField field : WordField.values()) {
            any.add(new BoostQuery(phrase(field.plain(), unit.words()), field.weight() * EXACT),
                    BooleanClause.Occur.SHOULD);
            any.add(new BoostQuery(phrase(field.stemmed(), stems), field.weight() * STEM), BooleanClause.Occur.SHOULD);
            if (field.synonyms() && !synonyms.isEmpty()) {
                // one-word synonyms as one blended term (one clause, not one each), phrases each their own
                SynonymQuery.Builder words = new SynonymQuery.Builder(field.stemmed());
                for (List<String> synonym : synonyms) {
                    if (synonym.size() == 1) {
                        words.addTerm(new Term(field.stemmed(), synonym.get(0)));
                    }
                    else {
                        any.add(new BoostQuery(phrase(field.stemmed(), synonym), field.weight() * SYNONYM),
                                BooleanClause.Occur.SHOULD);
                    }
                }
                any.add(new BoostQuery(words.build(), field.weight() * SYNONYM), BooleanClause.Occur.SHOULD);
            }
        }
        if (typo) {
            for (WordField field : WordField.values()) {
                any.add(new BoostQuery(nearMisses(field.plain(), word), field.weight() * NEAR_MISS),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return any.build();
    }

    private static Query phrase(String field, List<String> words) {
        return words.size() == 1 ? new TermQuery(new Term(field, words.get(0)))
                : new PhraseQuery(field, words.toArray(String[]::new));
    }

    /** The synonyms of the one-word entries of the synonym list within as many edits as a near-miss. */
    private List<List<String>> nearMissSynonyms(String word) {
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

    /** Two edits only for long words, and the first two letters fixed: fuzzy terms stay few. */
    private static FuzzyQuery nearMisses(String field, String word) {
        return new FuzzyQuery(new Term(field, word), edits(word), 2);
    }

    private static boolean known(IndexReader reader, String word) throws IOException {
        return reader.docFreq(new Term(WordField.DESCRIPTION.plain(), word))
                + reader.docFreq(new Term(WordField.NAME.plain(), word)) >= KNOWN_WORD_SERVICES;
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

    /** A score plus a constant: what a matched unit adds for being matched at all. */
    private static final class PlusScore extends DoubleValuesSource {

        private final double constant;

        PlusScore(double constant) {
            this.constant = constant;
        }

        @Override
        public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) {
            return new DoubleValues() {

                @Override
                public double doubleValue() throws IOException {
                    return constant + scores.doubleValue();
                }

                @Override
                public boolean advanceExact(int doc) throws IOException {
                    return scores.advanceExact(doc);
                }
            };
        }

        @Override
        public boolean needsScores() {
            return true;
        }

        @Override
        public DoubleValuesSource rewrite(IndexSearcher searcher) {
            return this;
        }

        @Override
        public boolean isCacheable(LeafReaderContext context) {
            return true;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PlusScore plus && plus.constant == constant;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(constant);
        }

        @Override
        public String toString() {
            return "score+" + constant;
        }
    }
}
