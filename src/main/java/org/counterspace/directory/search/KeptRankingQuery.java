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

        FixedBitSet matched(int maxDoc) {
            FixedBitSet matched = new FixedBitSet(maxDoc);
            if (minimumMatch <= 1 || units.size() <= 1) {
                units.forEach(unit -> unit.addTo(matched));
                return matched;
            }
            int[] matchedUnits = new int[maxDoc];
            for (ScoredDocs unit : units) {
                for (int doc : unit.docs()) {
                    if (++matchedUnits[doc] == minimumMatch) {
                        matched.set(doc);
                    }
                }
            }
            return matched;
        }
    }

    /** One unit's matches, segment by segment. */
    @FunctionalInterface
    private interface Unit {

        ScoredDocs in(LeafReaderContext leaf) throws IOException;

        /** Kept where it is a kept unit (boosted or not), else evaluated as it is, for this search only. */
        static Unit of(IndexSearcher searcher, Query query, float boost) throws IOException {
            if (query instanceof BoostQuery boosted) {
                return of(searcher, boosted.getQuery(), boost * boosted.getBoost());
            }
            if (query instanceof KeptScoresQuery kept) {
                ScoredDocs[] matches = kept.kept(searcher, boost);
                return leaf -> matches[leaf.ord];
            }
            Weight weight = query.createWeight(searcher, ScoreMode.COMPLETE, boost);
            return leaf -> ScoredDocs.of(weight, leaf);
        }
    }

    /** A search's words, segment by segment. */
    @FunctionalInterface
    interface Words {

        Alternatives in(LeafReaderContext leaf) throws IOException;

        /** The words as the rewritten query holds them: alternatives of units, or one unit. */
        static Words of(IndexSearcher searcher, Query query, float boost) throws IOException {
            if (query instanceof BooleanQuery any
                    && any.clauses().stream().allMatch(clause -> clause.getOccur() == BooleanClause.Occur.SHOULD)) {
                List<Unit> units = new ArrayList<>();
                for (BooleanClause clause : any.clauses()) {
                    units.add(Unit.of(searcher, clause.getQuery(), boost));
                }
                return leaf -> {
                    List<ScoredDocs> matches = new ArrayList<>();
                    for (Unit unit : units) {
                        matches.add(unit.in(leaf));
                    }
                    return new Alternatives(matches, any.getMinimumNumberShouldMatch());
                };
            }
            Unit unit = Unit.of(searcher, query, boost);
            return leaf -> new Alternatives(List.of(unit.in(leaf)), 1);
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
