package org.counterspace.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.counterspace.directory.AgeGroup;
import org.counterspace.directory.Channel;
import org.counterspace.directory.Cost;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.WeeklyHours;

/**
 * A results page's counts (each facet's values, what costs what, what is open now) worked out from
 * bitsets kept for each segment of the embedded index: the services of each filter value, and those
 * open in the minute asked. Hibernate Search's aggregations read every matching service's values of
 * every faceted field, which was most of a new search's time over a large directory; here a count is
 * the intersection of two bitsets. The filters are those of {@link SearchConditions#fieldFilters}, and
 * the page's hits are found with the same bitsets ({@link KeptFilterQuery}).
 */
final class KeptCounts {

    /** The keyword fields whose values are kept: the facets and every other field a filter reads. */
    private static final List<String> KEPT_FIELDS = List.of(ServiceIndexBinder.STATUS, ServiceIndexBinder.CATEGORY,
            ServiceIndexBinder.CHANNEL, ServiceIndexBinder.LANGUAGE, ServiceIndexBinder.AGE,
            ServiceIndexBinder.COUNTRY, ServiceIndexBinder.COST, ServiceIndexBinder.ZONE);

    /**
     * Each segment's values, by the segment's state (a segment with new deletions is another), within a
     * memory budget.
     */
    private static final Cache<Object, SegmentValues> values = Caffeine.newBuilder()
        .maximumWeight(Long.getLong("counterspace.directory.search.kept-values-bytes", 64L << 20))
        .weigher((Object segment, SegmentValues kept) -> kept.bytes())
        .expireAfterAccess(Duration.ofMinutes(30))
        .build();

    /** What is open in one minute, in the zones asked, by the segment's state: one bit per service. */
    private static final Cache<OpenKey, FixedBitSet> open = Caffeine.newBuilder()
        .maximumWeight(16L << 20)
        .weigher((OpenKey key, FixedBitSet services) -> 64 + services.getBits().length * 8)
        .expireAfterAccess(Duration.ofMinutes(5))
        .build();

    private record OpenKey(Object segment, Instant minute, List<String> zones) {
    }

    private KeptCounts() {
    }

    /** The counts of the search's results page, over the index as {@code reader} holds it. */
    static SearchFacets.PageCounts of(IndexReader reader, SearchConditions conditions) throws IOException {
        SearchQuery query = conditions.query();
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        Weight words = conditions.words() == null ? null
                : searcher.createWeight(searcher.rewrite(LuceneSearchBackend.lucene(conditions.words())),
                        ScoreMode.COMPLETE_NO_SCORES, 1f);
        Tally tally = new Tally();
        for (LeafReaderContext leaf : reader.leaves()) {
            SegmentValues segment = valuesOf(leaf);
            Filters filters = filters(leaf, conditions);
            FixedBitSet base = filters.fields().clone();
            if (query.hasText()) {
                base.and(matching(words, leaf));
            }
            // each of open now and cost counts what the other filters leave
            FixedBitSet results = filters.narrow(base.clone(), query.openNow(), query.byCost());
            tally.facets(segment, results);
            tally.costs(segment, query.byCost() ? filters.narrow(base.clone(), query.openNow(), false) : results);
            tally.openNow += FixedBitSet.intersectionCount(filters.narrow(base, false, query.byCost()), filters.open());
        }
        return tally.page();
    }

    /**
     * One segment's services as a search's filters leave them, apart from its words: by the fields
     * chosen (and active), by cost as chosen, and open now.
     */
    record Filters(FixedBitSet fields, FixedBitSet costs, FixedBitSet open) {

        /** {@code services} narrowed to those open now and of the costs chosen, where asked. */
        FixedBitSet narrow(FixedBitSet services, boolean openNow, boolean byCost) {
            if (byCost) {
                services.and(costs);
            }
            if (openNow) {
                services.and(open);
            }
            return services;
        }
    }

    static Filters filters(LeafReaderContext leaf, SearchConditions conditions) {
        SearchQuery query = conditions.query();
        SegmentValues segment = valuesOf(leaf);
        FixedBitSet fields = segment.matching(SupportService.ACTIVE, ServiceIndexBinder.STATUS);
        query.categories().forEach(code -> fields.and(segment.matching(code, ServiceIndexBinder.CATEGORY)));
        query.channels().stream().map(Channel::code)
            .forEach(code -> fields.and(segment.matching(code, ServiceIndexBinder.CHANNEL)));
        query.languages().forEach(code -> fields.and(segment.matching(code, ServiceIndexBinder.LANGUAGE)));
        if (query.age() != null) {
            FixedBitSet ages = segment.matching(query.age().code(), ServiceIndexBinder.AGE);
            ages.or(segment.matching(AgeGroup.ALL.code(), ServiceIndexBinder.AGE));
            fields.and(ages);
        }
        if (query.country() != null) {
            fields.and(segment.matching(query.country(), ServiceIndexBinder.COUNTRY));
        }
        FixedBitSet costs = segment.emptySet();
        if (query.freeOnly()) {
            costs.or(segment.matching(Cost.FREE.code(), ServiceIndexBinder.COST));
        }
        if (query.costUnknown()) {
            costs.or(segment.matching(Cost.UNKNOWN.code(), ServiceIndexBinder.COST));
        }
        FixedBitSet openNow = open.get(new OpenKey(LuceneSearchBackend.stateOf(leaf), query.now(), conditions.zones()),
                key -> segment.openAt(leaf.reader(), query.now(), conditions.zones()));
        return new Filters(fields, costs, openNow);
    }

    private static SegmentValues valuesOf(LeafReaderContext leaf) {
        return values.get(LuceneSearchBackend.stateOf(leaf), key -> SegmentValues.of(leaf.reader()));
    }

    /** What the words match (nothing when only stop words were typed: no weight). */
    private static FixedBitSet matching(Weight weight, LeafReaderContext leaf) throws IOException {
        FixedBitSet matched = new FixedBitSet(leaf.reader().maxDoc());
        Scorer scorer = weight == null ? null : weight.scorer(leaf);
        if (scorer != null) {
            matched.or(scorer.iterator());
        }
        return matched;
    }

    /** The counts summed over the segments. */
    private static final class Tally {

        private final Map<String, Map<String, Long>> byField = new HashMap<>();

        private final Map<String, Long> costs = new HashMap<>();

        private long openNow;

        void facets(SegmentValues segment, FixedBitSet results) {
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
            return new SearchFacets.PageCounts(facets, costs, openNow);
        }
    }

    /** One segment's live services by each value of the kept fields. */
    private record SegmentValues(int maxDoc, Map<String, Map<String, ValueDocs>> byField) {

        static SegmentValues of(LeafReader reader) {
            try {
                Bits live = reader.getLiveDocs();
                Map<String, Map<String, ValueDocs>> byField = new HashMap<>();
                for (String field : KEPT_FIELDS) {
                    SortedSetDocValues docValues = DocValues.getSortedSet(reader, field);
                    int values = (int) docValues.getValueCount();
                    int[][] idsByOrd = new int[values][];
                    int[] counts = new int[values];
                    for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            for (int i = 0; i < docValues.docValueCount(); i++) {
                                int ord = (int) docValues.nextOrd();
                                if (idsByOrd[ord] == null || counts[ord] == idsByOrd[ord].length) {
                                    idsByOrd[ord] = Arrays.copyOf(idsByOrd[ord] == null ? new int[0] : idsByOrd[ord],
                                            Math.max(8, counts[ord] * 2));
                                }
                                idsByOrd[ord][counts[ord]++] = doc;
                            }
                        }
                    }
                    Map<String, ValueDocs> byValue = new HashMap<>();
                    for (int ord = 0; ord < values; ord++) {
                        if (counts[ord] > 0) {
                            byValue.put(docValues.lookupOrd(ord).utf8ToString(),
                                    ValueDocs.of(idsByOrd[ord], counts[ord], reader.maxDoc()));
                        }
                    }
                    byField.put(field, byValue);
                }
                return new SegmentValues(reader.maxDoc(), byField);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int bytes() {
            return 64 + byField.values().stream().flatMap(byValue -> byValue.values().stream())
                .mapToInt(ValueDocs::bytes).sum();
        }

        FixedBitSet emptySet() {
            return new FixedBitSet(maxDoc);
        }

        /** A bitset of the services with the value, to narrow further. */
        FixedBitSet matching(String value, String field) {
            ValueDocs kept = byField.get(field).get(value);
            return kept == null ? emptySet() : kept.copy(maxDoc);
        }

        void count(String field, FixedBitSet results, Map<String, Long> counts) {
            byField.get(field).forEach((value, services) -> {
                long count = services.countIn(results);
                if (count > 0) {
                    counts.merge(value, count, Long::sum);
                }
            });
        }

        /** The services of the zones with an opening that holds the minute of the week there. */
        FixedBitSet openAt(LeafReader reader, Instant now, List<String> zones) {
            try {
                FixedBitSet open = emptySet();
                for (String zone : zones) {
                    ValueDocs inZone = byField.get(ServiceIndexBinder.ZONE).get(zone);
                    if (inZone == null) {
                        continue;
                    }
                    int minute = WeeklyHours.minuteOfWeek(now, ZoneId.of(zone));
                    SortedNumericDocValues openings = DocValues.getSortedNumeric(reader, ServiceIndexBinder.OPENINGS);
                    for (int doc : inZone.ids()) {
                        if (openings.advanceExact(doc) && OpenAtQuery.contains(openings, minute)) {
                            open.set(doc);
                        }
                    }
                }
                return open;
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A value's services in one segment: a bitset where at least one service in 32 has it, else their
     * ids in order (four bytes each), so a value few services have is cheap to keep and to count.
     */
    private record ValueDocs(int[] sparse, FixedBitSet dense) {

        static ValueDocs of(int[] ids, int count, int maxDoc) {
            if ((long) count * 32 < maxDoc) {
                return new ValueDocs(Arrays.copyOf(ids, count), null);
            }
            FixedBitSet dense = new FixedBitSet(maxDoc);
            for (int i = 0; i < count; i++) {
                dense.set(ids[i]);
            }
            return new ValueDocs(null, dense);
        }

        long countIn(FixedBitSet services) {
            if (dense != null) {
                return FixedBitSet.intersectionCount(dense, services);
            }
            long count = 0;
            for (int id : sparse) {
                if (services.get(id)) {
                    count++;
                }
            }
            return count;
        }

        FixedBitSet copy(int maxDoc) {
            if (dense != null) {
                return dense.clone();
            }
            FixedBitSet copy = new FixedBitSet(maxDoc);
            for (int id : sparse) {
                copy.set(id);
            }
            return copy;
        }

        /** The ids in order. */
        int[] ids() throws IOException {
            if (sparse != null) {
                return sparse;
            }
            int[] ids = new int[dense.cardinality()];
            DocIdSetIterator services = new BitSetIterator(dense, ids.length);
            int i = 0;
            for (int doc = services.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = services.nextDoc()) {
                ids[i++] = doc;
            }
            return ids;
        }

        int bytes() {
            return 32 + (dense != null ? dense.getBits().length * 8 : sparse.length * 4);
        }
    }
}
