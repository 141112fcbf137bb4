package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class WellbeingAndSummaryTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CheckInService checkins;

    @Autowired
    WellbeingService wellbeing;

    AccountPrincipal me;

    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void account() {
        me = TestAccounts.create(jdbc, "who5-" + UUID.randomUUID().toString().substring(0, 8));
        checkins.seed(me.id());
    }

    MockHttpServletRequestBuilder answers(String... values) {
        MockHttpServletRequestBuilder request = post("/checkins/wellbeing").with(TestAccounts.as(me)).with(csrf());
        for (int i = 0; i < values.length; i++) {
            request.param("item" + (i + 1), values[i]);
        }
        return request;
    }

    @Test
    void formUsesTheOfficialWordingScaleAndAttribution() throws Exception {
        mvc.perform(get("/checkins/wellbeing").with(TestAccounts.as(me)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("I have felt cheerful and in good spirits")))
            .andExpect(content().string(containsString("I have felt calm and relaxed")))
            .andExpect(content().string(containsString("I have felt active and vigorous")))
            .andExpect(content().string(containsString("I woke up feeling fresh and rested")))
            .andExpect(content().string(containsString("My daily life has been filled with things that interest me")))
            .andExpect(content().string(containsString("All of the time")))
            .andExpect(content().string(containsString("At no time")))
            .andExpect(content().string(containsString("Psychiatric Research Unit, WHO Collaborating Centre in Mental Health, Frederiksborg General Hospital")));
    }

    @Test
    void savesTheScoreAndCallsOutMeaningfulChanges() throws Exception {
        mvc.perform(answers("3", "3", "3", "3", "3")).andExpect(status().isFound()).andExpect(flash().attribute("savedScore", 60));
        mvc.perform(answers("4", "4", "4", "3", "3")).andExpect(status().isFound()).andExpect(flash().attribute("savedScore", 72));
        mvc.perform(answers("4", "4", "4", "3", "4")).andExpect(status().isFound()).andExpect(flash().attribute("savedScore", 76));
        mvc.perform(get("/checkins/wellbeing").with(TestAccounts.as(me)))
            .andExpect(content().string(containsString("A meaningful rise")))
            .andExpect(content().string(containsString("+12")))
            .andExpect(content().string(containsString("+4")))
            .andExpect(content().string(not(containsString("Support is here"))));
        mvc.perform(get("/checkins").with(TestAccounts.as(me))).andExpect(content().string(not(containsString("Support is here"))));
        assertThat(wellbeing.history(me.id())).extracting(WellbeingService.Result::meaningful).containsExactly(false, true, false);
    }

    @Test
    void missingOrOutOfRangeAnswersReRenderWithTheOthersKept() throws Exception {
        mvc.perform(answers("3", "9", "x", "2"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("class=\"error-summary\" role=\"alert\"")))
            .andExpect(content().string(containsString("href=\"#item2\"")))
            .andExpect(content().string(containsString("href=\"#item5\"")))
            .andExpect(content().string(containsString("<fieldset class=\"field field--invalid\" id=\"item5\"")))
            .andExpect(content().string(containsString("id=\"item1-3\" value=\"3\" checked")))
            .andExpect(content().string(not(containsString("href=\"#item1\""))));
        assertThat(wellbeing.history(me.id())).isEmpty();
    }

    @Test
    void aLowScoreBringsTheGentlePanelAndTheHistoryStopsPromptingForAFortnight() throws Exception {
        mvc.perform(get("/checkins").with(TestAccounts.as(me))).andExpect(content().string(containsString("Take the five-question check")));
        mvc.perform(answers("1", "1", "2", "1", "2")).andExpect(flash().attribute("savedScore", 28));
        for (String page : List.of("/checkins/wellbeing", "/checkins")) {
            mvc.perform(get(page).with(TestAccounts.as(me)))
                .andExpect(content().string(containsString("Support is here if you want it")))
                .andExpect(content().string(containsString("href=\"/help\"")))
                .andExpect(content().string(not(containsString("depress"))));
        }
        mvc.perform(get("/checkins").with(TestAccounts.as(me))).andExpect(content().string(not(containsString("Take the five-question check"))));
    }

    @Test
    void summaryCollectsWinsNotesToDiscussAndStartsAfterTheLastMarkedOne() throws Exception {
        UUID music = checkins.environments(me.id()).stream().filter(e -> e.getName().equals("Music")).findFirst().orElseThrow().getId();
        checkins.record(me.id(), new CheckInEntry(today.minusDays(20), new Mood(2), new HomePull(9),
                "old win", "old note", true, Set.of()));
        checkins.record(me.id(), new CheckInEntry(today.minusDays(3), new Mood(3), new HomePull(6),
                "went for a walk", null, false, Set.of(music)));
        checkins.record(me.id(), new CheckInEntry(today.minusDays(1), new Mood(2), new HomePull(8),
                null, "my sister's visit", true, Set.of()));
        checkins.record(me.id(), new CheckInEntry(today.minusDays(2), new Mood(3), new HomePull(5),
                "Off", "No", true, Set.of()));

        String html = mvc.perform(get("/checkins/summary").with(TestAccounts.as(me)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).as("words a template reads as false are still what the person wrote")
            .contains("<p class=\"entry-note\">No</p>", "<span>Off</span>");
        assertThat(html).contains("went for a walk", "my sister&#39;s visit", "<th scope=\"row\">Music</th>", "<svg", "data-table\" open")
            .doesNotContain("old win", "old note");
        assertThat(html).as("each chart's title and key are text in its caption, so they print")
            .contains("<span class=\"chart-title\">Mood in this period, from 1 (Very low) to 5 (Very good)</span>",
                    "<span class=\"chart-title\">Home pull in this period, from 0 (not at all) to 10 (very hard)</span>")
            .containsPattern("(?s)<figcaption>\\s*<span class=\"chart-title\">[^<]+</span>"
                    + "\\s*<span class=\"chart-key\">.*?A day \\(mean of its check-ins\\).*?7-day rolling average.*?</figcaption>");

        mvc.perform(post("/checkins/summary/mark").with(TestAccounts.as(me)).with(csrf())
                .param("from", today.minusDays(13).toString()).param("to", today.minusDays(2).toString()))
            .andExpect(status().isFound());
        String next = mvc.perform(get("/checkins/summary").with(TestAccounts.as(me)))
            .andReturn().getResponse().getContentAsString();
        assertThat(next).contains("my sister&#39;s visit").doesNotContain("went for a walk");

        String wide = mvc.perform(get("/checkins/summary").param("from", today.minusDays(30).toString())
                .param("to", today.toString()).with(TestAccounts.as(me))).andReturn().getResponse().getContentAsString();
        assertThat(wide).contains("old win", "old note", "went for a walk");
        mvc.perform(get("/checkins/summary").param("from", "soon").param("to", "2999-01-01").with(TestAccounts.as(me)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("period has been adjusted")));
    }

    @Test
    void aSummaryAskedToEndBeforeAnyJournalBeginsIsAdjustedNotAFault() throws Exception {
        for (String to : new String[] { "-999999999-01-01", "1066-10-14" }) {
            mvc.perform(get("/checkins/summary").param("to", to).with(TestAccounts.as(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("period has been adjusted")));
        }
    }
}
