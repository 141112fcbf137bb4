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

/**
 * Imports the HSDS tabular form (a Tabular Data Package: one CSV per object, as in the official
 * examples/csv folder) by joining the tables into nested service objects ({@link CsvServiceJoin}) and
 * handing them to the JSON importer, so both forms follow the same rules and the same all-or-nothing
 * report. The tables are read row by row and kept on disk ({@link CsvRowStore}); services are joined
 * one at a time, so a package of any size imports within bounded memory. Each part of a service is
 * reported by its table and line.
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

    private final HsdsImporter importer;

    private final ZipTables zipTables;

    private final TimeZones timeZones;

    private final ImportFolder tempFolder;

    HsdsCsvImporter(HsdsImporter importer, ImportLimits limits, TimeZones timeZones, ImportFolder tempFolder) {
        this.importer = importer;
        this.zipTables = new ZipTables(limits, tempFolder.path());
        this.timeZones = timeZones;
        this.tempFolder = tempFolder;
    }

    /** A zip holding the package's CSV files (at its root or in one folder); hours in the directory's zone. */
    public ImportReport importZip(String file, byte[] zip, String actor) {
        return importZip(file, zip, actor, timeZones.directoryZone());
    }

    public ImportReport importZip(String file, byte[] zip, String actor, ZoneId zone) {
        try {
            Path copy = Files.createTempFile(tempFolder.path(), "counterspace-hsds", ".zip");
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
        try (CsvRowStore store = new CsvRowStore(tempFolder.path())) {
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
            CsvServiceJoin join = new CsvServiceJoin(store, taxonomy);
            return importer.importServices(file, join.terms(), visit -> {
                try {
                    CsvTable.read("services.csv", files.get("services.csv"), header -> {
                    }, row -> join.join(row, visit));
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
            if (CsvServiceJoin.JOINED.containsKey(name)) {
                store.add(name, CsvServiceJoin.JOINED.get(name), row);
            }
            else if (!"services.csv".equals(name)) {
                rows.add(row.values());
            }
        });
        if (!CsvServiceJoin.JOINED.containsKey(name)) {
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

}
