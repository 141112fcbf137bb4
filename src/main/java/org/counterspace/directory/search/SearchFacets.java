package org.counterspace.directory.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.aggregation.SearchAggregation;
import org.hibernate.search.engine.search.aggregation.dsl.SearchAggregationFactory;
import org.hibernate.search.engine.search.query.SearchResult;

/**
 * The facet counts of a results page, asked for with the hits: services per value of each faceted
 * field, and how many of them are free, paid or of a cost not known.
 */
final class SearchFacets {

    static final List<String> FIELDS = List.of(ServiceIndexBinder.CATEGORY, ServiceIndexBinder.CHANNEL,
            ServiceIndexBinder.LANGUAGE, ServiceIndexBinder.AGE, ServiceIndexBinder.COUNTRY);

    static final AggregationKey<Map<String, Long>> COST = AggregationKey.of("cost");

    /** Far more values than any field has: a facet lists them all. */
    private static final int MAX_VALUES = 50;

    private static final Map<String, AggregationKey<Map<String, Long>>> KEYS = new LinkedHashMap<>();

    static {
        FIELDS.forEach(field -> KEYS.put(field, AggregationKey.of(field)));
    }

    /**
     * The counts of a results page: all its results, services per value of each faceted field, per cost
     * code (for the free and not-known choices, without the cost filter), and open now (without that
     * filter).
     */
    record PageCounts(long total, Map<String, Map<String, Long>> byField, Map<String, Long> costs, long openNow) {
    }

    private SearchFacets() {
    }

    /** The term count of each faceted field, by the key to read it back with. */
    static Map<AggregationKey<Map<String, Long>>, SearchAggregation<Map<String, Long>>> terms(
            SearchAggregationFactory f) {
        Map<AggregationKey<Map<String, Long>>, SearchAggregation<Map<String, Long>>> terms = new LinkedHashMap<>();
        KEYS.forEach((field, key) -> terms.put(key,
                f.terms().field(field, String.class).maxTermCount(MAX_VALUES).toAggregation()));
        return terms;
    }

    /** Services by cost code: free, paid, unknown. */
    static SearchAggregation<Map<String, Long>> costs(SearchAggregationFactory f) {
        return f.terms().field(ServiceIndexBinder.COST, String.class).toAggregation();
    }

    /** Each faceted field's counts, as the terms aggregations of the page's query give them. */
    static Map<String, Map<String, Long>> read(SearchResult<?> result) {
        Map<String, Map<String, Long>> byField = new LinkedHashMap<>();
        KEYS.forEach((field, key) -> byField.put(field, result.aggregation(key)));
        return byField;
    }

    /**
     * A field's counts as a terms aggregation gives them: the values most services have first (by
     * value where as many have each), at most {@link #MAX_VALUES}.
     */
    static Map<String, Long> top(Map<String, Long> counts) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(MAX_VALUES)
            .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }
}
