package org.counterspace.directory.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.FixedBitSet;

/**
 * A results page's counts (each facet's values, what costs what, what is open now) worked out from
 * bitsets kept for each segment of the embedded index: the services of each filter value, and those
 * open in the minute asked. Hibernate Search's aggregations read every matching service's values of
 * every faceted field, which was most of a new search's time over a large directory; here a count is
 * the intersection of two bitsets. The filters are those of {@link SearchConditions#fieldFilters}, and
 * the page's hits are found with the same bitsets ({@link KeptRankingQuery}).
 */
final class KeptCounts {

    private KeptCounts() {
    }

    /** The counts of the search's results page, over the index as {@code reader} holds it. */
    static SearchFacets.PageCounts of(IndexReader reader, SearchConditions conditions) throws IOException {
        SearchQuery query = conditions.query();
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        KeptRankingQuery.Words words = KeptRankingQuery.Words.of(searcher, conditions, 1f);
        Tally tally = new Tally();
        for (LeafReaderContext leaf : reader.leaves()) {
            SegmentFilters filters = SegmentFilters.of(leaf, conditions);
            SegmentValues segment = filters.values();
            FixedBitSet base = filters.fields();
            if (words != null) {
                base.and(words.in(leaf).matched(leaf.reader().maxDoc()));
            }
            // each of open now and cost counts what the other filters leave
            FixedBitSet results = filters.narrow(base.clone(), query.openNow(), query.byCost());
            tally.facets(segment, results);
            tally.costs(segment, query.byCost() ? filters.narrow(base.clone(), query.openNow(), false) : results);
            tally.openNow += FixedBitSet.intersectionCount(filters.narrow(base, false, query.byCost()), filters.open());
        }
        return tally.page();
    }

    /** The counts summed over the segments. */
    private static final class Tally {

        private final Map<String, Map<String, Long>> byField = new HashMap<>();

        private final Map<String, Long> costs = new HashMap<>();

        private long openNow;

        private long total;

        void facets(SegmentValues segment, FixedBitSet results) {
            total += results.cardinality();
            for (String field : SearchFacets.FIELDS) {
                segment.count(field, results, byField.computeIfAbsent(field, f -> new HashMap<>()));
            }
        }

        void costs(SegmentValues segment, FixedBitSet results) {
            segment.count(ServiceIndexBinder.COST, results, costs);
        }

        SearchFacets.PageCounts page() {
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            SearchFacets.FIELDS.forEach(field -> facets.put(field, SearchFacets.top(byField.getOrDefault(field, Map.of()))));
            return new SearchFacets.PageCounts(total, facets, costs, openNow);
        }
    }
}
