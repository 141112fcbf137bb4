package org.counterspace.directory.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.FixedBitSet;
import org.counterspace.directory.AgeGroup;
import org.counterspace.directory.Channel;
import org.counterspace.directory.Cost;
import org.counterspace.directory.SupportService;

/**
 * One segment's services as a search's filters leave them, apart from its words: by the fields chosen
 * (and active), by cost as chosen, and open now; from the segment's kept values ({@link SegmentValues}).
 * What {@link SearchConditions#fieldFilters} asks of the index, as bitsets.
 */
record SegmentFilters(SegmentValues values, FixedBitSet fields, FixedBitSet costs, FixedBitSet open) {

    /** What is open in one minute, in the zones asked, by the segment's state: one bit per service. */
    private static final Cache<OpenKey, FixedBitSet> openAt = Caffeine.newBuilder()
        .maximumWeight(16L << 20)
        .weigher((OpenKey key, FixedBitSet services) -> 64 + services.getBits().length * 8)
        .expireAfterAccess(Duration.ofMinutes(5))
        .build();

    private record OpenKey(Object segment, Instant minute, List<String> zones) {
    }

    static SegmentFilters of(LeafReaderContext leaf, SearchConditions conditions) {
        SearchQuery query = conditions.query();
        SegmentValues segment = SegmentValues.of(leaf);
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
        FixedBitSet open = openAt.get(new OpenKey(LuceneSearchBackend.stateOf(leaf), query.now(), conditions.zones()),
                key -> segment.openAt(leaf.reader(), query.now(), conditions.zones()));
        return new SegmentFilters(segment, fields, costs, open);
    }

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
