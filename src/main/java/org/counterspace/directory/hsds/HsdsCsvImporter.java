package org.counterspace.directory.hsds;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.counterspace.directory.TimeZones;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports the HSDS tabular form (a Tabular Data Package: one CSV per object, as in the official
 * examples/csv folder) by joining the tables into nested service objects and handing them to the
 * JSON importer, so both forms follow the same rules and the same all-or-nothing report.
 */
@Service
public class HsdsCsvImporter {

    /**
     * The tables we read and the columns each must have: those HSDS requires, plus the links without
     * which a row belongs nowhere. Phones, schedules and languages may belong to a service, a location
     * or a service_at_location, so none of those links is required. Other tables are ignored.
     */
    static final Map<String, Set<String>> TABLES = Map.ofEntries(
            Map.entry("services.csv", Set.of("id", "name", "status")),
            Map.entry("organizations.csv", Set.of("id", "name", "description")),
            Map.entry("phones.csv", Set.of("id", "number")),
            Map.entry("schedules.csv", Set.of("id")),
            Map.entry("languages.csv", Set.of("id")),
            Map.entry("locations.csv", Set.of("id", "location_type")),
            Map.entry("addresses.csv", Set.of("id", "location_id", "address_1", "city", "state_province",
                    "postal_code", "country")),
            Map.entry("service_at_location.csv", Set.of("id", "service_id", "location_id")),
            Map.entry("service_areas.csv", Set.of("id", "service_id")),
            Map.entry("taxonomies.csv", Set.of("id", "name", "description")),
            Map.entry("taxonomy_terms.csv", Set.of("id", "name", "description")),
            Map.entry("attributes.csv", Set.of("id", "link_id", "taxonomy_term_id")),
            Map.entry("cost_options.csv", Set.of("id", "service_id")),
            Map.entry("accessibility.csv", Set.of("id", "location_id")));

    /**
     * Tables of HSDS 1.x and 2.0 that 3.0 replaced, with where their content went: a package holding
     * one is refused with that list, rather than imported without its addresses or hours.
     */
    static final Map<String, String> OLDER_TABLES = Map.of(
            "physical_address.csv", "addresses.csv (address_type physical)",
            "postal_address.csv", "addresses.csv (address_type postal)",
            "regular_schedule.csv", "schedules.csv",
            "holiday_schedule.csv", "schedules.csv",
            "eligibility.csv", "the service's eligibility_description, minimum_age and maximum_age",
            "accessibility_for_disabilities.csv", "accessibility.csv",
            "service_attributes.csv", "attributes.csv");

    /** The files of a package that are read: the tables, and the older ones that are recognised. */
    static final Set<String> RECOGNISED = Stream.concat(TABLES.keySet().stream(), OLDER_TABLES.keySet().stream())
        .collect(Collectors.toUnmodifiableSet());

    /** The tables whose rows may sit on a service, a location or a service_at_location. */
    private static final List<String> PLACE_ITEMS = List.of("phones", "schedules", "languages");

    /** The numeric columns of phones and schedules. */
    private static final Set<String> PLACE_ITEM_NUMBERS = Set.of("extension", "timezone", "count", "interval");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HsdsImporter importer;

    private final ZipTables zipTables;

    private final TimeZones timeZones;

    HsdsCsvImporter(HsdsImporter importer, ImportLimits limits, TimeZones timeZones) {
        this.importer = importer;
        this.zipTables = new ZipTables(limits);
        this.timeZones = timeZones;
    }

    /** A zip holding the package's CSV files (at its root or in one folder); hours in the directory's zone. */
    public ImportReport importZip(String file, byte[] zip, String actor) {
        return importZip(file, zip, actor, timeZones.directoryZone());
    }

    /**
     * A zip holding the package's CSV files, hours without a zone or coordinates read in {@code zone}.
     * Unpacking stops, and the file is refused, as soon as the tables pass the size or ratio limit.
     */
    public ImportReport importZip(String file, byte[] zip, String actor, ZoneId zone) {
        ZipTables.Unpacked unpacked = zipTables.unpack(zip, RECOGNISED);
        return unpacked.problem() != null ? ImportReport.fileProblem(file, unpacked.problem())
                : importTables(file, unpacked.tables(), actor, zone);
    }

    public ImportReport importTables(String file, Map<String, byte[]> files, String actor) {
        return importTables(file, files, actor, timeZones.directoryZone());
    }

    public ImportReport importTables(String file, Map<String, byte[]> files, String actor, ZoneId zone) {
        List<String> older = OLDER_TABLES.keySet().stream().filter(files::containsKey).sorted().toList();
        if (!older.isEmpty()) {
            return ImportReport.fileProblem(file, olderVersion(older));
        }
        if (!files.containsKey("services.csv")) {
            return ImportReport.fileProblem(file, "There is no services.csv in the package.");
        }
        Map<String, List<Map<String, String>>> tables = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
            if (!TABLES.containsKey(f.getKey())) {
                // datapackage.json, a README: a package may hold more than the tables read
                continue;
            }
            try {
                tables.put(f.getKey(), rows(f.getKey(), HsdsRecordReader.utf8(f.getValue())));
            }
            catch (CharacterCodingException e) {
                problems.add(f.getKey() + " is not valid UTF-8 text.");
            }
            catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            // every table's problem at once, so a curator fixes the package in one pass
            return new ImportReport(file, List.of(), problems);
        }
        return importer.importServices(file, terms(tables), services(tables), actor, zone);
    }

    private static String olderVersion(List<String> older) {
        return "This looks like HSDS 1.x or 2.0 data, and the directory reads HSDS 3.0. What differs: "
                + older.stream().map(table -> table + " became " + OLDER_TABLES.get(table))
                    .collect(Collectors.joining("; "))
                + ". Export it again as HSDS 3.0, or move those tables' rows as listed.";
    }

    /** Rows as column → value, after checking the header has the columns we need. */
    static List<Map<String, String>> rows(String name, String csv) {
        try (CSVParser parser = parser(name, csv)) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = TABLES.get(name).stream().filter(c -> !header.contains(c)).sorted().toList();
            Optional<HsdsKind> kind = "services.csv".equals(name) ? HsdsKind.ofFields(header) : Optional.empty();
            if (kind.isPresent()) {
                throw new IllegalArgumentException("services.csv: " + kind.get().notServices());
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(name + " lacks the column(s) " + String.join(", ", missing) + ".");
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : header) {
                    String value = record.isSet(column) ? record.get(column) : null;
                    row.put(column, value == null || value.isEmpty() ? null : value);
                }
                rows.add(row);
            }
            return rows;
        }
        catch (IOException | IllegalStateException | UncheckedIOException e) {
            // commons-csv's CSVException (an IOException) for a broken quote, in the header too
            throw new IllegalArgumentException(name + " is not well-formed CSV.");
        }
    }

    /** Reads the header row; one with an empty or repeated column name is the file's problem, said in our words. */
    private static CSVParser parser(String name, String csv) throws IOException {
        try {
            // blank lines skipped: "\r\r\n" line ends, and a trailing empty line, are not records
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get()
                .parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " has a column without a name, or two of the same name.");
        }
    }

    /** Every term of the package's taxonomy_terms.csv, parents first, each with its taxonomy nested. */
    private static List<JsonNode> terms(Map<String, List<Map<String, String>>> t) {
        Map<String, Map<String, String>> taxonomies = byId(t.get("taxonomies.csv"));
        List<Map<String, String>> rows = t.getOrDefault("taxonomy_terms.csv", List.of());
        return TermTree.parentsFirst(rows, row -> row.get("id"), row -> row.get("parent_id")).stream()
            .map(row -> (JsonNode) term(row, taxonomies)).toList();
    }

    private static ObjectNode term(Map<String, String> row, Map<String, Map<String, String>> taxonomies) {
        ObjectNode term = object(row, Set.of());
        Map<String, String> taxonomy = taxonomies.get(row.get("taxonomy_id"));
        if (taxonomy != null) {
            term.set("taxonomy_detail", object(taxonomy, Set.of()));
        }
        return term;
    }

    private static List<JsonNode> services(Map<String, List<Map<String, String>>> t) {
        Map<String, Map<String, String>> organizations = byId(t.get("organizations.csv"));
        Map<String, Map<String, String>> locations = byId(t.get("locations.csv"));
        Map<String, Map<String, String>> terms = byId(t.get("taxonomy_terms.csv"));
        Map<String, Map<String, String>> taxonomies = byId(t.get("taxonomies.csv"));
        Map<String, List<Map<String, String>>> phones = group(t.get("phones.csv"), "service_id");
        Map<String, List<Map<String, String>>> schedules = group(t.get("schedules.csv"), "service_id");
        Map<String, List<Map<String, String>>> languages = group(t.get("languages.csv"), "service_id");
        Map<String, List<Map<String, String>>> areas = group(t.get("service_areas.csv"), "service_id");
        Map<String, List<Map<String, String>>> costs = group(t.get("cost_options.csv"), "service_id");
        Map<String, List<Map<String, String>>> sals = group(t.get("service_at_location.csv"), "service_id");
        Map<String, List<Map<String, String>>> addresses = group(t.get("addresses.csv"), "location_id");
        Map<String, List<Map<String, String>>> accessibility = group(t.get("accessibility.csv"), "location_id");
        Map<String, Map<String, List<Map<String, String>>>> onLocations = new HashMap<>();
        Map<String, Map<String, List<Map<String, String>>>> onPlaces = new HashMap<>();
        for (String item : PLACE_ITEMS) {
            List<Map<String, String>> notOnAService = rowsWithout(t.get(item + ".csv"), "service_id");
            onLocations.put(item, group(rowsWithout(notOnAService, "service_at_location_id"), "location_id"));
            onPlaces.put(item, group(notOnAService, "service_at_location_id"));
        }
        Map<String, List<Map<String, String>>> attributes = group(t.get("attributes.csv"), "link_id");
        List<JsonNode> services = new ArrayList<>();
        for (Map<String, String> row : t.get("services.csv")) {
            ObjectNode s = object(row, Set.of("minimum_age", "maximum_age"));
            String id = row.get("id");
            Map<String, String> organization = organizations.get(row.get("organization_id"));
            if (organization != null) {
                s.set("organization", object(organization, Set.of("year_incorporated")));
            }
            s.set("phones", array(phones.get(id), PLACE_ITEM_NUMBERS));
            s.set("schedules", array(schedules.get(id), PLACE_ITEM_NUMBERS));
            s.set("languages", array(languages.get(id), Set.of()));
            s.set("service_areas", array(areas.get(id), Set.of()));
            s.set("cost_options", array(costs.get(id), Set.of("amount")));
            s.set("service_at_locations",
                    atLocations(sals.getOrDefault(id, List.of()), locations, addresses, accessibility, onLocations,
                            onPlaces));
            s.set("attributes", attributes(attributes.getOrDefault(id, List.of()), terms, taxonomies));
            // last, so the publisher's own lists take the place of what the tables rebuilt
            services.add(ExportColumns.readBack(s));
        }
        return services;
    }

    /**
     * A service's service_at_location rows, each with its location and that location's addresses nested,
     * and the phones, schedules and languages given on either, as nested HSDS JSON carries them.
     */
    private static ArrayNode atLocations(List<Map<String, String>> sals, Map<String, Map<String, String>> locations,
            Map<String, List<Map<String, String>>> addresses, Map<String, List<Map<String, String>>> accessibility,
            Map<String, Map<String, List<Map<String, String>>>> onLocations,
            Map<String, Map<String, List<Map<String, String>>>> onPlaces) {
        ArrayNode atLocations = NODES.arrayNode();
        for (Map<String, String> sal : sals) {
            ObjectNode node = object(sal, Set.of());
            placeItems(node, sal.get("id"), onPlaces);
            Map<String, String> location = locations.get(sal.get("location_id"));
            if (location != null) {
                ObjectNode l = object(location, Set.of("latitude", "longitude"));
                l.set("addresses", array(addresses.get(location.get("id")), Set.of()));
                l.set("accessibility", array(accessibility.get(location.get("id")), Set.of()));
                placeItems(l, location.get("id"), onLocations);
                node.set("location", l);
            }
            atLocations.add(node);
        }
        return atLocations;
    }

    private static void placeItems(ObjectNode node, String id, Map<String, Map<String, List<Map<String, String>>>> items) {
        items.forEach((item, byPlace) -> {
            if (byPlace.containsKey(id)) {
                node.set(item, array(byPlace.get(id), PLACE_ITEM_NUMBERS));
            }
        });
    }

    private static List<Map<String, String>> rowsWithout(List<Map<String, String>> rows, String column) {
        return rows == null ? List.of() : rows.stream().filter(row -> row.get(column) == null).toList();
    }

    /** A service's attribute rows, each with its taxonomy term (and the term's taxonomy) nested. */
    private static ArrayNode attributes(List<Map<String, String>> rows, Map<String, Map<String, String>> terms,
            Map<String, Map<String, String>> taxonomies) {
        ArrayNode links = NODES.arrayNode();
        for (Map<String, String> attribute : rows) {
            ObjectNode a = object(attribute, Set.of());
            Map<String, String> term = terms.get(attribute.get("taxonomy_term_id"));
            if (term != null) {
                ObjectNode termNode = object(term, Set.of());
                Map<String, String> taxonomy = taxonomies.get(term.get("taxonomy_id"));
                if (taxonomy != null) {
                    termNode.set("taxonomy_detail", object(taxonomy, Set.of()));
                }
                a.set("taxonomy_term", termNode);
            }
            links.add(a);
        }
        return links;
    }

    private static Map<String, Map<String, String>> byId(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> byId = new HashMap<>();
        if (rows != null) {
            rows.forEach(row -> byId.put(row.get("id"), row));
        }
        return byId;
    }

    private static Map<String, List<Map<String, String>>> group(List<Map<String, String>> rows, String column) {
        Map<String, List<Map<String, String>>> groups = new HashMap<>();
        if (rows != null) {
            rows.forEach(row -> groups.computeIfAbsent(row.get(column), k -> new ArrayList<>()).add(row));
        }
        return groups;
    }

    private static ArrayNode array(List<Map<String, String>> rows, Set<String> numeric) {
        ArrayNode array = NODES.arrayNode();
        if (rows != null) {
            rows.forEach(row -> array.add(object(row, numeric)));
        }
        return array;
    }

    /** A CSV row as a JSON object; numeric columns become numbers when they parse. */
    private static ObjectNode object(Map<String, String> row, Set<String> numeric) {
        ObjectNode node = NODES.objectNode();
        row.forEach((column, value) -> {
            if (value == null) {
                return;
            }
            if (numeric.contains(column)) {
                try {
                    node.put(column, Double.parseDouble(value));
                    return;
                }
                catch (NumberFormatException e) {
                    // kept as text; the importer reports or ignores it
                }
            }
            node.put(column, value);
        });
        return node;
    }
}
