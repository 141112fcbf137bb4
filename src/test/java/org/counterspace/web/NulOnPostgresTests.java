package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.OnPostgres;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A NUL in a text field on PostgreSQL, which refuses to store one (H2 stores it, so tests on H2
 * never saw the 500s): each form answers with a form error or the calm 400 page, and nothing is
 * written.
 */
@SpringBootTest
@AutoConfigureMockMvc
@OnPostgres
class NulOnPostgresTests {

    static final String NUL = "a\u0000b";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    AccountPrincipal me;

    @BeforeEach
    void account() {
        me = TestAccounts.create(jdbc, "nul." + UUID.randomUUID().toString().substring(0, 8));
    }

    MvcResult send(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).as("status").isIn(200, 400);
        return result;
    }

    int rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    String serviceId() {
        return jdbc.queryForObject("select id from dir_service where name = 'Samaritans'", String.class);
    }

    @Test
    void aNulInACheckInNoteIsAFormError() throws Exception {
        MvcResult result = send(post("/checkins/new").with(TestAccounts.as(me))
            .param("day", LocalDate.now(ZoneOffset.UTC).toString()).param("mood", "3").param("homePull", "2")
            .param("note", NUL).param("smallWin", NUL));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("invisible character");
        assertThat(rows("check_in")).isZero();
    }

    @Test
    void aNulInANewEnvironmentIsAFormError() throws Exception {
        int before = rows("counter_environment");
        MvcResult result = send(post("/checkins/environments").with(TestAccounts.as(me)).param("kind", "SPACE")
            .param("name", NUL));
        assertThat(result.getResponse().getContentAsString()).contains("invisible character");
        assertThat(rows("counter_environment")).isEqualTo(before);
    }

    @Test
    void aNulInABookmarkNoteIsRefused() throws Exception {
        MvcResult result = send(post("/support/services/" + serviceId() + "/save").with(TestAccounts.as(me))
            .param("note", NUL));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(rows("dir_bookmark")).isZero();
    }

    @Test
    void aNulInASuggestionIsAFormError() throws Exception {
        int before = rows("dir_feedback");
        MvcResult result = send(post("/support/suggest").param("name", "A new place").param("contact", NUL)
            .param("message", NUL));
        assertThat(result.getResponse().getContentAsString()).contains("invisible character");
        assertThat(rows("dir_feedback")).isEqualTo(before);
    }

    @Test
    void aNulInAReportIsAFormError() throws Exception {
        int before = rows("dir_feedback");
        MvcResult result = send(post("/support/services/" + serviceId() + "/report").param("message", NUL));
        assertThat(result.getResponse().getContentAsString()).contains("invisible character");
        assertThat(rows("dir_feedback")).isEqualTo(before);
    }

    @Test
    void aNulInARecoveryIsAFormError() throws Exception {
        MvcResult result = send(post("/recover").param("username", me.getUsername() + "\u0000")
            .param("code", "ABCD-EFGH\u0000").param("password", "a long enough new password here")
            .param("confirm", "a long enough new password here"));
        assertThat(result.getResponse().getContentAsString()).contains("invisible character");
    }

    /** HSDS imports read files, not form fields: a NUL in a record's text is a rejected record, not a 500. */
    @Test
    void aNulInAnHsdsJsonImportRejectsTheRecord() throws Exception {
        String record = "{\"id\": \"" + UUID.randomUUID() + "\", \"name\": \"Nul House\", \"status\": \"active\", "
                + "\"description\": \"a\\u0000b\"}";
        assertImportRejected(new MockMultipartFile("file", "nul.json", "application/json",
                record.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNulInAnHsdsCsvImportRejectsTheRecord() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("services.csv"));
            out.write(("id,name,status,description\n" + UUID.randomUUID() + ",Nul House,active,a\u0000b\n")
                .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertImportRejected(new MockMultipartFile("file", "nul.zip", "application/zip", zip.toByteArray()));
    }

    private void assertImportRejected(MockMultipartFile file) throws Exception {
        AccountPrincipal curator = TestAccounts.create(jdbc, "curator." + UUID.randomUUID().toString().substring(0, 8),
                AccountPrincipal.ROLE_ADMIN);
        assertThat(ImportUploads.upload(mvc, curator, file)).contains("control character");
        assertThat(jdbc.queryForObject("select count(*) from dir_service where name = 'Nul House'", Integer.class))
            .isZero();
    }

    /** Its page has a message for a step that is too long only, so the calm 400 page says what happened. */
    @Test
    void aNulInTheSafetyPlanIsRefusedNotTakenForASaveFromAnotherWindowAndTheNextSaveWorks() throws Exception {
        MvcResult result = send(post("/safety-plan").with(TestAccounts.as(me)).param("warningSigns", NUL)
            .param("onMyOwn", "A walk by the river"));
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("invisible character")
            .doesNotContain("saved from another window");
        assertThat(jdbc.queryForObject("select count(*) from safety_plan_version where account_id = ?", Integer.class,
                me.id())).isZero();
        mvc.perform(post("/safety-plan").with(TestAccounts.as(me)).with(csrf()).param("warningSigns", "ab")
            .param("onMyOwn", "A walk by the river")).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from safety_plan_version where account_id = ?", Integer.class,
                me.id())).isOne();
    }
}
