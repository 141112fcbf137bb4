package org.counterspace.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ranked scorer's walk, advance and skipping below a competitive score (given before the walk or
 * part-way through it) give what a document-by-document reading of the same units, filters and boosts
 * gives: random units (one to four, any minimum to match, scores of about a word's coverage and
 * lesser ones), random filters and boosts.
 */
class RankedScorerTests {

    private static final int MAX_DOC = 300;

    private record Expected(int doc, float score) {
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void walksAdvancesAndSkipsAsTheUnitsFiltersAndBoostsSay(long seed) throws IOException {
        Random random = new Random(seed);
        List<ScoredDocs> units = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            units.add(unit(random));
        }
        var words = new KeptRankingQuery.Alternatives(units, random.nextInt(units.size() + 1));
        FixedBitSet services = bits(random, 0.7);
        var boosts = new RankedScorer.Boosts(random.nextBoolean() ? bits(random, 0.3) : null, bits(random, 0.2), 100f, 50f);
        List<Expected> expected = expected(words, services, boosts);

        assertThat(walk(scorer(words, services, boosts))).isEqualTo(expected);

        Scorer advancing = scorer(words, services, boosts);
        for (int target = random.nextInt(20); target < MAX_DOC + 5; target += 1 + random.nextInt(40)) {
            int from = target;
            Expected next = expected.stream().filter(e -> e.doc() >= from).findFirst().orElse(null);
            if (advancing.docID() >= target) {
                continue;
            }
            int doc = advancing.iterator().advance(target);
            assertThat(doc).as("advance to " + target).isEqualTo(next == null ? DocIdSetIterator.NO_MORE_DOCS : next.doc());
            if (next != null) {
                assertThat(advancing.score()).isEqualTo(next.score());
            }
        }

        // the collector's lowest score, given part-way through the walk as a collector gives it
        float competitive = expected.isEmpty() ? 0f : expected.get(random.nextInt(expected.size())).score();
        int givenAfter = expected.isEmpty() ? 0 : random.nextInt(expected.size());
        Scorer skipping = scorer(words, services, boosts);
        List<Expected> kept = new ArrayList<>();
        if (givenAfter == 0) {
            skipping.setMinCompetitiveScore(competitive);
        }
        for (int doc = skipping.iterator().nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = skipping.iterator().nextDoc()) {
            kept.add(new Expected(doc, skipping.score()));
            if (kept.size() == givenAfter) {
                skipping.setMinCompetitiveScore(competitive);
            }
        }
        List<Expected> whole = new ArrayList<>(expected.subList(0, givenAfter));
        expected.subList(givenAfter, expected.size()).stream().filter(e -> e.score() >= competitive).forEach(whole::add);
        assertThat(kept).isEqualTo(whole);
    }

    @ParameterizedTest
    @ValueSource(longs = { 21, 22, 23 })
    void withoutWordsEveryFilteredServiceComesScoredByItsBoosts(long seed) throws IOException {
        Random random = new Random(seed);
        FixedBitSet services = bits(random, 0.5);
        var boosts = new RankedScorer.Boosts(bits(random, 0.3), bits(random, 0.3), 100f, 50f);
        List<Expected> expected = new ArrayList<>();
        for (int doc = 0; doc < MAX_DOC; doc++) {
            if (services.get(doc)) {
                expected.add(new Expected(doc, (boosts.inRegion().get(doc) ? 100f : 0f) + (boosts.imported().get(doc) ? 50f : 0f)));
            }
        }
        assertThat(walk(scorer(null, services, boosts))).isEqualTo(expected);
    }

    private static List<Expected> walk(Scorer scorer) throws IOException {
        List<Expected> walked = new ArrayList<>();
        for (int doc = scorer.iterator().nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.iterator().nextDoc()) {
            walked.add(new Expected(doc, scorer.score()));
        }
        return walked;
    }

    /** Document by document: the units' scores summed in double where enough match, then the boosts. */
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    private static List<Expected> expected(KeptRankingQuery.Alternatives words, FixedBitSet services,
            RankedScorer.Boosts boosts) {
        List<Expected> expected = new ArrayList<>();
        for (int doc = 0; doc < MAX_DOC; doc++) {
            double sum = 0;
            int matched = 0;
            for (ScoredDocs unit : words.units()) {
                float score = unit.scoreOf(doc);
                if (score >= 0) {
                    sum += score;
                    matched++;
                }
            }
            if (matched >= Math.max(1, words.minimumMatch()) && services.get(doc)) {
                expected.add(new Expected(doc, boosts.plus(doc, (float) sum)));
            }
        }
        return expected;
    }

    private static ScoredDocs unit(Random random) {
        ScoredDocs.Builder unit = new ScoredDocs.Builder(MAX_DOC);
        double share = 0.05 + random.nextDouble() * 0.6;
        // units of about a word's coverage, and lesser ones (below the boosts, or between them)
        float least = new float[] { 1000f, 120f, 20f }[random.nextInt(3)];
        for (int doc = 0; doc < MAX_DOC; doc++) {
            if (random.nextDouble() < share) {
                unit.add(doc, least + random.nextFloat() * 20f);
            }
        }
        return unit.build();
    }

    private static FixedBitSet bits(Random random, double share) {
        FixedBitSet bits = new FixedBitSet(MAX_DOC);
        for (int doc = 0; doc < MAX_DOC; doc++) {
            if (random.nextDouble() < share) {
                bits.set(doc);
            }
        }
        return bits;
    }

    private static Scorer scorer(KeptRankingQuery.Alternatives words, FixedBitSet services, RankedScorer.Boosts boosts) {
        return new RankedScorer(new ConstantScoreWeight(new MatchAllDocsQuery(), 1f) {

            @Override
            public Scorer scorer(LeafReaderContext context) {
                return null;
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        }, words, services, boosts);
    }
}
