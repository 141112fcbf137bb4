package org.counterspace.directory.hsds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.counterspace.directory.TimeZones;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Imports the HSDS tabular form (a Tabular Data Package: one CSV per object, as in the official
 * examples/csv folder) by joining the tables into nested service objects and handing them to the
 * JSON importer, so both forms follow the same rules and the same all-or-nothing report. The tables
 * are read row by row and kept on disk ({@link CsvRowStore}); services are joined one at a time, so a
 * package of any size imports within bounded memory. Each part of a service is reported by its table
 * and line.
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

    /** Where those rows sit, in order: a row with a service_id is the service's, whatever else it names. */
    private static final List<String> PLACE_ITEM_OWNERS = List.of("service_id", "service_at_location_id",
            "location_id");

    /** Each table kept on disk while the services are joined, and the column(s) its rows are found by. */
    private static final Map<String, List<String>> JOINED = Map.ofEntries(
            Map.entry("organizations.csv", List.of("id")), Map.entry("locations.csv", List.of("id")),
            Map.entry("phones.csv", PLACE_ITEM_OWNERS), Map.entry("schedules.csv", PLACE_ITEM_OWNERS),
            Map.entry("languages.csv", PLACE_ITEM_OWNERS), Map.entry("service_areas.csv", List.of("service_id")),
            Map.entry("cost_options.csv", List.of("service_id")),
            Map.entry("service_at_location.csv", List.of("service_id")),
            Map.entry("addresses.csv", List.of("location_id")), Map.entry("accessibility.csv", List.of("location_id")),
            Map.entry("attributes.csv", List.of("link_id")));

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

    public ImportReport importZip(String file, byte[] zip, String actor, ZoneId zone) {
        try {
            Path copy = Files.createTempFile("counterspace-hsds", ".zip");
            try {
                Files.write(copy, zip);
                return importZip(file, copy, actor, zone, new ImportProgress());
            }
            finally {
                Files.deleteIfExists(copy);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A zip holding the package's CSV files, hours without a zone or coordinates read in {@code zone}.
     * The tables are unpacked to temporary files, and the file refused as soon as they pass the size or
     * ratio limit.
     */
    public ImportReport importZip(String file, Path zip, String actor, ZoneId zone, ImportProgress progress) {
        try (ZipTables.Unpacked unpacked = zipTables.unpack(zip, RECOGNISED)) {
            return unpacked.problem() != null ? ImportReport.fileProblem(file, unpacked.problem())
                    : importTables(file, unpacked.sources(), actor, zone, progress);
        }
    }

    public ImportReport importTables(String file, Map<String, byte[]> files, String actor) {
        return importTables(file, files, actor, timeZones.directoryZone());
    }

    public ImportReport importTables(String file, Map<String, byte[]> files, String actor, ZoneId zone) {
        Map<String, HsdsRecordReader.Source> sources = new HashMap<>();
        files.forEach((name, bytes) -> sources.put(name, () -> new ByteArrayInputStream(bytes)));
        return importTables(file, sources, actor, zone, new ImportProgress());
    }

    /** The tables by file name, each opened as often as the import reads it. */
    public ImportReport importTables(String file, Map<String, HsdsRecordReader.Source> files, String actor,
            ZoneId zone, ImportProgress progress) {
        List<String> older = OLDER_TABLES.keySet().stream().filter(files::containsKey).sorted().toList();
        if (!older.isEmpty()) {
            return ImportReport.fileProblem(file, olderVersion(older));
        }
        if (!files.containsKey("services.csv")) {
            return ImportReport.fileProblem(file, "There is no services.csv in the package.");
        }
        try (CsvRowStore store = new CsvRowStore()) {
            Map<String, List<Map<String, String>>> taxonomy = new HashMap<>();
            List<String> problems = new ArrayList<>();
            // datapackage.json, a README: a package may hold more than the tables read
            for (String name : new TreeMap<>(files).keySet().stream().filter(TABLES::containsKey).toList()) {
                try {
                    keep(name, files.get(name), store, taxonomy);
                }
                catch (CsvTable.Unreadable e) {
                    problems.add(e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                // every table's problem at once, so a curator fixes the package in one pass
                return new ImportReport(file, List.of(), problems);
            }
            Map<String, Map<String, String>> terms = byId(taxonomy.get("taxonomy_terms.csv"));
            Map<String, Map<String, String>> taxonomies = byId(taxonomy.get("taxonomies.csv"));
            return importer.importServices(file, terms(taxonomy.getOrDefault("taxonomy_terms.csv", List.of()),
                    taxonomies), visit -> {
                        try {
                            CsvTable.read("services.csv", files.get("services.csv"), header -> {
                            }, row -> {
                                Map<String, String> origins = new HashMap<>();
                                ObjectNode service = service(row, store, terms, taxonomies, origins);
                                visit.accept(service, located(origins));
                            });
                            return null;
                        }
                        catch (CsvTable.Unreadable e) {
                            return e.getMessage();
                        }
                    }, actor, zone, progress);
        }
    }

    /**
     * Checks a table's header and keeps its rows: the taxonomy's in memory (a taxonomy is small and read
     * whole), those joined into services on disk; services.csv is read again as the services are imported.
     */
    private static void keep(String name, HsdsRecordReader.Source source, CsvRowStore store,
            Map<String, List<Map<String, String>>> taxonomy) {
        List<Map<String, String>> rows = new ArrayList<>();
        CsvTable.read(name, source, header -> checkHeader(name, header), row -> {
            if (JOINED.containsKey(name)) {
                store.add(name, JOINED.get(name), row);
            }
            else if (!"services.csv".equals(name)) {
                rows.add(row.values());
            }
        });
        if (!JOINED.containsKey(name)) {
            taxonomy.put(name, rows);
        }
    }

    private static void checkHeader(String name, List<String> header) {
        Optional<HsdsKind> kind = "services.csv".equals(name) ? HsdsKind.ofFields(header) : Optional.empty();
        if (kind.isPresent()) {
            throw new CsvTable.Unreadable("services.csv: " + kind.get().notServices());
        }
        String missing = CsvTable.missingColumns(name, header, TABLES.get(name));
        if (missing != null) {
            throw new CsvTable.Unreadable(missing);
        }
    }

    private static String olderVersion(List<String> older) {
        return "This looks like HSDS 1.x or 2.0 data, and the directory reads HSDS 3.0. What differs: "
                + older.stream().map(table -> table + " became " + OLDER_TABLES.get(table))
                    .collect(Collectors.joining("; "))
                + ". Export it again as HSDS 3.0, or move those tables' rows as listed.";
    }

    /** Rows of a whole table as column → value, after checking its header; throws what is wrong, naming it. */
    static List<Map<String, String>> rows(String name, String csv) {
        List<Map<String, String>> rows = new ArrayList<>();
        try {
            CsvTable.read(name, () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                    header -> checkHeader(name, header), row -> rows.add(row.values()));
        }
        catch (CsvTable.Unreadable e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return rows;
    }

    /** Where each part of a joined service came from: the longest pointer known, its table and line. */
    private static RecordLocation located(Map<String, String> origins) {
        return (pointer, field) -> {
            String known = pointer;
            while (!origins.containsKey(known)) {
                known = known.substring(0, known.lastIndexOf('/'));
            }
            String rest = pointer.substring(known.length());
            String column = rest.isEmpty() ? field : rest.substring(1) + (field == null ? "" : "/" + field);
            return origins.get(known) + (column == null ? "" : ", " + column);
        };
    }

    private static String origin(String table, CsvTable.Row row) {
        return table + " line " + row.line();
    }

    /** Every term of the package's taxonomy_terms.csv, parents first, each with its taxonomy nested. */
    private static List<JsonNode> terms(List<Map<String, String>> rows, Map<String, Map<String, String>> taxonomies) {
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

    /** One services.csv row as the nested service HSDS JSON carries, its parts found in the store. */
    private static ObjectNode service(CsvTable.Row row, CsvRowStore store, Map<String, Map<String, String>> terms,
            Map<String, Map<String, String>> taxonomies, Map<String, String> origins) {
        ObjectNode s = object(row.values(), Set.of("minimum_age", "maximum_age"));
        origins.put("", origin("services.csv", row));
        String id = row.values().get("id");
        CsvTable.Row organization = store.row("organizations.csv", "id", row.values().get("organization_id"));
        if (organization != null) {
            s.set("organization", object(organization.values(), Set.of("year_incorporated")));
            origins.put("/organization", origin("organizations.csv", organization));
        }
        for (String item : PLACE_ITEMS) {
            s.set(item, array(store.rows(item + ".csv", "service_id", id), item, PLACE_ITEM_NUMBERS, "", origins));
        }
        s.set("service_areas", array(store.rows("service_areas.csv", "service_id", id), "service_areas", Set.of(), "",
                origins));
        s.set("cost_options", array(store.rows("cost_options.csv", "service_id", id), "cost_options",
                Set.of("amount"), "", origins));
        s.set("service_at_locations", atLocations(store.rows("service_at_location.csv", "service_id", id), store,
                origins));
        s.set("attributes", attributes(store.rows("attributes.csv", "link_id", id), terms, taxonomies, origins));
        // last, so the publisher's own lists take the place of what the tables rebuilt
        return ExportColumns.readBack(s);
    }

    /**
     * A service's service_at_location rows, each with its location and that location's addresses nested,
     * and the phones, schedules and languages given on either, as nested HSDS JSON carries them.
     */
    private static ArrayNode atLocations(List<CsvTable.Row> sals, CsvRowStore store, Map<String, String> origins) {
        ArrayNode atLocations = NODES.arrayNode();
        for (CsvTable.Row sal : sals) {
            String at = "/service_at_locations/" + atLocations.size();
            origins.put(at, origin("service_at_location.csv", sal));
            ObjectNode node = object(sal.values(), Set.of());
            placeItems(node, store, "service_at_location_id", sal.values().get("id"), at, origins);
            CsvTable.Row location = store.row("locations.csv", "id", sal.values().get("location_id"));
            if (location != null) {
                String locationId = location.values().get("id");
                origins.put(at + "/location", origin("locations.csv", location));
                ObjectNode l = object(location.values(), Set.of("latitude", "longitude"));
                l.set("addresses", array(store.rows("addresses.csv", "location_id", locationId), "addresses",
                        Set.of(), at + "/location", origins));
                l.set("accessibility", array(store.rows("accessibility.csv", "location_id", locationId),
                        "accessibility", Set.of(), at + "/location", origins));
                placeItems(l, store, "location_id", locationId, at + "/location", origins);
                node.set("location", l);
            }
            atLocations.add(node);
        }
        return atLocations;
    }

    private static void placeItems(ObjectNode node, CsvRowStore store, String column, String id, String at,
            Map<String, String> origins) {
        for (String item : PLACE_ITEMS) {
            List<CsvTable.Row> rows = store.rows(item + ".csv", column, id);
            if (!rows.isEmpty()) {
                node.set(item, array(rows, item, PLACE_ITEM_NUMBERS, at, origins));
            }
        }
    }

    /** A service's attribute rows, each with its taxonomy term (and the term's taxonomy) nested. */
    private static ArrayNode attributes(List<CsvTable.Row> rows, Map<String, Map<String, String>> terms,
            Map<String, Map<String, String>> taxonomies, Map<String, String> origins) {
        ArrayNode links = NODES.arrayNode();
        for (CsvTable.Row attribute : rows) {
            origins.put("/attributes/" + links.size(), origin("attributes.csv", attribute));
            ObjectNode a = object(attribute.values(), Set.of());
            Map<String, String> term = terms.get(attribute.values().get("taxonomy_term_id"));
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

    /** Rows as a JSON array at {@code at + "/" + field}, each row's table and line noted in {@code origins}. */
    private static ArrayNode array(List<CsvTable.Row> rows, String field, Set<String> numeric, String at,
            Map<String, String> origins) {
        ArrayNode array = NODES.arrayNode();
        for (CsvTable.Row row : rows) {
            origins.put(at + "/" + field + "/" + array.size(), origin(field + ".csv", row));
            array.add(object(row.values(), numeric));
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
