package org.counterspace.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * A query whose matches and scores are worked out once for the index as it is, then kept. A unit of
 * words is looked for in every field, plain, stemmed and by synonyms (tens of clauses), and the same
 * words come back in many searches, with other words and other filters; reading kept arrays costs a
 * fraction of evaluating those clauses again. The scores kept are exactly those the query gives, so
 * results and their order do not change. What is kept is keyed by the state of every segment of the
 * index ({@link LuceneSearchBackend#stateOf}), so a write (new segments, new deletions, other term
 * statistics) is never answered from what was worked out before it.
 */
final class KeptScoresQuery extends Query {

    /** Matches of the most recently searched units, within a memory budget (eight bytes a match). */
    private static final Cache<Key, Matches[]> kept = Caffeine.newBuilder()
        .maximumWeight(Long.getLong("counterspace.directory.search.kept-scores-bytes", 32L << 20))
        .weigher((Key key, Matches[] leaves) -> Arrays.stream(leaves).mapToInt(Matches::bytes).sum())
        .expireAfterAccess(Duration.ofMinutes(30))
        .build();

    /**
     * The similarity, as its settings read, and the boost are part of the key: they give the scores (a
     * boost is applied before the score is rounded to a float, so it is not applied to a kept float).
     */
    private record Key(Query query, List<Object> indexState, String similarity, float boost) {
    }

    /** One segment's matching documents in order, with their scores. */
    private record Matches(int[] docs, float[] scores, float maxScore) {

        static final Matches NONE = new Matches(new int[0], new float[0], 0f);

        int bytes() {
            return 64 + 8 * docs.length;
        }
    }

    private final Query query;

    KeptScoresQuery(Query query) {
        this.query = query;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Key key = new Key(query, leaves.stream().map(LuceneSearchBackend::stateOf).toList(),
                searcher.getSimilarity().toString(), boost);
        Matches[] matches = kept.get(key, k -> evaluate(searcher, leaves, boost));
        return new Weight(this) {

            @Override
            public Scorer scorer(LeafReaderContext context) {
                Matches leaf = matches[context.ord];
                return leaf.docs().length == 0 ? null : new KeptScorer(this, leaf);
            }

            @Override
            public int count(LeafReaderContext context) {
                return matches[context.ord].docs().length;
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) {
                Matches leaf = matches[context.ord];
                int at = Arrays.binarySearch(leaf.docs(), doc);
                return at < 0 ? Explanation.noMatch("not matched by " + query)
                        : Explanation.match(leaf.scores()[at], "kept score of " + query);
            }

            /** Already as quick to read as a cached bitset; Lucene's query cache would only copy it. */
            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    /** Every live document the query matches, segment by segment, with its score. */
    private Matches[] evaluate(IndexSearcher searcher, List<LeafReaderContext> leaves, float boost) {
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, boost);
            Matches[] matches = new Matches[leaves.size()];
            for (LeafReaderContext leaf : leaves) {
                matches[leaf.ord] = evaluate(weight, leaf);
            }
            return matches;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Matches evaluate(Weight weight, LeafReaderContext leaf) throws IOException {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
            return Matches.NONE;
        }
        Bits live = leaf.reader().getLiveDocs();
        DocIdSetIterator it = scorer.iterator();
        int[] docs = new int[(int) Math.min(it.cost(), leaf.reader().maxDoc())];
        float[] scores = new float[docs.length];
        int n = 0;
        float max = 0f;
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
            if (live == null || live.get(doc)) {
                if (n == docs.length) {
                    docs = Arrays.copyOf(docs, Math.max(16, n * 2));
                    scores = Arrays.copyOf(scores, docs.length);
                }
                docs[n] = doc;
                scores[n] = scorer.score();
                max = Math.max(max, scores[n]);
                n++;
            }
        }
        return n == 0 ? Matches.NONE : new Matches(Arrays.copyOf(docs, n), Arrays.copyOf(scores, n), max);
    }

    /** Walks a segment's kept matches. */
    private static final class KeptScorer extends Scorer {

        private final Matches matches;

        private int at = -1;

        private final DocIdSetIterator iterator = new DocIdSetIterator() {

            @Override
            public int docID() {
                return KeptScorer.this.docID();
            }

            @Override
            public int nextDoc() {
                return moveTo(at + 1);
            }

            /** Gallops from where it is: conjunctions advance to nearby documents far more often than far. */
            @Override
            public int advance(int target) {
                int[] docs = matches.docs();
                int low = at + 1;
                int step = 1;
                while (low + step < docs.length && docs[low + step] < target) {
                    low += step;
                    step <<= 1;
                }
                int found = Arrays.binarySearch(docs, low, Math.min(low + step + 1, docs.length), target);
                return moveTo(found >= 0 ? found : -found - 1);
            }

            @Override
            public long cost() {
                return matches.docs().length;
            }
        };

        KeptScorer(Weight weight, Matches matches) {
            super(weight);
            this.matches = matches;
        }

        private int moveTo(int index) {
            at = Math.min(index, matches.docs().length);
            return docID();
        }

        @Override
        public int docID() {
            return at < 0 ? -1 : at < matches.docs().length ? matches.docs()[at] : DocIdSetIterator.NO_MORE_DOCS;
        }

        @Override
        public DocIdSetIterator iterator() {
            return iterator;
        }

        @Override
        public float score() {
            return matches.scores()[at];
        }

        @Override
        public float getMaxScore(int upTo) {
            return matches.maxScore();
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        query.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "kept(" + query.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && query.equals(((KeptScoresQuery) other).query);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + query.hashCode();
    }
}
