package org.counterspace.directory.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.counterspace.directory.Point;
import org.counterspace.web.ControlCharacters;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places curators add to the gazetteer from a CSV file ({@code name,region,country,latitude,longitude}
 * and optionally {@code postcode} and {@code population}), all or nothing, every bad line reported. A
 * place already added (same name, region and country) is updated. The gazetteer searches them with
 * its own from the moment they are saved.
 */
@Service
public class CuratedPlaces {

    static final List<String> REQUIRED = List.of("name", "region", "country", "latitude", "longitude");

    static final Set<String> COLUMNS = Set.of("name", "region", "country", "latitude", "longitude", "postcode",
            "population");

    static final int MAX_ROWS = 10_000;

    static final int MAX_TEXT = 100;

    /** One thing wrong with the file: its line (0 for the file), a message key and its arguments. */
    public record Problem(long line, String code, List<Object> args) {

        static Problem of(long line, String code, Object... args) {
            return new Problem(line, "curate.places.error." + code, List.of(args));
        }
    }

    /** How many places were added and updated, or the problems that kept the file out. */
    public record Outcome(int added, int updated, List<Problem> problems) {
    }

    private final CuratedPlaceRepository places;

    private final Gazetteer gazetteer;

    CuratedPlaces(CuratedPlaceRepository places, Gazetteer gazetteer) {
        this.places = places;
        this.gazetteer = gazetteer;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional(readOnly = true)
    public void share() {
        gazetteer.useCurated(places.findAll().stream().map(CuratedPlace::place).toList());
    }

    @Transactional(readOnly = true)
    public long count() {
        return places.count();
    }

    @Transactional
    public Outcome importCsv(byte[] file, String curator) {
        List<Problem> problems = new ArrayList<>();
        List<Gazetteer.Place> read = read(file, problems);
        if (!problems.isEmpty()) {
            return new Outcome(0, 0, problems);
        }
        int added = 0;
        int updated = 0;
        for (Gazetteer.Place place : read) {
            CuratedPlace known = places.findByCountryAndNameIgnoreCase(place.country(), place.name()).stream()
                .filter(p -> p.names(place)).findFirst().orElse(null);
            if (known == null) {
                places.save(new CuratedPlace(place, curator, Instant.now()));
                added++;
            }
            else {
                known.update(place, curator, Instant.now());
                updated++;
            }
        }
        places.flush();
        share();
        return new Outcome(added, updated, List.of());
    }

    private static List<Gazetteer.Place> read(byte[] file, List<Problem> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        }
        catch (CharacterCodingException e) {
            problems.add(Problem.of(0, "encoding"));
            return List.of();
        }
        List<Gazetteer.Place> read = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
            .setIgnoreEmptyLines(true).get().parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!header.containsAll(REQUIRED) || !COLUMNS.containsAll(header)) {
                problems.add(Problem.of(0, "header", String.join(",", REQUIRED)));
                return List.of();
            }
            for (CSVRecord record : parser) {
                if (read.size() >= MAX_ROWS) {
                    problems.add(Problem.of(0, "tooMany", MAX_ROWS));
                    break;
                }
                place(record, parser.getHeaderNames(), problems).ifPresent(read::add);
            }
        }
        catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // commons-csv: a broken quote, a repeated or empty column name
            problems.add(Problem.of(0, "unreadable"));
        }
        if (read.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.of(0, "empty"));
        }
        return read;
    }

    private static Optional<Gazetteer.Place> place(CSVRecord record, List<String> header,
            List<Problem> problems) {
        // the header is line 1
        long line = record.getRecordNumber() + 1;
        int before = problems.size();
        String name = value(record, header, "name");
        String region = value(record, header, "region");
        String country = value(record, header, "country").toUpperCase(Locale.ROOT);
        String postcode = value(record, header, "postcode").replace(" ", "").toUpperCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > MAX_TEXT || region.length() > MAX_TEXT) {
            problems.add(Problem.of(line, "name", MAX_TEXT));
        }
        if (ControlCharacters.in(name) || ControlCharacters.in(region)) {
            problems.add(Problem.of(line, "control"));
        }
        if (!country.matches("[A-Z]{2}")) {
            problems.add(Problem.of(line, "country", shorten(country)));
        }
        if (!postcode.matches("[A-Z0-9]{0,10}")) {
            problems.add(Problem.of(line, "postcode", shorten(postcode)));
        }
        Double latitude = number(value(record, header, "latitude"));
        Double longitude = number(value(record, header, "longitude"));
        if (latitude == null || longitude == null || !Point.valid(latitude, longitude)) {
            problems.add(Problem.of(line, "coordinates"));
        }
        String populationText = value(record, header, "population");
        Integer population = populationText.isEmpty() ? Integer.valueOf(0) : whole(populationText);
        if (population == null || population < 0) {
            problems.add(Problem.of(line, "population", shorten(populationText)));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Gazetteer.Place(name, postcode.isEmpty() ? null : postcode, country,
                region.isEmpty() ? null : region, null, latitude, longitude, population));
    }

    private static String value(CSVRecord record, List<String> header, String column) {
        for (String name : header) {
            if (name.equalsIgnoreCase(column)) {
                return record.isSet(name) ? record.get(name).strip() : "";
            }
        }
        return "";
    }

    private static Double number(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer whole(String text) {
        try {
            return Integer.valueOf(text);
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static String shorten(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
