package org.counterspace.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.counterspace.account.AccountDeleted;
import org.counterspace.account.AccountPrincipal;
import org.counterspace.account.PersonalDataExporter;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
class SafetyPlanTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<PersonalDataExporter> exporters;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    AccountPrincipal alex;

    AccountPrincipal sam;

    @BeforeEach
    void accounts() {
        alex = TestAccounts.create(jdbc, "alex-" + UUID.randomUUID().toString().substring(0, 8));
        sam = TestAccounts.create(jdbc, "sam-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static MockHttpServletRequestBuilder savePlan(String warningSigns, String peopleToAsk) {
        return post("/safety-plan").with(csrf())
            .param("warningSigns", warningSigns)
            .param("onMyOwn", "A walk by the canal")
            .param("counterSpaces", "The library")
            .param("peopleToAsk", peopleToAsk)
            .param("professionals", "My counsellor")
            .param("saferSituation", "Stay at Jo's")
            .param("whatMatters", "My sister");
    }

    /**
     * The steps where they fit offer the person's own counter-environments (through the journal's public
     * API) and saved services as checkboxes; ticked ones are added to the free text on saving, once.
     */
    @Test
    void thePlanOffersTheirOwnCounterEnvironmentsAndSavedServices() throws Exception {
        events.publishEvent(new org.counterspace.account.AccountRegistered(alex.id()));
        UUID samaritans = jdbc.queryForObject("select id from dir_service where name = 'Samaritans' fetch first 1 rows only",
                UUID.class);
        mvc.perform(post("/support/services/" + samaritans + "/save").with(csrf()).with(TestAccounts.as(alex)));
        String page = mvc.perform(get("/safety-plan/edit").with(TestAccounts.as(alex)))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("<legend>Add from your counter-environments</legend>",
                "<input type=\"checkbox\" name=\"addOnMyOwn\" id=\"add-onMyOwn-0\" value=\"Exercise\">",
                "<label for=\"add-onMyOwn-0\">Exercise</label>", "name=\"addCounterSpaces\"",
                "value=\"A place I feel safer\"", "value=\"A friend outside home\"",
                "<legend>Add from the services you saved</legend>", "name=\"addProfessionals\" id=\"add-professionals-0\" value=\"Samaritans");
        assertThat(page.substring(page.indexOf("id=\"onMyOwn\""), page.indexOf("id=\"counterSpaces\"")))
            .doesNotContain("A friend outside home");

        mvc.perform(savePlan("Not sleeping", "Jo").param("addOnMyOwn", "Music", "a walk BY the canal ", "Music")
                .param("addCounterSpaces", "A friend outside home").param("addProfessionals", "Samaritans \u00b7 116 123")
                .with(TestAccounts.as(alex)))
            .andExpect(redirectedUrl("/safety-plan"));
        assertThat(jdbc.queryForMap("select on_my_own, counter_spaces, professionals from safety_plan_version "
                + "where account_id = ?", alex.id()))
            .containsEntry("ON_MY_OWN", "A walk by the canal\nMusic")
            .containsEntry("COUNTER_SPACES", "The library\nA friend outside home")
            .containsEntry("PROFESSIONALS", "My counsellor\nSamaritans \u00b7 116 123");
        // what the plan says already is not offered again
        mvc.perform(get("/safety-plan/edit").with(TestAccounts.as(alex)))
            .andExpect(content().string(not(containsString("value=\"Music\""))))
            .andExpect(content().string(containsString("value=\"Journaling\"")));
    }

    @Test
    void addingChoicesStillKeepsAStepWithinItsLength() throws Exception {
        events.publishEvent(new org.counterspace.account.AccountRegistered(alex.id()));
        mvc.perform(savePlan("x", "y").param("onMyOwn", "w".repeat(1995)).param("addOnMyOwn", "Creative work")
                .with(TestAccounts.as(alex)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Things I can do on my own")))
            .andExpect(content().string(containsString("field--invalid")));
        assertThat(jdbc.queryForObject("select count(*) from safety_plan_version where account_id = ?", Integer.class,
                alex.id())).isZero();
    }

    @Test
    void needsSignIn() throws Exception {
        for (String path : List.of("/safety-plan", "/safety-plan/edit", "/safety-plan/versions")) {
            int status = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            assertThat(status).as(path).isIn(302, 401, 403);
        }
    }

    @Test
    void emptyPlanInvitesAStartAndCreditsTheApproach() throws Exception {
        mvc.perform(get("/safety-plan").with(TestAccounts.as(alex)))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Start my plan"),
                    containsString("Safety Planning Intervention approach (Stanley &amp; Brown)"))));
    }

    @Test
    void everySaveIsANewVersionAndEarlierVersionsStayReadable() throws Exception {
        mvc.perform(savePlan("Not sleeping", "Jo, 07700 900123").with(TestAccounts.as(alex)))
            .andExpect(redirectedUrl("/safety-plan"))
            .andExpect(flash().attribute("savedVersion", 1));
        mvc.perform(savePlan("Not sleeping, skipping meals", "Jo, 07700 900123").with(TestAccounts.as(alex)))
            .andExpect(flash().attribute("savedVersion", 2));

        mvc.perform(get("/safety-plan").with(TestAccounts.as(alex)))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Version 2, saved"),
                    containsString("Not sleeping, skipping meals"), containsString("Jo, 07700 900123"),
                    containsString("My warning signs"), containsString("What matters most to me"))));

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, version, warning_signs from safety_plan_version where account_id = ? order by version",
                alex.id());
        assertThat(rows).extracting(row -> row.get("VERSION")).containsExactly(1, 2);
        assertThat(rows.get(0).get("WARNING_SIGNS")).isEqualTo("Not sleeping");

        mvc.perform(get("/safety-plan/versions").with(TestAccounts.as(alex)))
            .andExpect(content().string(allOf(containsString("Version 1, saved"), containsString("Version 2, saved"),
                    containsString("/safety-plan/versions/" + rows.get(0).get("ID")))));
        mvc.perform(get("/safety-plan/versions/" + rows.get(0).get("ID")).with(TestAccounts.as(alex)))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Version 1, saved"), containsString("earlier version"),
                    not(containsString("skipping meals")))));
        mvc.perform(get("/safety-plan/edit").with(TestAccounts.as(alex)))
            .andExpect(content().string(containsString("Not sleeping, skipping meals</textarea>")));
    }

    @Test
    void anotherPersonsVersionIsNotFound() throws Exception {
        mvc.perform(savePlan("Private words", "Jo").with(TestAccounts.as(alex)));
        UUID alexVersion = jdbc.queryForObject("select id from safety_plan_version where account_id = ?", UUID.class,
                alex.id());
        mvc.perform(get("/safety-plan/versions/" + alexVersion).with(TestAccounts.as(sam)))
            .andExpect(status().isNotFound())
            .andExpect(content().string(not(containsString("Private words"))));
        mvc.perform(get("/safety-plan/versions/" + UUID.randomUUID()).with(TestAccounts.as(alex)))
            .andExpect(status().isNotFound());
        mvc.perform(get("/safety-plan/versions/not-a-uuid").with(TestAccounts.as(alex)))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/safety-plan").with(TestAccounts.as(sam)))
            .andExpect(content().string(not(containsString("Private words"))));
    }

    @Test
    void overLongStepsAreRefusedWithTheTextKept() throws Exception {
        String tooLong = "x".repeat(SafetyPlanForm.MAX + 1);
        mvc.perform(savePlan(tooLong, "Jo").with(TestAccounts.as(alex)))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("class=\"error-summary\" role=\"alert\""),
                    containsString("href=\"#warningSigns\""), containsString("This is 2,001 characters long"),
                    containsString("aria-invalid=\"true\""), containsString("aria-describedby=\"warningSigns-hint warningSigns-error\""),
                    containsString(tooLong + "</textarea>"), containsString("Stay at Jo&#39;s</textarea>"))));
        assertThat(jdbc.queryForObject("select count(*) from safety_plan_version where account_id = ?", Integer.class,
                alex.id())).isZero();
    }

    @Test
    void browserLineBreaksCountOnceTowardsTheLimit() throws Exception {
        String lines = "ab\r\n".repeat(SafetyPlanForm.MAX / 3) + "ab";
        mvc.perform(savePlan(lines, "Jo").with(TestAccounts.as(alex))).andExpect(redirectedUrl("/safety-plan"));
        String stored = jdbc.queryForObject("select warning_signs from safety_plan_version where account_id = ?",
                String.class, alex.id());
        assertThat(stored).doesNotContain("\r").hasSize(SafetyPlanForm.MAX);
    }

    @Test
    void scriptInAnyStepIsShownAsText() throws Exception {
        String attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        mvc.perform(savePlan(attack, attack).with(TestAccounts.as(alex))).andExpect(redirectedUrl("/safety-plan"));
        mvc.perform(get("/safety-plan").with(TestAccounts.as(alex)))
            .andExpect(content().string(allOf(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
                    not(containsString("<script>alert")), not(containsString("<img src=x")))));
    }

    @Test
    void saveWithoutCsrfTokenIsRefusedAndNothingIsStored() throws Exception {
        mvc.perform(post("/safety-plan").param("warningSigns", "x").with(TestAccounts.as(alex)))
            .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from safety_plan_version where account_id = ?", Integer.class,
                alex.id())).isZero();
    }

    @Test
    void personalPagesAreNeverStored() throws Exception {
        mvc.perform(savePlan("Not sleeping", "Jo").with(TestAccounts.as(alex)));
        for (String path : List.of("/safety-plan", "/safety-plan/edit", "/safety-plan/versions")) {
            mvc.perform(get(path).with(TestAccounts.as(alex)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(not(containsString("Not sleeping ·"))));
        }
    }

    @Test
    void exportHoldsEveryVersionOldestFirst() throws Exception {
        mvc.perform(savePlan("First", "Jo").with(TestAccounts.as(alex)));
        mvc.perform(savePlan("Second", "Jo").with(TestAccounts.as(alex)));
        mvc.perform(savePlan("Someone else", "Kim").with(TestAccounts.as(sam)));
        PersonalDataExporter exporter = exporters.stream()
            .filter(e -> e.section().equals("safetyPlan"))
            .findFirst()
            .orElseThrow();
        @SuppressWarnings("unchecked")
        List<SafetyPlanExport.ExportedVersion> exported = (List<SafetyPlanExport.ExportedVersion>) exporter
            .export(alex.id());
        assertThat(exported).extracting(SafetyPlanExport.ExportedVersion::version).containsExactly(1, 2);
        assertThat(exported.get(0).steps()).containsEntry("warningSigns", "First")
            .containsEntry("peopleToAsk", "Jo")
            .containsOnlyKeys(SafetyPlanForm.STEPS);
        assertThat(exported.get(1).steps()).containsEntry("warningSigns", "Second");
        assertThat(exported.get(0).savedAt()).isBeforeOrEqualTo(exported.get(1).savedAt());
        String json = JsonMapper.builder().build().writeValueAsString(exported);
        assertThat(json).contains("\"version\":1", "\"warningSigns\":\"First\"", "\"savedAt\":\"20");
    }

    @Test
    void accountDeletionErasesEveryVersionOfThatPersonOnly() throws Exception {
        mvc.perform(savePlan("First", "Jo").with(TestAccounts.as(alex)));
        mvc.perform(savePlan("Second", "Jo").with(TestAccounts.as(alex)));
        mvc.perform(savePlan("Kept", "Kim").with(TestAccounts.as(sam)));
        transactions.executeWithoutResult(tx -> events.publishEvent(new AccountDeleted(alex.id())));
        assertThat(jdbc.queryForObject("select count(*) from safety_plan_version where account_id = ?", Integer.class,
                alex.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from safety_plan_version where account_id = ?", Integer.class,
                sam.id())).isEqualTo(1);
    }
}
