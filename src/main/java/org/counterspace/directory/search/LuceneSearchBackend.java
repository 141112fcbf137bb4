package org.counterspace.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;

import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.counterspace.directory.SupportService;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;

/** The embedded Lucene index: openings as packed doc values ({@link OpenAtQuery}), the words as a Lucene query. */
final class LuceneSearchBackend implements SearchBackend {

    static final LuceneSearchBackend INSTANCE = new LuceneSearchBackend();

    /**
     * The Lucene query of each unit of words recently searched (a word with its stems, synonyms and
     * near-misses in every field: tens of clauses). Lucene queries are immutable, and a page asks for
     * the same words twice (its hits, its counts). Each unit's matches and scores are kept for the
     * index as it is ({@link KeptScoresQuery}).
     */
    private static final RecentlyAsked<WordQuery, Query> units = new RecentlyAsked<>(1024);

    private LuceneSearchBackend() {
    }

    @Override
    public Openings openings(IndexSchemaElement schema, IndexFieldTypeFactory types, String name) {
        var field = schema.field(name, types.extension(LuceneExtension.get())
            .asNative(int[].class, (path, range, documentFields) -> documentFields
                .accept(new SortedNumericDocValuesField(path, OpenAtQuery.pack(range[0], range[1])))))
            .multiValued().toReference();
        return (document, range) -> document.addValue(field, range);
    }

    @Override
    public PredicateFinalStep openAt(SearchPredicateFactory f, String field, int minute) {
        return f.extension(LuceneExtension.get()).fromLuceneQuery(new OpenAtQuery(field, minute));
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public Optional<Object> state(EntityManagerFactory entityManagerFactory) {
        try (IndexReader reader = Search.mapping(entityManagerFactory).scope(SupportService.class)
            .extension(LuceneExtension.get()).openIndexReader()) {
            return Optional.of(reader.leaves().stream().map(LuceneSearchBackend::stateOf).toList());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A segment's key as Lucene's own caches use it; it changes with the segment's deletions too. */
    static Object stateOf(LeafReaderContext leaf) {
        IndexReader.CacheHelper helper = leaf.reader().getReaderCacheHelper();
        return helper == null ? new Object() : helper.getKey();
    }

    @Override
    public boolean olderLayout(EntityManagerFactory entityManagerFactory, String layoutField) {
        try (IndexReader reader = Search.mapping(entityManagerFactory).scope(SupportService.class)
            .extension(LuceneExtension.get()).openIndexReader()) {
            return reader.numDocs() > 0 && FieldInfos.getMergedFieldInfos(reader).fieldInfo(layoutField) == null;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kept values hold no places: a search near one is filtered and counted by the fields themselves. */
    private static boolean byKeptValues(SearchConditions conditions) {
        return conditions.query().near() == null;
    }

    /** From what is kept for the index ({@link KeptRankingQuery}); field by field for a search near a place. */
    @Override
    public SearchPredicate predicate(SearchPredicateFactory f, SearchConditions conditions, boolean openNow,
            boolean byCost) {
        return !byKeptValues(conditions) ? conditions.predicate(f, conditions.fieldFilters(f, openNow, byCost))
                : f.extension(LuceneExtension.get()).fromLuceneQuery(new KeptRankingQuery(conditions, openNow, byCost))
                    .toPredicate();
    }

    /** From the bitsets kept for the index ({@link KeptCounts}); not for a search near a place. */
    @Override
    public Optional<SearchFacets.PageCounts> counts(EntityManagerFactory entityManagerFactory,
            SearchConditions conditions) {
        if (!byKeptValues(conditions)) {
            return Optional.empty();
        }
        try (IndexReader reader = Search.mapping(entityManagerFactory).scope(SupportService.class)
            .extension(LuceneExtension.get()).openIndexReader()) {
            return Optional.of(KeptCounts.of(reader, conditions));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PredicateFinalStep words(SearchPredicateFactory f, WordQuery query) {
        return f.extension(LuceneExtension.get()).fromLuceneQuery(lucene(query));
    }

    static Query lucene(WordQuery query) {
        if (query instanceof WordQuery.Phrase phrase) {
            return new BoostQuery(phrase.words().size() == 1
                    ? new TermQuery(new Term(phrase.field(), phrase.words().get(0)))
                    : new PhraseQuery(phrase.field(), phrase.words().toArray(String[]::new)), phrase.boost());
        }
        if (query instanceof WordQuery.Blend blend) {
            SynonymQuery.Builder words = new SynonymQuery.Builder(blend.field());
            blend.words().forEach(word -> words.addTerm(new Term(blend.field(), word)));
            return new BoostQuery(words.build(), blend.boost());
        }
        if (query instanceof WordQuery.NearMiss near) {
            return new BoostQuery(NearMisses.of(near.field(), near.word(), near.edits()), near.boost());
        }
        if (query instanceof WordQuery.Any any) {
            BooleanQuery.Builder bool = new BooleanQuery.Builder();
            any.clauses().forEach(clause -> bool.add(lucene(clause), BooleanClause.Occur.SHOULD));
            return bool.setMinimumNumberShouldMatch(any.minimumMatch()).build();
        }
        return units.answer(query, unit -> {
            WordQuery.Plus plus = (WordQuery.Plus) unit;
            return new KeptScoresQuery(new FunctionScoreQuery(lucene(plus.query()), new PlusScore(plus.constant())));
        });
    }

    /** A score plus a constant: what a matched unit adds for being matched at all. */
    static final class PlusScore extends DoubleValuesSource {

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
