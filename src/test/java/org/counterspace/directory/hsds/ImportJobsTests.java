package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.ImportUploads;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Uploads run as background jobs, one at a time, with a page that refreshes itself (no script) until
 * the report is there; every problem says where it is (JSON pointer, or table and line) and the page
 * lists the first hundred records with problems and counts the rest.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportJobsTests {

    @Autowired
    ImportJobs jobs;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    AccountPrincipal curator;

    @BeforeEach
    void curator() {
        curator = TestAccounts.create(jdbc, "jobs-" + UUID.randomUUID().toString().substring(0, 8),
                AccountPrincipal.ROLE_ADMIN);
    }

    static String services(int count, String status) {
        return IntStream.range(0, count).mapToObj(i -> """
                {"id": "%s", "name": "Job service %d", "status": "%s",
                 "phones": [{"id": "%s", "number": "0113 496 %04d"}]}
                """.formatted(UUID.randomUUID(), i, status, UUID.randomUUID(), i))
            .collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void oneImportRunsAtATimeAndTheSecondIsToldSo() throws Exception {
        Path first = Files.createTempFile("first", ".json");
        Files.writeString(first, services(1500, "active"));
        Path second = Files.createTempFile("second", ".json");
        Files.writeString(second, services(1, "active"));
        ImportJobs.Job running = jobs.start("first.json", first, "test", ZoneId.of("Europe/London")).orElseThrow();
        assertThat(jobs.start("second.json", second, "test", ZoneId.of("Europe/London"))).isEmpty();
        assertThat(Files.exists(second)).as("the refused upload is the caller's").isTrue();

        String page = mvc.perform(get("/curate/files/imports/" + running.id()).with(TestAccounts.as(curator)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        if (!running.done()) {
            assertThat(page).contains("<meta http-equiv=\"refresh\" content=\"2\">").doesNotContain("<script>");
        }
        mvc.perform(multipart("/curate/files/import")
            .file(new MockMultipartFile("file", "second.json", "application/json", Files.readAllBytes(second)))
            .with(csrf())
            .with(TestAccounts.as(curator)))
            .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(302, 409));

        assertThat(ImportUploads.finished(mvc, curator, "/curate/files/imports/" + running.id()))
            .contains("Imported 1,500 services from first.json").doesNotContain("http-equiv=\"refresh\" content=\"2\"");
        assertThat(Files.exists(first)).as("the upload is deleted once read").isFalse();
        Optional<ImportJobs.Job> next = jobs.start("second.json", second, "test", ZoneId.of("Europe/London"));
        assertThat(next).isPresent();
        ImportUploads.finished(mvc, curator, "/curate/files/imports/" + next.get().id());
        mvc.perform(get("/curate/files/imports/" + UUID.randomUUID()).with(TestAccounts.as(curator)))
            .andExpect(status().isNotFound());
    }

    @Test
    void anotherImportRunningIsSaidOnTheFormWithALinkToIt() throws Exception {
        Path first = Files.createTempFile("first", ".json");
        Files.writeString(first, services(1500, "active"));
        ImportJobs.Job running = jobs.start("long.json", first, "test", ZoneId.of("Europe/London")).orElseThrow();
        String answer = mvc.perform(multipart("/curate/files/import")
            .file(new MockMultipartFile("file", "other.json", "application/json", services(1, "active").getBytes()))
            .with(csrf())
            .with(TestAccounts.as(curator))).andReturn().getResponse().getContentAsString();
        if (!running.done()) {
            assertThat(answer).contains("Another import is running (long.json, uploaded by test)",
                    "/curate/files/imports/" + running.id());
        }
        ImportUploads.finished(mvc, curator, "/curate/files/imports/" + running.id());
    }

    @Test
    void everyProblemOfACsvPackageNamesItsTableLineAndColumn() throws Exception {
        String service = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        byte[] zip = zip(Map.of(
                "services.csv", "id,name,status\r\n" + service + ",Good,active\r\n\r\n" + other + ",,closed-ish\r\n",
                "phones.csv", "id,service_id,number\n" + UUID.randomUUID() + "," + service + ",\n"
                        + UUID.randomUUID() + "," + other + ",0113 496 0000\n"));
        String page = ImportUploads.upload(mvc, curator, new MockMultipartFile("file", "package.zip",
                "application/zip", zip));
        assertThat(page).contains("Nothing was imported from package.zip",
                "phones.csv line 2, number: A phone has no number.",
                "services.csv line 4, name: Missing name.",
                "services.csv line 4, status: Unknown status: closed-ish");
    }

    @Test
    void aJsonRecordsProblemsNameItsPointerAndTheListIsCutAtAHundredRecords() throws Exception {
        String page = ImportUploads.upload(mvc, curator, new MockMultipartFile("file", "many.json",
                "application/json", services(130, "unknown").getBytes(StandardCharsets.UTF_8)));
        assertThat(page).contains("many.json /0/status: Unknown status: unknown",
                "many.json /99/status: Unknown status: unknown",
                "And 30 more records with problems, not listed here.")
            .doesNotContain("many.json /100/status");
    }

    static byte[] zip(Map<String, String> tables) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> table : tables.entrySet()) {
                out.putNextEntry(new ZipEntry(table.getKey()));
                out.write(table.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
