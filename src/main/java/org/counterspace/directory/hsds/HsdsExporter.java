package org.counterspace.directory.hsds;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports the whole directory as HSDS 3: a JSON array of fully nested services, or the tabular
 * form as a zip of CSV files. Services are read in batches; JSON streams straight out, while the CSV
 * tables are assembled in memory before zipping.
 */
@Service
public class HsdsExporter {

    static final int BATCH = 200;

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
    }

    @PersistenceContext
    private EntityManager em;

    private final HsdsMapper mapper;

    HsdsExporter(HsdsMapper mapper) {
        this.mapper = mapper;
    }

    @Transactional(readOnly = true)
    public void exportJson(OutputStream out) {
        JsonMapper json = JsonMapper.builder().build();
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartArray();
            eachService(service -> json.writeValue(generator, mapper.exportedService(service)));
            generator.writeEndArray();
        }
    }

    @Transactional(readOnly = true)
    public void exportCsv(OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            Map<String, CsvTable> tables = new LinkedHashMap<>();
            CSV_COLUMNS.forEach((name, columns) -> tables.put(name, new CsvTable(columns)));
            java.util.Set<UUID> organizations = new java.util.HashSet<>();
            java.util.Set<UUID> locations = new java.util.HashSet<>();
            eachService(service -> {
                Map<String, Object> s = mapper.exportedService(service);
                tables.get("services.csv").add(s);
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
                    }
                }
                rows(s, "attributes").forEach(tables.get("attributes.csv")::add);
            });
            em.createQuery("select t from Taxonomy t", Taxonomy.class).getResultStream()
                .forEach(t -> tables.get("taxonomies.csv").add(mapper.taxonomy(t)));
            em.createQuery("select t from TaxonomyTerm t", TaxonomyTerm.class).getResultStream()
                .forEach(t -> tables.get("taxonomy_terms.csv").add(mapper.taxonomyTerm(t)));
            for (Map.Entry<String, CsvTable> table : tables.entrySet()) {
                zip.putNextEntry(new ZipEntry(table.getKey()));
                zip.write(table.getValue().toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
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
