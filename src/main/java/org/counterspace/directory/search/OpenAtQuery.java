package org.counterspace.directory.search;

import java.io.IOException;
import java.util.Objects;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Services with a weekly opening (inclusive minute range, packed by {@link #pack}) that contains a
 * minute of the week, read from doc values. It checks one candidate at a time, so it costs little
 * when other clauses already narrowed the search (a point range query would intersect the openings of
 * every service on each search), and one pass over the openings when nothing else does.
 */
final class OpenAtQuery extends Query {

    private final String field;

    private final int minute;

    OpenAtQuery(String field, int minute) {
        this.field = field;
        this.minute = minute;
    }

    /** Start in the high half, so a service's values are sorted by start. */
    static long pack(int start, int end) {
        return ((long) start << 32) | (end & 0xFFFFFFFFL);
    }

    /** Whether one of the current document's openings (sorted by start) holds the minute. */
    static boolean contains(SortedNumericDocValues openings, int minute) throws IOException {
        for (int i = 0; i < openings.docValueCount(); i++) {
            long opening = openings.nextValue();
            if ((int) (opening >>> 32) > minute) {
                return false;
            }
            if ((int) opening >= minute) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {

            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                SortedNumericDocValues openings = DocValues.getSortedNumeric(context.reader(), field);
                TwoPhaseIterator open = new TwoPhaseIterator(openings) {

                    @Override
                    public boolean matches() throws IOException {
                        return contains(openings, minute);
                    }

                    @Override
                    public float matchCost() {
                        return 4;
                    }
                };
                return new ConstantScoreScorer(this, score(), scoreMode, open);
            }

            /**
             * Never kept by Lucene's query cache: caching would check every service of the index (once
             * for each time zone, whose minutes differ) each new minute, where the zone and the other
             * filters leave a few candidates to check.
             */
            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String defaultField) {
        return field + " open at " + minute;
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((OpenAtQuery) other).field)
                && minute == ((OpenAtQuery) other).minute;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, minute);
    }
}
