package org.counterspace.directory.hsds;

import static org.counterspace.directory.hsds.HsdsJson.abbreviate;
import static org.counterspace.directory.hsds.HsdsJson.offset;
import static org.counterspace.directory.hsds.HsdsJson.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.counterspace.directory.Point;
import org.counterspace.directory.TimeZones;

import tools.jackson.databind.JsonNode;

/**
 * The time zone of one imported service's hours, without guessing where the data can tell: the zone
 * our own extension names, else a place's zone a schedule names in {@code timezone} (HSDS asks for a
 * number there, but some publishers write the zone), else the zone at its first location's
 * coordinates, else, with a note, the zone a UTC offset in the schedules most likely stands for
 * (HSDS's numeric {@code timezone}, or "09:00-08:00"), else the import's zone. One per import.
 */
final class HsdsZones {

    private final TimeZones zones;

    private final ZoneId importZone;

    /** {@code importZone}: the zone the curator chose for this import, or the directory's. */
    HsdsZones(TimeZones zones, ZoneId importZone) {
        this.zones = zones;
        this.importZone = importZone;
    }

    /** {@code named}: what our extension says, or null; {@code country}: of the first address, or null. */
    ZoneId zoneOf(JsonNode r, String named, String country, List<String> warnings) {
        List<JsonNode> schedules = schedules(r);
        if (named != null && TimeZones.placeZone(named).isEmpty() && fixedOffset(named).isEmpty()) {
            warnings.add("Unknown time zone " + abbreviate(named) + "; left out.");
        }
        Optional<ZoneOffset> offset = offsetOf(named, schedules);
        Optional<ZoneId> known = TimeZones.placeZone(named).or(() -> namedInSchedules(schedules))
            .or(() -> atCoordinates(r));
        if (known.isPresent()) {
            offset.filter(o -> !TimeZones.hasOffset(known.get(), o)).ifPresent(o -> warnings.add("The schedules give "
                    + "the UTC offset " + o + ", which " + known.get().getId() + " never has; the times were read "
                    + "as local times there."));
            return known.get();
        }
        if (offset.isPresent()) {
            Optional<ZoneId> guessed = zones.forOffset(offset.get(), country, importZone);
            guessed.ifPresent(zone -> warnings.add("The schedules give only the UTC offset " + offset.get()
                    + ", not a time zone; read as " + zone.getId() + ", which has that offset, with its daylight "
                    + "saving."));
            if (guessed.isPresent()) {
                return guessed.get();
            }
            warnings.add("The schedules give only the UTC offset " + offset.get() + ", which no time zone of "
                    + (country == null ? "the import" : country) + " has; the times were read in "
                    + importZone.getId() + ". Choose the import's time zone to read them elsewhere.");
            return importZone;
        }
        if (!schedules.isEmpty()) {
            warnings.add("No time zone or coordinates; the hours were read in " + importZone.getId() + ".");
        }
        return importZone;
    }

    /** The service's schedules, and those at its places and their locations. */
    private static List<JsonNode> schedules(JsonNode r) {
        List<JsonNode> schedules = new ArrayList<>();
        r.path("schedules").forEach(schedules::add);
        for (JsonNode sal : r.path("service_at_locations")) {
            sal.path("schedules").forEach(schedules::add);
            sal.path("location").path("schedules").forEach(schedules::add);
        }
        return schedules;
    }

    private static Optional<ZoneId> namedInSchedules(List<JsonNode> schedules) {
        return schedules.stream().map(sc -> sc.path("timezone"))
            .filter(JsonNode::isString).map(zone -> TimeZones.placeZone(zone.asString()))
            .flatMap(Optional::stream).findFirst();
    }

    private Optional<ZoneId> atCoordinates(JsonNode r) {
        return coordinates(r).flatMap(l -> zones.at(l.path("latitude").asDouble(), l.path("longitude").asDouble()));
    }

    /**
     * Adds where {@link #zoneOf} will look this record's zone up, if it will: when neither our extension
     * nor a schedule names a place's zone. So an import can look them all up before it writes.
     */
    static void addCoordinates(JsonNode r, TimeZones.Places places) {
        if (TimeZones.placeZone(HsdsExtension.of(r, null).timeZone()).isEmpty()
                && namedInSchedules(schedules(r)).isEmpty()) {
            coordinates(r).ifPresent(l -> places.add(l.path("latitude").asDouble(), l.path("longitude").asDouble()));
        }
    }

    /** The first location with usable coordinates. */
    private static Optional<JsonNode> coordinates(JsonNode r) {
        for (JsonNode sal : r.path("service_at_locations")) {
            JsonNode l = sal.path("location");
            if (l.path("latitude").isNumber() && l.path("longitude").isNumber()
                    && Point.valid(l.path("latitude").asDouble(), l.path("longitude").asDouble())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * A UTC offset the data gives: a fixed zone our extension names (older exports wrote "UTC-08:00"),
     * a numeric {@code timezone} in hours, or the offset of an opening or closing time.
     */
    private static Optional<ZoneOffset> offsetOf(String named, List<JsonNode> schedules) {
        if (named != null && TimeZones.placeZone(named).isEmpty()) {
            Optional<ZoneOffset> fixed = fixedOffset(named);
            if (fixed.isPresent()) {
                return fixed;
            }
        }
        for (JsonNode sc : schedules) {
            JsonNode timezone = sc.path("timezone");
            if (timezone.isNumber() && Math.abs(timezone.asDouble()) <= 18) {
                return Optional.of(ZoneOffset.ofTotalSeconds((int) Math.round(timezone.asDouble() * 3600)));
            }
            Optional<ZoneOffset> atTime = offset(text(sc, "opens_at")).or(() -> offset(text(sc, "closes_at")));
            if (atTime.isPresent()) {
                return atTime;
            }
        }
        return Optional.empty();
    }

    private static Optional<ZoneOffset> fixedOffset(String id) {
        try {
            ZoneId zone = ZoneId.of(id.strip());
            return zone.getRules().isFixedOffset() ? Optional.of(zone.getRules().getOffset(Instant.EPOCH))
                    : Optional.empty();
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

}
