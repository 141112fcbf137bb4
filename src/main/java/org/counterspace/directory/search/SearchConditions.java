package org.counterspace.directory.search;

import java.time.ZoneId;
import java.util.List;

import org.counterspace.directory.AgeGroup;
import org.counterspace.directory.Cost;
import org.counterspace.directory.Point;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.WeeklyHours;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.spatial.DistanceUnit;
import org.hibernate.search.engine.spatial.GeoPoint;

/**
 * What a search asks of the index: active services matching the words ({@link TypedWords}, null when
 * only stop words were typed) and every filter chosen, open
 * now in their own time zone ({@code zones}: those the directory has) and within the radius of a place,
 * in the form the index's backend reads.
 */
record SearchConditions(SearchQuery query, WordQuery words, List<String> zones, SearchBackend backend) {

    static final float REGION = 100f;

    static final float IMPORTED = 50f;

    /**
     * {@code openNow} and {@code byCost} apart from the query, so the page can count what is open now,
     * and what costs what, without those filters.
     */
    SearchPredicate predicate(SearchPredicateFactory f, boolean openNow, boolean byCost) {
        return backend.predicate(f, this, openNow, byCost);
    }

    /** The words and the ranking of the search, with these filters. */
    SearchPredicate predicate(SearchPredicateFactory f, SearchPredicate filters) {
        var bool = f.bool();
        // the region's services and national lines first, then imported data before the demo services:
        // less than one more word matched (TypedWords.COVERAGE), more than a better match of the same words
        if (query.region() != null) {
            bool.should(f.match().field(ServiceIndexBinder.COUNTRY).matching(query.region()).constantScore()
                .boost(REGION));
        }
        bool.should(f.match().field(ServiceIndexBinder.DEMO).matching(false).constantScore().boost(IMPORTED));
        if (query.hasText()) {
            bool.must(words == null ? f.matchNone().toPredicate()
                    : backend.words(f, words).toPredicate());
        }
        bool.filter(filters);
        return bool.toPredicate();
    }

    /** Every filter of the search but its words, as one predicate on the fields of the index. */
    SearchPredicate fieldFilters(SearchPredicateFactory f, boolean openNow, boolean byCost) {
        var all = f.and();
        all.add(f.match().field(ServiceIndexBinder.STATUS).matching(SupportService.ACTIVE));
        query.categories().forEach(code -> all.add(f.match().field(ServiceIndexBinder.CATEGORY).matching(code)));
        query.channels().forEach(
                channel -> all.add(f.match().field(ServiceIndexBinder.CHANNEL).matching(channel.code())));
        query.languages().forEach(code -> all.add(f.match().field(ServiceIndexBinder.LANGUAGE).matching(code)));
        if (byCost) {
            var costs = f.or();
            if (query.freeOnly()) {
                costs.add(f.match().field(ServiceIndexBinder.COST).matching(Cost.FREE.code()));
            }
            if (query.costUnknown()) {
                costs.add(f.match().field(ServiceIndexBinder.COST).matching(Cost.UNKNOWN.code()));
            }
            all.add(costs);
        }
        if (query.age() != null) {
            all.add(f.or(f.match().field(ServiceIndexBinder.AGE).matching(query.age().code()),
                    f.match().field(ServiceIndexBinder.AGE).matching(AgeGroup.ALL.code())));
        }
        if (query.country() != null) {
            all.add(f.match().field(ServiceIndexBinder.COUNTRY).matching(query.country()));
        }
        if (openNow) {
            all.add(openNow(f));
        }
        if (query.near() != null) {
            all.add(f.spatial().within().field(ServiceIndexBinder.POINT)
                .circle(geo(query.near()), query.radiusKm(), DistanceUnit.KILOMETERS));
        }
        return all.toPredicate();
    }

    /**
     * Open now: for each time zone in the directory, services in that zone with an opening that
     * contains the current minute of the week there.
     */
    private SearchPredicate openNow(SearchPredicateFactory f) {
        var any = f.or();
        for (String zone : zones) {
            int minute = WeeklyHours.minuteOfWeek(query.now(), ZoneId.of(zone));
            any.add(f.and(f.match().field(ServiceIndexBinder.ZONE).matching(zone),
                    backend.openAt(f, ServiceIndexBinder.OPENINGS, minute)));
        }
        return zones.isEmpty() ? f.matchNone().toPredicate() : any.toPredicate();
    }

    static GeoPoint geo(Point point) {
        return GeoPoint.of(point.latitude(), point.longitude());
    }
}
