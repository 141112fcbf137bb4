package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.directory.TimeZones;
import org.counterspace.support.ImportUploads;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

/**
 * Files a curator may upload that used to answer 500: repeated part ids, zip bombs, the wrong kind of
 * HSDS objects. Each is refused with a message that says why, and nothing is imported. The files are
 * made here, none is kept in the repository.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportSafetyTests {

    @Autowired
    HsdsImporter importer;

    @Autowired
    HsdsCsvImporter csvImporter;

    @Autowired
    TimeZones timeZones;

    @Autowired
    ImportFolder importFolder;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    long services() {
        return jdbc.queryForObject("select count(*) from dir_service", Long.class);
    }

    static String service(UUID id, String name, UUID placeId) {
        return """
                {"id": "%s", "name": "%s", "status": "active",
                 "service_at_locations": [{"id": "%s", "location": {"id": "%s", "location_type": "virtual"}}]}
                """.formatted(id, name, placeId, UUID.randomUUID());
    }

    ImportReport importJson(String json) {
        return importer.importJson("test.json", json.getBytes(StandardCharsets.UTF_8), "test");
    }

    @Test
    void aServiceAtLocationIdTwiceInOneFileIsTheProblemOfTheRecordThatRepeatsIt() {
        long before = services();
        UUID place = UUID.randomUUID();
        ImportReport report = importJson("[" + service(UUID.randomUUID(), "First", place) + ","
                + service(UUID.randomUUID(), "Second", place) + "]");
        assertThat(report.accepted()).isFalse();
        assertThat(report.rejected()).singleElement().satisfies(entry -> {
            assertThat(entry.position()).isEqualTo(2);
            assertThat(entry.messages()).containsExactly("test.json /1/service_at_locations/0/id: The "
                    + "service_at_locations id " + place
                    + " appears more than once in this file; each needs its own id.");
        });
        assertThat(services()).isEqualTo(before);
    }

    @Test
    void aServiceAtLocationIdAnotherServiceHasIsRefusedAndTheSameServiceMayKeepIt() {
        UUID place = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        assertThat(importJson("[" + service(first, "Holder of the place", place) + "]").accepted()).isTrue();
        long before = services();
        ImportReport other = importJson("[" + service(UUID.randomUUID(), "Taker of the place", place) + "]");
        assertThat(other.rejected()).singleElement().satisfies(entry -> assertThat(entry.messages())
            .containsExactly("test.json /0/service_at_locations/0/id: The service_at_locations id " + place
                    + " is already used by another service in the "
                    + "directory (Holder of the place); each needs its own id."));
        assertThat(services()).isEqualTo(before);
        // the service that has it may be imported again, with the same id for its place
        assertThat(importJson("[" + service(first, "Holder of the place, renamed", place) + "]").accepted()).isTrue();
    }

    @Test
    void aZipBombIsRefusedBeforeItIsReadWhole() throws Exception {
        // one entry of 190 MB that deflates to a few hundred KB
        byte[] zip = zip("services.csv", 190L * 1024 * 1024, new byte[64 * 1024]);
        assertThat(zip.length).isLessThan(1024 * 1024);
        long before = services();
        ImportReport report = csvImporter.importZip("bomb.zip", zip, "test");
        assertThat(report.fileProblems()).singleElement().asString()
            .startsWith("The zip unpacks to more than 100 times its own size");
        assertThat(services()).isEqualTo(before);

        AccountPrincipal curator = TestAccounts.create(jdbc, "bomb-" + UUID.randomUUID().toString().substring(0, 8),
                AccountPrincipal.ROLE_ADMIN);
        assertThat(ImportUploads.upload(mvc, curator, new MockMultipartFile("file", "bomb.zip", "application/zip", zip)))
            .contains("Nothing was imported from bomb.zip", "times its own size");
    }

    @Test
    void aZipOfTablesLargerThanTheLimitIsRefused() throws Exception {
        // random text compresses little: the ratio is plausible, the size is not
        byte[] noise = new byte[256 * 1024];
        Random random = new Random(3);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) ('a' + random.nextInt(26));
        }
        byte[] zip = zip("services.csv", 3L * 1024 * 1024, noise);
        HsdsCsvImporter limited = new HsdsCsvImporter(importer, new ImportLimits(DataSize.ofMegabytes(2), 100),
                timeZones, importFolder);
        assertThat(limited.importZip("big.zip", zip, "test").fileProblems()).singleElement().asString()
            .isEqualTo("The zip unpacks to more than 2 MB, more than the directory reads at once; it was not read. "
                    + "Import the tables in smaller parts.");
    }

    @Test
    void aListOfOrganizationsIsNamedAsSuch() throws Exception {
        assertThat(importer.importJson("organization_list.json", HsdsImportExportTests.resource(
                "examples/organization_list.json"), "test").fileProblems())
            .containsExactly(HsdsKind.ORGANIZATION.notServices());
        assertThat(HsdsKind.ORGANIZATION.notServices()).startsWith("This looks like a list of organizations, not services.");
        assertThat(importer.importJson("organization_full.json", HsdsImportExportTests.resource(
                "examples/organization_full.json"), "test").fileProblems())
            .containsExactly(HsdsKind.ORGANIZATION.notServices());
        assertThat(importer.importJson("location.json", HsdsImportExportTests.resource("examples/location.json"), "test")
            .fileProblems()).containsExactly(HsdsKind.LOCATION.notServices());
        ImportReport tables = csvImporter.importTables("orgs.zip", Map.of("services.csv",
                HsdsImportExportTests.resource("examples/csv/organizations.csv")), "test");
        assertThat(tables.fileProblems()).singleElement().asString()
            .startsWith("services.csv: This looks like a list of organizations, not services.");
    }

    @Test
    void aPageOfTheApiIsReadByItsContents() throws Exception {
        ImportReport report = importer.importJson("service_list.json",
                HsdsImportExportTests.resource("examples/service_list.json"), "test");
        assertThat(report.accepted()).as(report.toString()).isTrue();
        assertThat(report.imported()).isPositive();
    }

    /** A zip cut short (an upload broken off) is refused with a reason, nothing imported, never a 500. */
    @Test
    void aTruncatedZipOrJsonUploadIsRefusedWithAReason() throws Exception {
        StringBuilder csv = new StringBuilder("id,name,status\n");
        for (int i = 0; i < 2000; i++) {
            csv.append(UUID.randomUUID()).append(",Cut short ").append(i).append(",active\n");
        }
        byte[] whole = ImportJobsTests.zip(Map.of("services.csv", csv.toString()));
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        long before = services();
        AccountPrincipal curator = TestAccounts.create(jdbc, "cut-" + UUID.randomUUID().toString().substring(0, 8),
                AccountPrincipal.ROLE_ADMIN);
        assertThat(ImportUploads.upload(mvc, curator, new MockMultipartFile("file", "cut.zip", "application/zip", half)))
            .contains("Nothing was imported from cut.zip")
            .containsAnyOf("The file is not a readable zip archive.", "services.csv is not well-formed CSV.");
        String json = "[" + service(UUID.randomUUID(), "Whole", UUID.randomUUID()) + ","
                + service(UUID.randomUUID(), "Cut", UUID.randomUUID());
        assertThat(ImportUploads.upload(mvc, curator, new MockMultipartFile("file", "cut.json", "application/json",
                json.substring(0, json.length() - 20).getBytes(StandardCharsets.UTF_8))))
            .contains("Nothing was imported from cut.json", "The file is not valid JSON (line");
        assertThat(services()).isEqualTo(before);
    }

    /**
     * A large table is read row by row: every one of its 20,000 bad rows is found (not only the first),
     * the page lists a hundred and counts the rest.
     */
    @Test
    void everyBadRowOfALargeTableIsFoundAndThePageCountsThoseNotListed() throws Exception {
        StringBuilder csv = new StringBuilder("id,name,status\r\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(UUID.randomUUID()).append(",Row ").append(i).append(",open\r\n");
        }
        Map<String, byte[]> tables = Map.of("services.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        ImportReport report = csvImporter.importTables("large.zip", tables, "test");
        assertThat(report.rejected()).hasSize(20_000);
        assertThat(report.rejected().get(19_999).messages())
            .containsExactly("services.csv line 20001, status: Unknown status: open");
        AccountPrincipal curator = TestAccounts.create(jdbc, "large-" + UUID.randomUUID().toString().substring(0, 8),
                AccountPrincipal.ROLE_ADMIN);
        assertThat(ImportUploads.upload(mvc, curator, new MockMultipartFile("file", "large.zip", "application/zip",
                ImportJobsTests.zip(Map.of("services.csv", csv.toString())))))
            .contains("services.csv line 2, status: Unknown status: open",
                    "And 19,900 more records with problems, not listed here.");
    }

    /** A zip of one entry {@code size} bytes long, made of {@code block} repeated. */
    static byte[] zip(String name, long size, byte[] block) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(name));
            out.write("id,name,status\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < size; written += block.length) {
                out.write(block);
            }
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
