package org.counterspace.directory.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * A search's whole query over the embedded index (its words, its ranking and its filters) worked out
 * from what is kept for each segment: the kept matches and scores of each unit of words
 * ({@link KeptScoresQuery}), the filters as bitsets ({@link SegmentFilters}) and the region's and
 * imported services as bitsets ({@link SegmentValues}). It matches and scores what
 * {@link SearchConditions#predicate(org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory,
 * org.hibernate.search.engine.search.predicate.SearchPredicate)} asks field by field, adding the scores
 * as Lucene's boolean query adds them, without its disjunctions' heaps, its conjunctions' leapfrogging
 * or walking the boosts' postings for every match (most of a new search's time over a large directory).
 */
final class KeptRankingQuery extends Query {

    private final SearchConditions conditions;

    private final boolean openNow;

    private final boolean byCost;

    KeptRankingQuery(SearchConditions conditions, boolean openNow, boolean byCost) {
        this.conditions = conditions;
        this.openNow = openNow;
        this.byCost = byCost;
    }

    /**
     * A segment's matches of a search's word units, and how many of them a service must match: Lucene's
     * boolean query of alternatives (a unit alone is one alternative of one).
     */
    record Alternatives(List<ScoredDocs> units, int minimumMatch) {

        /** The services matched, with their summed scores, for words nested in others. */
        ScoredDocs merged() {
            return units.size() == 1 ? units.get(0) : ScoredDocs.anyOf(units, minimumMatch);
        }

        FixedBitSet matched(int maxDoc) {
            if (units.size() > 1 && minimumMatch > 1) {
                return merged().asBitSet(maxDoc);
            }
            FixedBitSet matched = new FixedBitSet(maxDoc);
            units.forEach(unit -> unit.addTo(matched));
            return matched;
        }
    }

    /** A search's words, segment by segment. */
    @FunctionalInterface
    interface Words {

        Alternatives in(LeafReaderContext leaf) throws IOException;

        /**
         * The words as the rewritten query holds them: kept units, alternatives of them, or any other
         * query evaluated as it is (scored, for this search only).
         */
        static Words of(IndexSearcher searcher, Query query, float boost) throws IOException {
            if (query instanceof BoostQuery boosted) {
                return of(searcher, boosted.getQuery(), boost * boosted.getBoost());
            }
            if (query instanceof KeptScoresQuery unit) {
                ScoredDocs[] kept = unit.kept(searcher, boost);
                return leaf -> new Alternatives(List.of(kept[leaf.ord]), 1);
            }
            if (query instanceof BooleanQuery any
                    && any.clauses().stream().allMatch(clause -> clause.getOccur() == BooleanClause.Occur.SHOULD)) {
                List<Words> alternatives = new ArrayList<>();
                for (BooleanClause clause : any.clauses()) {
                    alternatives.add(of(searcher, clause.getQuery(), boost));
                }
                return leaf -> {
                    List<ScoredDocs> units = new ArrayList<>();
                    for (Words alternative : alternatives) {
                        units.add(alternative.in(leaf).merged());
                    }
                    return new Alternatives(units, any.getMinimumNumberShouldMatch());
                };
            }
            Weight weight = query.createWeight(searcher, ScoreMode.COMPLETE, boost);
            return leaf -> new Alternatives(List.of(ScoredDocs.of(weight, leaf)), 1);
        }

        /** The words of the search, null when it has none (stop words alone match nothing). */
        static Words of(IndexSearcher searcher, SearchConditions conditions, float boost) throws IOException {
            if (!conditions.query().hasText()) {
                return null;
            }
            return conditions.words() == null ? leaf -> new Alternatives(List.of(), 1)
                    : of(searcher, searcher.rewrite(LuceneSearchBackend.lucene(conditions.words())), boost);
        }
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Words words = Words.of(searcher, conditions, boost);
        return new Weight(this) {

            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                SegmentFilters filters = SegmentFilters.of(context, conditions);
                return new RankedScorer(this, words == null ? null : words.in(context),
                        filters.narrow(filters.fields(), openNow, byCost),
                        RankedScorer.Boosts.of(filters.values(), conditions.query().region(), boost));
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                Scorer scorer = scorer(context);
                return scorer.iterator().advance(doc) != doc ? Explanation.noMatch("not matched by " + KeptRankingQuery.this)
                        : Explanation.match(scorer.score(), "kept ranking of " + KeptRankingQuery.this);
            }

            /** Made for this search alone. */
            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "kept ranking of " + conditions.query() + (openNow ? ", open now" : "") + (byCost ? ", by cost" : "");
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && conditions.equals(((KeptRankingQuery) other).conditions)
                && openNow == ((KeptRankingQuery) other).openNow && byCost == ((KeptRankingQuery) other).byCost;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), conditions, openNow, byCost);
    }
}
