package org.counterspace.directory.search;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.counterspace.directory.WeeklyHours;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FieldProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IdProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;

/**
 * The fields of a result card as stored in the search index ({@link ServiceIndexBinder}), read back by
 * Hibernate Search through this constructor. {@code hours} are the week-minute ranges in {@code zone}.
 */
@ProjectionConstructor
record CardFields(@IdProjection UUID id, @FieldProjection(path = ServiceIndexBinder.NAME) String name,
        @FieldProjection(path = ServiceIndexBinder.SUMMARY) String summary,
        @FieldProjection(path = ServiceIndexBinder.TERM_NAMES) List<String> categories,
        @FieldProjection(path = ServiceIndexBinder.TOWNS) List<String> towns,
        @FieldProjection(path = ServiceIndexBinder.FREE) Boolean free,
        @FieldProjection(path = ServiceIndexBinder.NATIONAL) Boolean national,
        @FieldProjection(path = ServiceIndexBinder.DEMO) Boolean demo,
        @FieldProjection(path = ServiceIndexBinder.HOURS) String hours,
        @FieldProjection(path = ServiceIndexBinder.ZONE) String zone,
        @FieldProjection(path = ServiceIndexBinder.PHONE) String phone) {

    /** The card at this moment; {@code distancesKm} from the place searched near, one per location. */
    ServiceCard card(Instant now, List<Double> distancesKm) {
        boolean hoursKnown = hours != null && !hours.isEmpty();
        boolean openNow = hoursKnown
                && WeeklyHours.rangesContain(hours, WeeklyHours.minuteOfWeek(now, ZoneId.of(zone)));
        return new ServiceCard(id, name, summary, categories, towns, free, national, demo, hoursKnown, openNow, phone,
                distancesKm.stream().min(Double::compare).orElse(null));
    }
}
