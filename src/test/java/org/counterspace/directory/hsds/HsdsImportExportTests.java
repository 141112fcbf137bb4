package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.counterspace.directory.DirectoryGenerator;
import org.counterspace.directory.search.DirectorySearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HSDS import (JSON and the CSV datapackage, official examples included) and export that validates.
 * Its imports add services and taxonomies that other classes do not expect, so it has a database of its own.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:hsds-import-export;DB_CLOSE_DELAY=-1")
class HsdsImportExportTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String[] CSV_FILES = { "services.csv", "organizations.csv", "phones.csv", "schedules.csv",
            "languages.csv", "locations.csv", "addresses.csv", "service_at_location.csv", "service_areas.csv",
            "taxonomies.csv", "taxonomy_terms.csv", "attributes.csv" };

    @Autowired
    HsdsImporter importer;

    @Autowired
    HsdsCsvImporter csvImporter;

    @Autowired
    HsdsExporter exporter;

    @Autowired
    DirectorySearch search;

    @Autowired
    JdbcTemplate jdbc;

    static byte[] resource(String path) throws IOException {
        try (InputStream in = HsdsImportExportTests.class.getResourceAsStream("/hsds/" + path)) {
            return in.readAllBytes();
        }
    }

    long services() {
        return jdbc.queryForObject("select count(*) from dir_service", Long.class);
    }

    @Test
    void theOfficialJsonExampleImportsWithWarningsForItsDanglingReferences() throws Exception {
        ImportReport report = importer.importJson("service_full.json", resource("examples/service_full.json"), "test");
        assertThat(report.accepted()).as(report.toString()).isTrue();
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.withWarnings()).singleElement()
            .satisfies(e -> assertThat(String.join(" ", e.messages())).contains("parent_organization_id"));
        UUID id = UUID.fromString("ac148810-d857-441c-9679-408f346de14b");
        assertThat(jdbc.queryForObject("select name from dir_service where id = ?", String.class, id))
            .isEqualTo("Community Counselling");
        assertThat(jdbc.queryForObject("select count(*) from dir_phone where service_id = ?", Long.class, id)).isOne();
        assertThat(search.matchingIds("community counselling", 5)).contains(id);
        // importing again replaces, it does not duplicate
        assertThat(importer.importJson("again.json", resource("examples/service_full.json"), "test").accepted()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from dir_phone where service_id = ?", Long.class, id)).isOne();
    }

    @Test
    void theOfficialCsvDatapackageImports() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String name : CSV_FILES) {
                out.putNextEntry(new ZipEntry("csv/" + name));
                out.write(resource("examples/csv/" + name));
                out.closeEntry();
            }
        }
        ImportReport report = csvImporter.importZip("csv.zip", zip.toByteArray(), "test");
        assertThat(report.accepted()).as(report.toString()).isTrue();
        assertThat(report.imported()).isEqualTo(1);
        UUID serviceId = UUID.fromString(jdbc.queryForObject("select id from dir_service where name = 'Community Counselling'",
                String.class));
        assertThat(jdbc.queryForObject("select count(*) from dir_schedule where service_id = ?", Long.class, serviceId))
            .isPositive();
    }

    @Test
    void aBadRecordRejectsTheWholeFileWithAReportPerRecord() {
        long before = services();
        String file = """
                [ {"id": "%s", "name": "Good one", "status": "active"},
                  {"id": "not-a-uuid", "name": "Bad id", "status": "active"},
                  {"id": "%s", "status": "closed-ish"} ]
                """.formatted(UUID.randomUUID(), UUID.randomUUID());
        ImportReport report = importer.importJson("mixed.json", file.getBytes(StandardCharsets.UTF_8), "test");
        assertThat(report.accepted()).isFalse();
        assertThat(report.imported()).isZero();
        assertThat(report.rejected()).extracting(ImportReport.Entry::position).containsExactly(2, 3);
        assertThat(report.rejected().get(0).messages()).singleElement().asString().contains("not a UUID");
        // each problem says where it is: the record's JSON pointer in the file, and the field
        assertThat(report.rejected().get(0).messages()).containsExactly("mixed.json /1/id: The id is not a UUID: "
                + "not-a-uuid");
        assertThat(report.rejected().get(1).messages()).containsExactly("mixed.json /2/name: Missing name.",
                "mixed.json /2/status: Unknown status: closed-ish");
        assertThat(services()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from dir_service where name = 'Good one'", Long.class)).isZero();
    }

    @Test
    void duplicateIdsInvalidJsonAndBrokenUtf8AreRefused() {
        String id = UUID.randomUUID().toString();
        String twice = "[{\"id\":\"" + id + "\",\"name\":\"A\",\"status\":\"active\"},{\"id\":\"" + id
                + "\",\"name\":\"B\",\"status\":\"active\"}]";
        ImportReport duplicate = importer.importJson("twice.json", twice.getBytes(StandardCharsets.UTF_8), "test");
        assertThat(duplicate.accepted()).isFalse();
        assertThat(duplicate.rejected()).singleElement()
            .satisfies(e -> assertThat(e.messages()).contains("twice.json /1/id: The id appears more than once in this file."));
        assertThat(importer.importJson("broken.json", "[{\"id\": ".getBytes(StandardCharsets.UTF_8), "test")
            .fileProblems()).singleElement().asString().contains("not valid JSON");
        assertThat(importer.importJson("latin1.json", new byte[] { '[', '"', (byte) 0xC3, (byte) 0x28, '"', ']' }, "test")
            .fileProblems()).containsExactly("The file is not valid UTF-8 text.");
        assertThat(importer.importJson("empty.json", "[]".getBytes(StandardCharsets.UTF_8), "test").accepted()).isFalse();
    }

    @Test
    void wrongCsvHeadersAreRefused() {
        ImportReport report = csvImporter.importTables("bad.zip",
                Map.of("services.csv", "identifier,title\n1,x\n".getBytes(StandardCharsets.UTF_8)), "test");
        assertThat(report.fileProblems()).singleElement().asString()
            .isEqualTo("services.csv lacks the column(s) id, name, status.");
        assertThat(csvImporter.importZip("notzip.zip", "hello".getBytes(StandardCharsets.UTF_8), "test").accepted())
            .isFalse();
    }

    @Test
    void everyExportedServiceValidatesAndTheExportRoundTrips() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.exportJson(out);
        JsonNode all = JSON.readTree(out.toByteArray());
        assertThat(all.isArray()).isTrue();
        assertThat((long) all.size()).isEqualTo(services());
        for (JsonNode service : all) {
            assertThat(HsdsSchemas.errors("compiled/service", service)).as(service.get("name").asString()).isEmpty();
        }
        long before = services();
        ImportReport again = importer.importJson("export.json", out.toByteArray(), "test");
        assertThat(again.accepted()).as(again.rejected().toString()).isTrue();
        assertThat(services()).isEqualTo(before);
    }

    @Test
    void theCsvExportHasEveryTableAndImportsBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.exportCsv(out);
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(files.keySet()).containsAll(HsdsExporter.CSV_COLUMNS.keySet());
        assertThat(new String(files.get("services.csv"), StandardCharsets.UTF_8)).startsWith("id,organization_id,name");
        long before = services();
        ImportReport again = csvImporter.importZip("export.zip", out.toByteArray(), "test");
        assertThat(again.accepted()).as(again.rejected().toString()).isTrue();
        assertThat(services()).isEqualTo(before);
    }

    @Test
    void theCsvExportIsLosslessAndDescribesItselfInADataPackage() throws Exception {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        exporter.exportJson(json);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exporter.exportCsv(zip);
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        JsonNode dataPackage = JSON.readTree(files.get("datapackage.json"));
        assertThat(dataPackage.get("profile").asString()).isEqualTo("tabular-data-package");
        for (JsonNode resource : dataPackage.get("resources")) {
            String header = new String(files.get(resource.get("path").asString()), StandardCharsets.UTF_8).lines()
                .findFirst().orElseThrow();
            assertThat(String.join(",", resource.at("/schema/fields").findValuesAsString("name")))
                .as(resource.get("path").asString()).isEqualTo(header);
        }
        assertThat(dataPackage.at("/resources/0/schema/fields/0/description").asString()).isNotBlank();
        assertThat(new String(files.get("services.csv"), StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
            .contains("x_counterspace_national", "x_counterspace_channels", "x_counterspace_time_zone");

        long terms = jdbc.queryForObject("select count(*) from dir_taxonomy_term", Long.class);
        long withParents = jdbc.queryForObject("select count(*) from dir_taxonomy_term where parent_id is not null",
                Long.class);
        jdbc.update("update dir_service set is_national = not is_national, channels = '', region = 'moved'");
        ImportReport again = csvImporter.importZip("export.zip", zip.toByteArray(), "test");
        assertThat(again.accepted()).as(again.rejected().toString()).isTrue();
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        exporter.exportJson(after);
        assertThat(differences(withoutModified(JSON.readTree(json.toByteArray())),
                withoutModified(JSON.readTree(after.toByteArray())), ""))
            .as("every service, field by field, after a round trip through the CSV tables").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from dir_taxonomy_term", Long.class)).isEqualTo(terms);
        assertThat(jdbc.queryForObject("select count(*) from dir_taxonomy_term where parent_id is not null",
                Long.class)).isEqualTo(withParents);
    }

    /** Where two JSON trees differ, by path, at most a few. */
    static List<String> differences(JsonNode before, JsonNode after, String path) {
        List<String> found = new ArrayList<>();
        if (before.isContainer() && after.isContainer() && before.size() == after.size()
                && before.isArray() == after.isArray()) {
            if (before.isArray()) {
                for (int i = 0; i < before.size() && found.size() < 5; i++) {
                    found.addAll(differences(before.get(i), after.get(i), path + "/" + i));
                }
            }
            else {
                for (String name : before.propertyNames()) {
                    if (found.size() < 5) {
                        found.addAll(differences(before.path(name), after.path(name), path + "/" + name));
                    }
                }
            }
        }
        else if (!before.equals(after)) {
            found.add(path + ": " + before + " became " + after);
        }
        return found;
    }

    /** The export with each last_modified taken out: an import stamps the time it ran. */
    static JsonNode withoutModified(JsonNode export) {
        for (JsonNode parent : export.findParents("last_modified")) {
            ((tools.jackson.databind.node.ObjectNode) parent).remove("last_modified");
        }
        return export;
    }

    @Test
    void generatedBenchmarkServicesImportAndValidate() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("generated", ".json");
        DirectoryGenerator.main(new String[] { "30", file.toString() });
        byte[] content = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.delete(file);
        for (JsonNode service : JSON.readTree(content)) {
            assertThat(HsdsSchemas.errors("compiled/service", service)).isEmpty();
        }
        long before = services();
        ImportReport report = importer.importJson("generated.json", content, "test");
        assertThat(report.accepted()).as(report.rejected().toString()).isTrue();
        assertThat(services()).isEqualTo(before + 30);
    }
}
