package org.counterspace.directory.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;

/**
 * Near-miss (typo) queries on the embedded index that keep what they were rewritten to (the index's
 * words within the edits, each weighted by how near it is) for as long as the index's segments stay
 * the same. Building the Levenshtein automata of that rewrite was a third of the CPU of a search with
 * new words (JFR): once for each of a word's fields, again for each search of a page (hits and facets,
 * the open-now count, the cost counts), again for the next person who made the same typo. The rewrite
 * itself is Lucene's own, so the results and their scores are those of a plain {@link FuzzyQuery}.
 */
final class NearMisses {

    /** Words with typos kept (each with its fields). */
    private static final RecentlyAsked<Term, FuzzyQuery> kept = new RecentlyAsked<>(1024);

    private NearMisses() {
    }

    /** The near-miss query of {@code word} in {@code field}, the first two letters fixed. */
    static Query of(String field, String word, int edits) {
        Term term = new Term(field, word);
        FuzzyQuery query = kept.answer(term, absent -> near(absent, edits));
        return query.getMaxEdits() == edits ? query : near(term, edits);
    }

    private static FuzzyQuery near(Term term, int edits) {
        return new FuzzyQuery(term, edits, 2, FuzzyQuery.defaultMaxExpansions, FuzzyQuery.defaultTranspositions,
                new KeptRewrite(FuzzyQuery.defaultRewriteMethod(FuzzyQuery.defaultMaxExpansions)));
    }

    /** Lucene's own rewrite of a fuzzy query, answered again while the reader's segments are the same. */
    private static final class KeptRewrite extends MultiTermQuery.RewriteMethod {

        private record Rewritten(List<Object> segments, Query query) {
        }

        private final MultiTermQuery.RewriteMethod lucene;

        private volatile Rewritten rewritten;

        KeptRewrite(MultiTermQuery.RewriteMethod lucene) {
            this.lucene = lucene;
        }

        @Override
        public Query rewrite(IndexReader reader, MultiTermQuery query) throws IOException {
            List<Object> segments = segments(reader);
            Rewritten last = rewritten;
            if (segments != null && last != null && last.segments().equals(segments)) {
                return last.query();
            }
            Query fresh = lucene.rewrite(reader, query);
            if (segments != null) {
                rewritten = new Rewritten(segments, fresh);
            }
            return fresh;
        }

        /** The keys of the reader's segments, deletions included; null when a segment has none. */
        private static List<Object> segments(IndexReader reader) {
            List<Object> keys = new ArrayList<>(reader.leaves().size());
            for (LeafReaderContext leaf : reader.leaves()) {
                IndexReader.CacheHelper helper = leaf.reader().getReaderCacheHelper();
                if (helper == null) {
                    return null;
                }
                keys.add(helper.getKey());
            }
            return keys;
        }
    }
}
