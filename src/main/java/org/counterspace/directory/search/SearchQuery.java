package org.counterspace.directory.search;

import java.time.Instant;
import java.util.Set;

import org.counterspace.directory.AgeGroup;
import org.counterspace.directory.Channel;
import org.counterspace.directory.Point;

/**
 * What a person asked for on the search page, already cleaned: every value here is valid, unknown
 * values were dropped. {@code near} is null unless a place or coordinates were given. {@code freeOnly}
 * and {@code costUnknown} together ask for services that are free or whose cost is not known.
 * {@code region} (two letters, or null) ranks its services and national lines first.
 */
public record SearchQuery(String text, Set<String> categories, Set<Channel> channels, boolean freeOnly,
        boolean costUnknown, Set<String> languages, AgeGroup age, String country, boolean openNow, Point near,
        int radiusKm, SortOrder sort, int page, int perPage, Instant now, String region) {

    public enum SortOrder {
        RELEVANCE, DISTANCE, NAME
    }

    /** Whether the results are narrowed by what services cost. */
    public boolean byCost() {
        return freeOnly || costUnknown;
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    public SortOrder effectiveSort() {
        if (sort == SortOrder.DISTANCE && near == null) {
            return hasText() ? SortOrder.RELEVANCE : SortOrder.NAME;
        }
        if (sort == SortOrder.RELEVANCE && !hasText() && near != null) {
            return SortOrder.DISTANCE;
        }
        return sort;
    }

    /** The same search for other words: those of a plain-language need ({@link Needs}). */
    SearchQuery withText(String words) {
        return new SearchQuery(words, categories, channels, freeOnly, costUnknown, languages, age, country, openNow,
                near, radiusKm, sort, page, perPage, now, region);
    }

    /** The same search at another moment. */
    SearchQuery at(Instant moment) {
        return new SearchQuery(text, categories, channels, freeOnly, costUnknown, languages, age, country, openNow,
                near, radiusKm, sort, page, perPage, moment, region);
    }

    public static SearchQuery text(String text, Instant now) {
        return new SearchQuery(text, Set.of(), Set.of(), false, false, Set.of(), null, null, false, null, 25,
                SortOrder.RELEVANCE, 1, 10, now, null);
    }
}
