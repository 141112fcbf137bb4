package org.counterspace.directory.search;

import java.util.Objects;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * A search's filters, apart from its words, as one bitset per segment ({@link SegmentFilters}): what
 * {@link SearchConditions#fieldFilters} asks, without walking a term's postings for each chosen value
 * or each service's openings for "open now".
 */
final class KeptFilterQuery extends Query {

    private final SearchConditions conditions;

    private final boolean openNow;

    private final boolean byCost;

    KeptFilterQuery(SearchConditions conditions, boolean openNow, boolean byCost) {
        this.conditions = conditions;
        this.openNow = openNow;
        this.byCost = byCost;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {

            @Override
            public Scorer scorer(LeafReaderContext context) {
                SegmentFilters filters = SegmentFilters.of(context, conditions);
                FixedBitSet services = filters.narrow(filters.fields(), openNow, byCost);
                return new ConstantScoreScorer(this, score(), scoreMode,
                        new BitSetIterator(services, services.cardinality()));
            }

            /** Already a bitset, made for this search. */
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
        return "kept filters of " + conditions.query() + (openNow ? ", open now" : "") + (byCost ? ", by cost" : "");
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && conditions.equals(((KeptFilterQuery) other).conditions)
                && openNow == ((KeptFilterQuery) other).openNow && byCost == ((KeptFilterQuery) other).byCost;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), conditions, openNow, byCost);
    }
}
