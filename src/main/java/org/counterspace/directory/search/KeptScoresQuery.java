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
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

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
    private static final Cache<Key, ScoredDocs[]> kept = Caffeine.newBuilder()
        .maximumWeight(Long.getLong("counterspace.directory.search.kept-scores-bytes", 32L << 20))
        .weigher((Key key, ScoredDocs[] leaves) -> Arrays.stream(leaves).mapToInt(ScoredDocs::bytes).sum())
        .expireAfterAccess(Duration.ofMinutes(30))
        .build();

    /**
     * The similarity, as its settings read, and the boost are part of the key: they give the scores (a
     * boost is applied before the score is rounded to a float, so it is not applied to a kept float).
     */
    private record Key(Query query, List<Object> indexState, String similarity, float boost) {
    }

    private final Query query;

    KeptScoresQuery(Query query) {
        this.query = query;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        ScoredDocs[] matches = kept(searcher, boost);
        return new Weight(this) {

            @Override
            public Scorer scorer(LeafReaderContext context) {
                return matches[context.ord].scorer(this);
            }

            @Override
            public int count(LeafReaderContext context) {
                return matches[context.ord].docs().length;
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) {
                float score = matches[context.ord].scoreOf(doc);
                return score < 0 ? Explanation.noMatch("not matched by " + query)
                        : Explanation.match(score, "kept score of " + query);
            }

            /** Already as quick to read as a cached bitset; Lucene's query cache would only copy it. */
            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    /** The query's matches and scores in each segment of the searcher's index, worked out once for its state. */
    ScoredDocs[] kept(IndexSearcher searcher, float boost) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Key key = new Key(query, leaves.stream().map(LuceneSearchBackend::stateOf).toList(),
                searcher.getSimilarity().toString(), boost);
        return kept.get(key, k -> evaluate(searcher, leaves, boost));
    }

    /** Every live document the query matches, segment by segment, with its score. */
    private ScoredDocs[] evaluate(IndexSearcher searcher, List<LeafReaderContext> leaves, float boost) {
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, boost);
            ScoredDocs[] matches = new ScoredDocs[leaves.size()];
            for (LeafReaderContext leaf : leaves) {
                matches[leaf.ord] = ScoredDocs.of(weight, leaf);
            }
            return matches;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
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
