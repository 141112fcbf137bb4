package org.counterspace.directory.search;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Walks one segment's results of a {@link KeptRankingQuery}: the services the filters leave that enough
 * of the word units match, merged from the units' kept arrays as it goes (a handful of cursors, no heap,
 * nothing allocated per match), each scored as Lucene's boolean query scores the same clauses. Once the
 * collector's lowest kept score is known, only the units a service must match to reach it are walked
 * (as Lucene's MaxScore does): with a word's coverage in each unit's score, a page of services matching
 * both words of two is walked by the rarer word alone.
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

    /** Each unit's highest score, and the highest the boosts add. */
    private final float[] maxScores;

    private final double maxBoost;

    /**
     * The units whose matches are walked; the others are only looked up at those matches. At first all
     * of them; once the page's lowest score is known, only those a service must match to reach it.
     */
    private int[] leading;

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
        this.maxScores = new float[at.length];
        for (int unit = 0; unit < at.length; unit++) {
            maxScores[unit] = units.get(unit).maxScore();
        }
        this.maxBoost = boosts.max();
        this.leading = IntStream.range(0, at.length).toArray();
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

        /** The most the boosts add to a service's score. */
        double max() {
            return inRegion == null ? fromImport : (double) region + fromImport;
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
            for (int unit : leading) {
                if (at[unit] < docs[unit].length) {
                    lowest = Math.min(lowest, docs[unit][at[unit]]);
                }
            }
            if (lowest == DocIdSetIterator.NO_MORE_DOCS) {
                return done();
            }
            // every cursor ends past this service, so the leading units may change between services
            double sum = 0d;
            int matched = 0;
            for (int unit = 0; unit < at.length; unit++) {
                if (leading.length < at.length) {
                    at[unit] = ScoredDocs.gallop(docs[unit], at[unit], lowest);
                }
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
        if (docs != null) {
            leading = leading(minScore);
        }
    }

    /**
     * The units to walk for services that can score at least {@code minScore}. Where one unit is
     * needed (without it the others and the boosts cannot reach the score), the one with the fewest
     * matches: the others are looked up at its matches. Otherwise every unit but those whose highest
     * scores, together with the boosts, cannot reach it: a service only they match is not walked. (A
     * margin covers the rounding of a sum to a float.)
     */
    private int[] leading(float minScore) {
        double all = maxBoost;
        for (float max : maxScores) {
            all += max;
        }
        int needed = -1;
        for (int unit = 0; unit < at.length; unit++) {
            if (!reaches(all - maxScores[unit], minScore)
                    && (needed < 0 || docs[unit].length - at[unit] < docs[needed].length - at[needed])) {
                needed = unit;
            }
        }
        if (needed >= 0) {
            return new int[] { needed };
        }
        Integer[] byMax = IntStream.range(0, at.length).boxed().toArray(Integer[]::new);
        Arrays.sort(byMax, (a, b) -> Float.compare(maxScores[a], maxScores[b]));
        double below = maxBoost;
        int skipped = 0;
        while (skipped < byMax.length && !reaches(below + maxScores[byMax[skipped]], minScore)) {
            below += maxScores[byMax[skipped++]];
        }
        return Arrays.stream(byMax, skipped, byMax.length).mapToInt(Integer::intValue).sorted().toArray();
    }

    private static boolean reaches(double highest, float minScore) {
        return highest * (1 + 1e-6) + 1e-6 >= minScore;
    }

    /** Not bounded ahead of time. */
    @Override
    public float getMaxScore(int upTo) {
        return Float.POSITIVE_INFINITY;
    }
}
