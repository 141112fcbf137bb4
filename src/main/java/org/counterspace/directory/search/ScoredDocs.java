package org.counterspace.directory.search;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/** One segment's matching documents in order, with their scores, and a scorer that walks them. */
record ScoredDocs(int[] docs, float[] scores, float maxScore) {

    static final ScoredDocs NONE = new ScoredDocs(new int[0], new float[0], 0f);

    /** Every live document the weight matches in the segment, with its score. */
    static ScoredDocs of(Weight weight, LeafReaderContext leaf) throws IOException {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
            return NONE;
        }
        Bits live = leaf.reader().getLiveDocs();
        DocIdSetIterator it = scorer.iterator();
        Builder matches = new Builder((int) Math.min(it.cost(), leaf.reader().maxDoc()));
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
            if (live == null || live.get(doc)) {
                matches.add(doc, scorer.score());
            }
        }
        return matches.build();
    }

    int bytes() {
        return 64 + 8 * docs.length;
    }

    void addTo(FixedBitSet set) {
        for (int doc : docs) {
            set.set(doc);
        }
    }

    /** The score of a document, or -1 when it is not one of these. */
    float scoreOf(int doc) {
        int at = Arrays.binarySearch(docs, doc);
        return at < 0 ? -1f : scores[at];
    }

    /**
     * The first index from {@code from} whose document is at least {@code target}, galloping: a
     * conjunction advances to nearby documents far more often than to far ones.
     */
    static int gallop(int[] docs, int from, int target) {
        int step = 1;
        int low = from;
        while (low + step < docs.length && docs[low + step] < target) {
            low += step;
            step <<= 1;
        }
        if (low >= docs.length || docs[low] >= target) {
            return low;
        }
        int found = Arrays.binarySearch(docs, low, Math.min(low + step + 1, docs.length), target);
        return found >= 0 ? found : -found - 1;
    }

    /** A scorer over these documents; null when there are none, as Lucene expects of a segment without matches. */
    Scorer scorer(Weight weight) {
        return docs.length == 0 ? null : new Walk(weight, this);
    }

    /** Documents added in order, with their scores. */
    static final class Builder {

        private int[] docs;

        private float[] scores;

        private int size;

        private float max;

        Builder(int expected) {
            docs = new int[Math.max(16, expected)];
            scores = new float[docs.length];
        }

        void add(int doc, float score) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                scores = Arrays.copyOf(scores, docs.length);
            }
            docs[size] = doc;
            scores[size++] = score;
            max = Math.max(max, score);
        }

        ScoredDocs build() {
            return size == 0 ? NONE : new ScoredDocs(Arrays.copyOf(docs, size), Arrays.copyOf(scores, size), max);
        }
    }

    /** Walks the documents. */
    private static final class Walk extends Scorer {

        private final ScoredDocs matches;

        private int at = -1;

        private final DocIdSetIterator iterator = new DocIdSetIterator() {

            @Override
            public int docID() {
                return Walk.this.docID();
            }

            @Override
            public int nextDoc() {
                return moveTo(at + 1);
            }

            @Override
            public int advance(int target) {
                return moveTo(gallop(matches.docs(), at + 1, target));
            }

            @Override
            public long cost() {
                return matches.docs().length;
            }
        };

        Walk(Weight weight, ScoredDocs matches) {
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
}
