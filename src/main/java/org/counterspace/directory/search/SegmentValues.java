package org.counterspace.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.counterspace.directory.WeeklyHours;

/**
 * One segment's live services by each value of the keyword fields a search filters or counts by, and
 * those of imported data (not the demo set, ranked before it), kept by the segment's state (a segment
 * with new deletions is another) within a memory budget.
 */
record SegmentValues(int maxDoc, Map<String, Map<String, ValueDocs>> byField, FixedBitSet imported) {

    /** The keyword fields whose values are kept: the facets and every other field a filter reads. */
    private static final List<String> KEPT_FIELDS = List.of(ServiceIndexBinder.STATUS, ServiceIndexBinder.CATEGORY,
            ServiceIndexBinder.CHANNEL, ServiceIndexBinder.LANGUAGE, ServiceIndexBinder.AGE,
            ServiceIndexBinder.COUNTRY, ServiceIndexBinder.COST, ServiceIndexBinder.ZONE);

    private static final Cache<Object, SegmentValues> kept = Caffeine.newBuilder()
        .maximumWeight(Long.getLong("counterspace.directory.search.kept-values-bytes", 64L << 20))
        .weigher((Object segment, SegmentValues values) -> values.bytes())
        .expireAfterAccess(Duration.ofMinutes(30))
        .build();

    /** The segment's values, read from its doc values the first time they are asked for in its state. */
    static SegmentValues of(LeafReaderContext leaf) {
        return kept.get(LuceneSearchBackend.stateOf(leaf), key -> read(leaf.reader()));
    }

    private static SegmentValues read(LeafReader reader) {
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
            return new SegmentValues(reader.maxDoc(), byField, imported(reader, live));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live services whose demo flag is false (Hibernate Search keeps a boolean as 0 or 1). */
    private static FixedBitSet imported(LeafReader reader, Bits live) throws IOException {
        FixedBitSet imported = new FixedBitSet(reader.maxDoc());
        SortedNumericDocValues demo = DocValues.getSortedNumeric(reader, ServiceIndexBinder.DEMO);
        for (int doc = demo.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = demo.nextDoc()) {
            if ((live == null || live.get(doc)) && demo.nextValue() == 0) {
                imported.set(doc);
            }
        }
        return imported;
    }

    int bytes() {
        return 64 + imported.getBits().length * 8 + byField.values().stream().flatMap(byValue -> byValue.values().stream())
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
