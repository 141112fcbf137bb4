package org.counterspace.directory.hsds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.Taxonomy;
import org.counterspace.directory.TaxonomyTerm;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports the whole directory as HSDS 3: a JSON array of fully nested services, or the tabular
 * form as a zip of CSV files with a datapackage.json. Services are read in batches; JSON streams
 * straight out, while the CSV tables are assembled in memory before zipping.
 */
@Service
public class HsdsExporter {

    static final int BATCH = 200;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Columns of each CSV, in the order of the HSDS datapackage. */
    static final Map<String, List<String>> CSV_COLUMNS = new LinkedHashMap<>();

    static {
        CSV_COLUMNS.put("services.csv", List.of("id", "organization_id", "name", "alternate_name", "description", "url",
                "email", "status", "interpretation_services", "application_process", "fees_description",
                "eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email",
                "last_modified"));
        CSV_COLUMNS.put("organizations.csv", List.of("id", "name", "alternate_name", "description", "email", "website"));
        CSV_COLUMNS.put("phones.csv", List.of("id", "service_id", "number", "type", "description"));
        CSV_COLUMNS.put("schedules.csv", List.of("id", "service_id", "freq", "wkst", "byday", "opens_at", "closes_at",
                "description"));
        CSV_COLUMNS.put("languages.csv", List.of("id", "service_id", "name", "code", "note"));
        CSV_COLUMNS.put("service_areas.csv", List.of("id", "service_id", "name"));
        CSV_COLUMNS.put("locations.csv", List.of("id", "location_type", "organization_id", "name", "description",
                "latitude", "longitude"));
        CSV_COLUMNS.put("addresses.csv", List.of("id", "location_id", "address_1", "address_2", "city", "region",
                "state_province", "postal_code", "country", "address_type"));
        CSV_COLUMNS.put("service_at_location.csv", List.of("id", "service_id", "location_id", "description"));
        CSV_COLUMNS.put("taxonomies.csv", List.of("id", "name", "description", "uri", "version"));
        CSV_COLUMNS.put("taxonomy_terms.csv", List.of("id", "code", "name", "description", "parent_id", "taxonomy",
                "taxonomy_id", "term_uri"));
        CSV_COLUMNS.put("attributes.csv", List.of("id", "link_id", "taxonomy_term_id", "link_type", "link_entity"));
        CSV_COLUMNS.put("accessibility.csv", List.of("id", "location_id", "description"));
    }

    /**
     * Our own fields, as {@code x_counterspace_…} columns of services.csv, so the tabular export loses
     * nothing the JSON one keeps. Lists are written as JSON arrays.
     */
    static final List<String> EXTENSION_FIELDS = List.of("national", "demo", "source", "cost", "channels",
            "age_group", "country", "region", "time_zone", "accessibility", "assured_by", "hsds");

    /** The column holding, as a JSON object, the publisher's fields the tables have no column for. */
    static final String PUBLISHER_FIELDS_COLUMN = "x_counterspace_hsds";

    static final String EXTENSION_COLUMN_PREFIX = HsdsMapper.EXTENSION + "_";

    /** The official HSDS 3 data package, whose field descriptions the export's datapackage.json reuses. */
    static final String OFFICIAL_DATAPACKAGE = "directory/hsds-datapackage.json";

    @PersistenceContext
    private EntityManager em;

    private final HsdsMapper mapper;

    HsdsExporter(HsdsMapper mapper) {
        this.mapper = mapper;
    }

    @Transactional(readOnly = true)
    public void exportJson(OutputStream out) {
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartArray();
            eachService(service -> JSON.writeValue(generator, mapper.exportedService(service)));
            generator.writeEndArray();
        }
    }

    @Transactional(readOnly = true)
    public void exportCsv(OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            Map<String, List<String>> columns = tableColumns();
            Map<String, CsvTable> tables = new LinkedHashMap<>();
            columns.forEach((name, names) -> tables.put(name, new CsvTable(names)));
            Set<UUID> organizations = new HashSet<>();
            Set<UUID> locations = new HashSet<>();
            eachService(service -> {
                Map<String, Object> s = mapper.exportedService(service);
                tables.get("services.csv").add(withExtensionColumns(s, service.getHsdsExtras()));
                Object organization = s.get("organization");
                if (organization instanceof Map<?, ?> o && organizations.add(service.getOrganization().getId())) {
                    tables.get("organizations.csv").add(o);
                }
                rows(s, "phones").forEach(tables.get("phones.csv")::add);
                rows(s, "schedules").forEach(tables.get("schedules.csv")::add);
                rows(s, "languages").forEach(tables.get("languages.csv")::add);
                rows(s, "service_areas").forEach(tables.get("service_areas.csv")::add);
                for (Map<?, ?> sal : rows(s, "service_at_locations")) {
                    tables.get("service_at_location.csv").add(sal);
                    Map<?, ?> location = (Map<?, ?>) sal.get("location");
                    if (locations.add(UUID.fromString((String) location.get("id")))) {
                        tables.get("locations.csv").add(location);
                        rows(location, "addresses").forEach(tables.get("addresses.csv")::add);
                        rows(location, "accessibility").forEach(tables.get("accessibility.csv")::add);
                    }
                }
                rows(s, "attributes").forEach(tables.get("attributes.csv")::add);
            });
            em.createQuery("select t from Taxonomy t", Taxonomy.class).getResultStream()
                .forEach(t -> tables.get("taxonomies.csv").add(mapper.taxonomy(t)));
            TermTree.parentsFirst(em.createQuery("select t from TaxonomyTerm t order by t.id", TaxonomyTerm.class)
                .getResultList(), TaxonomyTerm::getId, TaxonomyTerm::getParentId)
                .forEach(t -> tables.get("taxonomy_terms.csv").add(mapper.taxonomyTerm(t)));
            for (Map.Entry<String, CsvTable> table : tables.entrySet()) {
                zip.putNextEntry(new ZipEntry(table.getKey()));
                zip.write(table.getValue().toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("datapackage.json"));
            zip.write(JSON.writeValueAsBytes(dataPackage(columns)));
            zip.closeEntry();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, List<String>> tableColumns() {
        Map<String, List<String>> columns = new LinkedHashMap<>(CSV_COLUMNS);
        List<String> services = new ArrayList<>(CSV_COLUMNS.get("services.csv"));
        EXTENSION_FIELDS.forEach(field -> services.add(EXTENSION_COLUMN_PREFIX + field));
        columns.put("services.csv", services);
        return columns;
    }

    /** The service's row, with each of our own fields in its own column, and the publisher's in one. */
    private static Map<String, Object> withExtensionColumns(Map<String, Object> service, String publisherFields) {
        Map<String, Object> row = new LinkedHashMap<>(service);
        row.put(PUBLISHER_FIELDS_COLUMN, publisherFields);
        if (service.get(HsdsMapper.EXTENSION) instanceof Map<?, ?> extension) {
            extension.forEach((field, value) -> row.put(EXTENSION_COLUMN_PREFIX + field,
                    value instanceof List<?> list ? JSON.writeValueAsString(list) : value));
        }
        return row;
    }

    /**
     * A Tabular Data Package descriptor for the export: each table with the official description of
     * its fields (in the export's column order), and ours described as Counterspace extensions.
     */
    private static Map<String, Object> dataPackage(Map<String, List<String>> columns) {
        JsonNode official = officialDataPackage();
        List<Map<String, Object>> resources = new ArrayList<>();
        columns.forEach((file, names) -> {
            JsonNode resource = official.path("resources").valueStream()
                .filter(r -> file.equals(r.path("path").asString())).findFirst().orElse(null);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", file.substring(0, file.length() - ".csv".length()));
            r.put("path", file);
            r.put("format", "csv");
            r.put("mediatype", "text/csv");
            r.put("profile", "tabular-data-resource");
            List<Object> fields = new ArrayList<>();
            for (String name : names) {
                JsonNode field = resource == null ? null : resource.path("schema").path("fields").valueStream()
                    .filter(f -> name.equals(f.path("name").asString())).findFirst().orElse(null);
                fields.add(field != null ? field : Map.of("name", name, "type", "string", "description",
                        name.startsWith(EXTENSION_COLUMN_PREFIX)
                                ? "Counterspace's own field " + name.substring(EXTENSION_COLUMN_PREFIX.length())
                                        + " (see docs/directory.md); lists are JSON arrays."
                                : name));
            }
            r.put("schema", Map.of("primaryKey", "id", "fields", fields));
            resources.add(r);
        });
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("name", "counterspace-directory");
        descriptor.put("title", "Counterspace directory export");
        descriptor.put("profile", "tabular-data-package");
        descriptor.put("version", official.path("version").asString("3.0"));
        descriptor.put("resources", resources);
        return descriptor;
    }

    private static JsonNode officialDataPackage() {
        try (InputStream in = new ClassPathResource(OFFICIAL_DATAPACKAGE).getInputStream()) {
            return JSON.readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> rows(Map<?, ?> object, String key) {
        Object value = object.get(key);
        return value instanceof List<?> list ? (List<Map<?, ?>>) list : List.of();
    }

    /** Visits every service, ordered by id, a batch at a time with the persistence context cleared between. */
    private void eachService(Consumer<SupportService> visit) {
        UUID after = null;
        while (true) {
            List<SupportService> batch = (after == null
                    ? em.createQuery("select s from SupportService s order by s.id", SupportService.class)
                    : em.createQuery("select s from SupportService s where s.id > :after order by s.id",
                            SupportService.class).setParameter("after", after))
                .setMaxResults(BATCH).getResultList();
            if (batch.isEmpty()) {
                return;
            }
            batch.forEach(visit);
            after = batch.get(batch.size() - 1).getId();
            em.clear();
        }
    }

    /** One CSV file being written. */
    private static final class CsvTable {

        private final List<String> columns;

        private final StringBuilder text = new StringBuilder();

        private final CSVPrinter printer;

        CsvTable(List<String> columns) {
            this.columns = columns;
            try {
                this.printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new))
                    .get());
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(Map<?, ?> row) {
            try {
                printer.printRecord(columns.stream().map(c -> row.get(c) == null ? "" : String.valueOf(row.get(c))));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
