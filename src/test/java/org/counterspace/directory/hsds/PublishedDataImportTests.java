package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Data as 211s publish it: phones, hours and languages on the location rather than the service,
 * CSV tables with only the columns HSDS requires and Windows-damaged line ends, and web addresses
 * that are not web addresses, locations that moved, and packages from older versions of HSDS. Its
 * imports add services other classes do not expect, so it has a database of its own.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:published-data;DB_CLOSE_DELAY=-1")
class PublishedDataImportTests {

    @Autowired
    HsdsImporter importer;

    @Autowired
    HsdsCsvImporter csvImporter;

    @Autowired
    HsdsExporter exporter;

    @Autowired
    JdbcTemplate jdbc;

    static final JsonMapper JSON = JsonMapper.builder().build();

    static String id(String name) {
        return UUID.nameUUIDFromBytes(("place-items:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A service at one location; {@code own} and {@code onLocation} are JSON object lists or "". */
    static String service(String name, String location, String own, String onLocation) {
        return """
                {"id": "%s", "name": "%s", "status": "active", "phones": [%s],
                 "service_at_locations": [{"id": "%s", "location": {"id": "%s", "location_type": "physical",
                   "name": "Quillfeather Hall", "phones": [%s],
                   "schedules": [{"id": "%s", "byday": "MO,TU,WE,TH,FR", "opens_at": "09:00", "closes_at": "17:00"}],
                   "languages": [{"id": "%s", "name": "Spanish", "code": "es"}]}}]}
                """.formatted(id(name), name, own, id(name + ":sal"), id(location), onLocation,
                id(location + ":schedule"), id(location + ":language"));
    }

    static String phone(String key, String number) {
        return "{\"id\": \"%s\", \"number\": \"%s\"}".formatted(id(key), number);
    }

    long count(String table, String name) {
        return jdbc.queryForObject("select count(*) from " + table + " t join dir_service s on s.id = t.service_id "
                + "where s.name = ?", Long.class, name);
    }

    ImportReport importJson(String json) {
        return importer.importJson("place-items.json", json.getBytes(StandardCharsets.UTF_8), "test");
    }

    @Test
    void aServiceAtOnePlaceWithNoPhonesOfItsOwnTakesThePlacesPhonesHoursAndLanguages() {
        String name = "Quillfeather Pantry";
        ImportReport report = importJson("[" + service(name, "hall-a", "", phone("hall-a:phone", "555-0100")) + "]");
        assertThat(report.accepted()).isTrue();
        assertThat(count("dir_phone", name)).isEqualTo(1);
        assertThat(count("dir_schedule", name)).isEqualTo(1);
        assertThat(count("dir_language", name)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select p.number from dir_phone p join dir_service s on s.id = p.service_id "
                + "where s.name = ?", String.class, name)).isEqualTo("555-0100");

        assertThat(importJson("[" + service(name, "hall-a", "", phone("hall-a:phone", "555-0100")) + "]").accepted())
            .isTrue();
        assertThat(count("dir_phone", name)).as("a re-import updates, never adds").isEqualTo(1);
    }

    @Test
    void twoServicesSharingAPlaceEachGetItsPhone() {
        String location = phone("hall-b:phone", "555-0101");
        ImportReport report = importJson("[" + service("Quillfeather Legal Clinic", "hall-b", "", location) + ","
                + service("Quillfeather Tenants Advice", "hall-b", "", location) + "]");
        assertThat(report.accepted()).isTrue();
        assertThat(count("dir_phone", "Quillfeather Legal Clinic")).isEqualTo(1);
        assertThat(count("dir_phone", "Quillfeather Tenants Advice")).isEqualTo(1);
    }

    @Test
    void placeItemsNextToTheServicesOwnAreReportedAsNotKept() {
        String name = "Quillfeather Youth Line";
        ImportReport report = importJson("[" + service(name, "hall-c", phone(name + ":own", "555-0102"),
                phone("hall-c:phone", "555-0103")) + "]");
        assertThat(report.accepted()).isTrue();
        assertThat(count("dir_phone", name)).isEqualTo(1);
        assertThat(report.entries()).singleElement().satisfies(entry -> assertThat(entry.messages())
            .contains("1 phones given on locations were not kept: the service gives its own, or is offered at more "
                    + "than one place."));
    }

    @Test
    void onlyHttpAndHttpsAddressesAreKept() {
        String unsafe = service("Quillfeather Scripted", "hall-d", "", "").replaceFirst("\"status\"",
                "\"url\": \"javascript:alert(1)\", \"status\"");
        String safe = service("Quillfeather Linked", "hall-e", "", "").replaceFirst("\"status\"",
                "\"url\": \"https://quillfeather.example/help\", \"status\"");
        ImportReport report = importJson("[" + unsafe + "," + safe + "]");
        assertThat(report.accepted()).isTrue();
        assertThat(jdbc.queryForList("select url from dir_service where name like 'Quillfeather %ed' order by name",
                String.class)).containsExactly("https://quillfeather.example/help", null);
        assertThat(report.entries()).filteredOn(entry -> entry.name().equals("Quillfeather Scripted")).singleElement()
            .satisfies(entry -> assertThat(entry.messages())
                .anyMatch(m -> m.startsWith("url \"javascript:alert(1)\" is not an http or https web address")));
        assertThat(report.entries()).filteredOn(entry -> entry.name().equals("Quillfeather Linked")).singleElement()
            .satisfies(entry -> assertThat(entry.messages()).noneMatch(m -> m.startsWith("url")));
    }

    @Test
    void csvWithOnlyTheColumnsHsdsRequiresBrokenLineEndsAndStrayCellsImports() {
        String service = id("csv-service");
        String location = id("csv-location");
        Map<String, String> tables = new LinkedHashMap<>();
        // a spreadsheet's note in a cell past the header's columns is no row
        tables.put("services.csv", "id,name,status\r\r\n" + service + ",Quillfeather Food Shelf,active\r\r\n\r\n"
                + ",,,checked by hand\r\n");
        tables.put("locations.csv", "id,location_type,name\n" + location + ",physical,Quillfeather Barn\n\n");
        tables.put("service_at_location.csv", "id,service_id,location_id\n" + id("csv-sal") + "," + service + ","
                + location + "\n");
        // location-level phone; languages without a code column: both as HSDS allows
        tables.put("phones.csv", "id,location_id,number\n" + id("csv-phone") + "," + location + ",555-0199\n");
        tables.put("languages.csv", "id,service_id,name\n" + id("csv-language") + "," + service + ",Polish\n");
        Map<String, byte[]> files = new LinkedHashMap<>();
        tables.forEach((file, csv) -> files.put(file, csv.getBytes(StandardCharsets.UTF_8)));

        ImportReport report = csvImporter.importTables("lenient.zip", files, "test");
        assertThat(report.fileProblems()).isEmpty();
        assertThat(report.accepted()).isTrue();
        assertThat(report.imported()).isEqualTo(1);
        assertThat(count("dir_phone", "Quillfeather Food Shelf")).isEqualTo(1);
        assertThat(jdbc.queryForList("select l.name from dir_language l join dir_service s on s.id = l.service_id "
                + "where s.name = 'Quillfeather Food Shelf'", String.class)).isEqualTo(List.of("Polish"));
    }

    @Test
    void reImportingBringsALocationsNameAddressAndCoordinatesUpToDate() {
        String before = service("Quillfeather Drop-in", "hall-f", "", "").replace("\"name\": \"Quillfeather Hall\"",
                "\"name\": \"Quillfeather Hall\", \"latitude\": 53.80, \"longitude\": -1.55, \"addresses\": "
                        + "[{\"id\": \"" + id("hall-f:old") + "\", \"address_1\": \"1 Old Road\", \"city\": \"Leeds\", "
                        + "\"state_province\": \"\", \"postal_code\": \"LS1 1AA\", \"country\": \"GB\", "
                        + "\"address_type\": \"physical\"}]");
        assertThat(importJson("[" + before + "]").accepted()).isTrue();
        String after = before.replace("Quillfeather Hall", "Quillfeather Hall (new site)").replace("53.80", "53.48")
            .replace("-1.55", "-2.24").replace("1 Old Road", "2 New Street").replace("LS1 1AA", "M1 1AA");
        assertThat(importJson("[" + after + "]").accepted()).isTrue();

        Map<String, Object> location = jdbc.queryForMap("select name, latitude, longitude from dir_location where id = ?",
                UUID.fromString(id("hall-f")));
        assertThat(location.get("name")).isEqualTo("Quillfeather Hall (new site)");
        assertThat(((Number) location.get("latitude")).doubleValue()).isEqualTo(53.48);
        assertThat(((Number) location.get("longitude")).doubleValue()).isEqualTo(-2.24);
        assertThat(jdbc.queryForList("select address_1 || ' ' || postal_code from dir_address where location_id = ?",
                String.class, UUID.fromString(id("hall-f")))).containsExactly("2 New Street M1 1AA");
    }

    @Test
    void anHsdsOnePackageIsRefusedNamingWhatDiffers() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String table : List.of("services.csv", "locations.csv", "physical_address.csv", "regular_schedule.csv")) {
                out.putNextEntry(new ZipEntry("hsds-1.0/" + table));
                out.write("id,name,status\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        ImportReport report = csvImporter.importZip("hsds1.zip", zip.toByteArray(), "test");
        assertThat(report.accepted()).isFalse();
        assertThat(report.fileProblems()).singleElement().asString()
            .startsWith("This looks like HSDS 1.x or 2.0 data, and the directory reads HSDS 3.0.")
            .contains("physical_address.csv became addresses.csv (address_type physical)")
            .contains("regular_schedule.csv became schedules.csv");
    }

    @Test
    void everyTablesProblemIsReportedAtOnce() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("services.csv", "id,name\n".getBytes(StandardCharsets.UTF_8));
        files.put("phones.csv", "id,service_id\n".getBytes(StandardCharsets.UTF_8));
        files.put("locations.csv", new byte[] { 'i', 'd', '\n', (byte) 0xC3, (byte) 0x28, '\n' });
        ImportReport report = csvImporter.importTables("three-problems.zip", files, "test");
        assertThat(report.accepted()).isFalse();
        assertThat(report.fileProblems()).containsExactly("locations.csv is not valid UTF-8 text.",
                "phones.csv lacks the column(s) number.", "services.csv lacks the column(s) status.");
    }

    @Test
    void fieldsTheDirectoryHasNoPlaceForAreKeptAndExportedAsTheyCameThroughJsonAndCsv() throws Exception {
        byte[] example;
        try (var in = getClass().getResourceAsStream("/hsds/examples/service_full.json")) {
            example = in.readAllBytes();
        }
        JsonNode given = JSON.readTree(example);
        ArrayNode areas = (ArrayNode) given.get("service_areas");
        areas.add(((ObjectNode) areas.get(0).deepCopy()).put("id", id("second-area")).put("name", "A second area"));
        example = JSON.writeValueAsBytes(given);
        assertThat(importer.importJson("service_full.json", example, "test").accepted()).isTrue();
        // exported, each area names its service, as the tables need
        areas.forEach(area -> ((ObjectNode) area).put("service_id", given.get("id").asString()));
        List<String> kept = List.of("contacts", "funding", "required_documents", "program", "accreditations",
                "licenses", "alert", "wait_time", "metadata", "cost_options", "service_areas");

        JsonNode exported = exportedService(given.get("id").asString());
        for (String field : kept) {
            assertThat(exported.get(field)).as(field).isEqualTo(given.get(field));
        }

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exporter.exportCsv(zip);
        jdbc.update("update dir_service set hsds_extras = null where id = ?", UUID.fromString(given.get("id").asString()));
        assertThat(csvImporter.importZip("export.zip", zip.toByteArray(), "test").accepted()).isTrue();
        JsonNode afterCsv = exportedService(given.get("id").asString());
        for (String field : kept) {
            assertThat(afterCsv.get(field)).as("after the CSV tables: " + field).isEqualTo(given.get(field));
        }
    }

    JsonNode exportedService(String id) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        exporter.exportJson(json);
        for (JsonNode service : JSON.readTree(json.toByteArray())) {
            if (service.get("id").asString().equals(id)) {
                return service;
            }
        }
        throw new AssertionError("not exported: " + id);
    }

    @Test
    void anAreaEditedInTheCsvTablesWinsOverTheCopyKeptWithTheService() throws Exception {
        String name = "Quillfeather Outreach";
        String json = service(name, "hall-g", "", "").replaceFirst("\"status\"",
                "\"service_areas\": [{\"id\": \"" + id("area-g") + "\", \"name\": \"Old Town\", "
                        + "\"description\": \"The old town and its villages\"}], \"status\"");
        assertThat(importJson("[" + json + "]").accepted()).isTrue();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exporter.exportCsv(zip);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        String areas = new String(files.get("service_areas.csv"), StandardCharsets.UTF_8);
        files.put("service_areas.csv", areas.replace("Old Town", "New Town").getBytes(StandardCharsets.UTF_8));
        assertThat(csvImporter.importTables("edited.zip", files, "test").accepted()).isTrue();
        assertThat(exportedService(id(name)).at("/service_areas/0/name").asString()).isEqualTo("New Town");
    }
}
