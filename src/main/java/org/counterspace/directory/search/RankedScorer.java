package org.counterspace.directory.search;

import java.util.Arrays;
import java.util.List;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Walks one segment's results of a {@link KeptRankingQuery}: the services the filters leave that enough
 * of the word units match, merged from the units' kept arrays as it goes (a handful of cursors, no heap,
 * nothing allocated per match), each scored as Lucene's boolean query scores the same clauses.
 */
final class RankedScorer extends Scorer {

    /** Each unit's matching documents and their scores, or none: every service the filters leave, scored by the boosts alone. */
    private final int[][] docs;

    private final float[][] scores;

    private final int minimumMatch;

    private final int[] at;

    private final FixedBitSet services;

    private final BitSetIterator allServices;

    private final Boosts boosts;

    private int doc = -1;

    private float score;

    /** Below this a service cannot reach the page (the collector's lowest kept score, once its queue is full). */
    private float minCompetitiveScore = Float.NEGATIVE_INFINITY;

    RankedScorer(Weight weight, KeptRankingQuery.Alternatives words, FixedBitSet services, Boosts boosts) {
        super(weight);
        List<ScoredDocs> units = words == null ? List.of() : words.units();
        this.docs = words == null ? null : units.stream().map(ScoredDocs::docs).toArray(int[][]::new);
        this.scores = units.stream().map(ScoredDocs::scores).toArray(float[][]::new);
        this.minimumMatch = words == null ? 0 : Math.max(1, words.minimumMatch());
        this.at = new int[units.size()];
        this.services = services;
        this.allServices = words == null ? new BitSetIterator(services, services.cardinality()) : null;
        this.boosts = boosts;
    }

    /**
     * The region's services and imported data first ({@link SearchConditions#REGION},
     * {@link SearchConditions#IMPORTED}): two optional clauses, summed as a disjunction (in double, then
     * rounded), then added to the words' score as a float, as Lucene's boolean query adds them.
     */
    record Boosts(FixedBitSet inRegion, FixedBitSet imported, float region, float fromImport) {

        static Boosts of(SegmentValues values, String region, float boost) {
            return new Boosts(region == null ? null : values.matching(region, ServiceIndexBinder.COUNTRY),
                    values.imported(), SearchConditions.REGION * boost, SearchConditions.IMPORTED * boost);
        }

        float plus(int doc, float score) {
            boolean inRegion = this.inRegion != null && this.inRegion.get(doc);
            boolean imported = this.imported.get(doc);
            if (!inRegion && !imported) {
                return score;
            }
            return score + (inRegion && imported ? (float) ((double) region + fromImport) : inRegion ? region : fromImport);
        }
    }

    private final DocIdSetIterator iterator = new DocIdSetIterator() {

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return next();
        }

        @Override
        public int advance(int target) {
            if (docs == null) {
                int found = allServices.advance(target);
                return found == NO_MORE_DOCS ? done() : competitive(found, 0f) ? found : next();
            }
            for (int unit = 0; unit < at.length; unit++) {
                at[unit] = ScoredDocs.gallop(docs[unit], at[unit], target);
            }
            return next();
        }

        @Override
        public long cost() {
            return docs == null ? allServices.cost() : Arrays.stream(docs).mapToLong(unit -> unit.length).sum();
        }
    };

    /**
     * The next service the filters leave that enough units match and that can still reach the page, the
     * cursors moved past it.
     */
    private int next() {
        if (docs == null) {
            for (int found = allServices.nextDoc(); found != DocIdSetIterator.NO_MORE_DOCS; found = allServices.nextDoc()) {
                if (competitive(found, 0f)) {
                    return found;
                }
            }
            return done();
        }
        while (true) {
            int lowest = DocIdSetIterator.NO_MORE_DOCS;
            for (int unit = 0; unit < at.length; unit++) {
                if (at[unit] < docs[unit].length) {
                    lowest = Math.min(lowest, docs[unit][at[unit]]);
                }
            }
            if (lowest == DocIdSetIterator.NO_MORE_DOCS) {
                return done();
            }
            double sum = 0d;
            int matched = 0;
            for (int unit = 0; unit < at.length; unit++) {
                if (at[unit] < docs[unit].length && docs[unit][at[unit]] == lowest) {
                    sum += scores[unit][at[unit]++];
                    matched++;
                }
            }
            if (matched >= minimumMatch && services.get(lowest) && competitive(lowest, (float) sum)) {
                return lowest;
            }
        }
    }

    /** Whether the service, with its words' score and its boosts, can reach the page; if so, it is the current one. */
    private boolean competitive(int found, float wordsScore) {
        float total = boosts.plus(found, wordsScore);
        if (total < minCompetitiveScore) {
            return false;
        }
        doc = found;
        score = total;
        return true;
    }

    private int done() {
        doc = DocIdSetIterator.NO_MORE_DOCS;
        return doc;
    }

    @Override
    public int docID() {
        return doc;
    }

    @Override
    public DocIdSetIterator iterator() {
        return iterator;
    }

    @Override
    public float score() {
        return score;
    }

    /**
     * Services scoring below this are not given to the collector: a page counts its total from the kept
     * counts, not from its collector, so the collector need only see what could be on the page.
     */
    @Override
    public void setMinCompetitiveScore(float minScore) {
        minCompetitiveScore = minScore;
    }

    /** Not bounded ahead of time. */
    @Override
    public float getMaxScore(int upTo) {
        return Float.POSITIVE_INFINITY;
    }
}
