package org.counterspace.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import net.iakovlev.timeshape.TimeZoneEngine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Where a service's hours are kept: a time zone of a place (an IANA id with its daylight saving
 * rules), never a bare UTC offset. A zone comes from what the data names, else from a location's
 * coordinates (offline, from the time-zone boundaries inside the timeshape jar), else from the
 * directory's own zone ({@code counterspace.directory.time-zone}). A UTC offset alone is mapped to
 * a zone only when nothing better is known, see {@link #forOffset}.
 *
 * <p>The boundary index takes a few seconds and about 200 MB to build, so it is built on the first
 * look-up and let go by {@link #release()} when the import that needed it ends. An import that
 * knows its coordinates beforehand looks them all up at once ({@link #lookUp}), and the index is let
 * go before its records are written: the two never take memory together.
 */
@Component
public class TimeZones {

    private static final String COUNTRY_ZONES = "directory/country-zones.tsv";

    private final ZoneId directoryZone;

    private final Map<String, List<ZoneId>> countryZones;

    private TimeZoneEngine engine;


    private final Map<String, Optional<ZoneId>> found = new HashMap<>();

    TimeZones(@Value("${counterspace.directory.time-zone:Europe/London}") String directoryZone) {
        this.directoryZone = placeZone(directoryZone)
            .orElseThrow(() -> new IllegalArgumentException("counterspace.directory.time-zone must name a place's "
                    + "time zone, like Europe/London: " + directoryZone));
        this.countryZones = readCountryZones();
    }

    /** The zone of hours whose data says nothing better. */
    public ZoneId directoryZone() {
        return directoryZone;
    }

    /**
     * A place's zone named by {@code id} ("America/Los_Angeles"); empty for anything else, fixed
     * offsets included ("-08:00", "UTC+1", "Etc/GMT+8", "UTC"): those are no place and keep no daylight saving.
     */
    public static Optional<ZoneId> placeZone(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            ZoneId zone = ZoneId.of(id.strip());
            return zone instanceof ZoneOffset || zone.getRules().isFixedOffset() ? Optional.empty() : Optional.of(zone);
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The zone's everyday English name: "Pacific Time", "British Time". */
    public static String displayName(ZoneId zone) {
        return zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** The place a zone is named after ("Los Angeles" for America/Los_Angeles), or null for a bare offset. */
    public static String city(ZoneId zone) {
        String id = zone.getId();
        return placeZone(id).isEmpty() || !id.contains("/") ? null
                : id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
    }

    /** The zone at these coordinates, if the boundaries know it (not at sea). */
    public synchronized Optional<ZoneId> at(double latitude, double longitude) {
        return found.computeIfAbsent(key(latitude, longitude), k -> {
            if (engine == null) {
                engine = TimeZoneEngine.initialize();
            }
            return engine.query(latitude, longitude).map(ZoneId::getId).flatMap(TimeZones::placeZone);
        });
    }

    /**
     * Looks up the zones of all these places now and lets the boundary index go, so that {@link #at}
     * answers for them from what it found, until {@link #release()}.
     */
    public synchronized void lookUp(Places places) {
        places.points.forEach((key, point) -> at(point[0], point[1]));
        engine = null;
    }

    /** Lets the boundary index go, and what it found; the next look-up builds it again. */
    public synchronized void release() {
        engine = null;
        found.clear();
    }

    /** About a kilometre: the places of one town share one look-up. */
    private static String key(double latitude, double longitude) {
        return Math.round(latitude * 100) + "," + Math.round(longitude * 100);
    }

    /** Places to look up together ({@link #lookUp}), one for each kilometre; for one thread. */
    public static final class Places {

        private final Map<String, double[]> points = new HashMap<>();

        public void add(double latitude, double longitude) {
            points.putIfAbsent(key(latitude, longitude), new double[] {latitude, longitude});
        }
    }

    /**
     * The zone a UTC offset most likely stands for: {@code preferred} if it has that offset (in winter
     * or in summer), else the first zone of {@code country} that has it, most populous first (tzdb's
     * order); empty when neither does. A guess, so callers say they made it.
     */
    public Optional<ZoneId> forOffset(ZoneOffset offset, String country, ZoneId preferred) {
        List<ZoneId> candidates = new ArrayList<>();
        candidates.add(preferred);
        if (country != null) {
            candidates.addAll(countryZones.getOrDefault(country, List.of()));
        }
        return candidates.stream().filter(zone -> hasOffset(zone, offset)).findFirst();
    }

    /** Whether the zone keeps this offset in January or in July of this year. */
    public static boolean hasOffset(ZoneId zone, ZoneOffset offset) {
        ZoneRules rules = zone.getRules();
        int year = LocalDate.now(zone).getYear();
        Instant january = LocalDate.of(year, 1, 15).atStartOfDay(zone).toInstant();
        Instant july = LocalDate.of(year, 7, 15).atStartOfDay(zone).toInstant();
        return rules.getOffset(january).equals(offset) || rules.getOffset(july).equals(offset);
    }

    private static Map<String, List<ZoneId>> readCountryZones() {
        Map<String, List<ZoneId>> zones = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource(COUNTRY_ZONES).getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().filter(line -> !line.startsWith("#") && line.contains("\t")).forEach(line -> {
                String[] columns = line.split("\t");
                // a zone newer than this Java's time-zone data is left out
                placeZone(columns[1])
                    .ifPresent(zone -> zones.computeIfAbsent(columns[0], c -> new ArrayList<>()).add(zone));
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + COUNTRY_ZONES, e);
        }
        return zones;
    }
}
