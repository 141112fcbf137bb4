package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The pages are in English; a browser asking for German still gets English dates and answers, not a mix. */
@SpringBootTest
@AutoConfigureMockMvc
class PageLanguageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void datesAreWrittenInThePagesLanguageWhateverTheBrowserAsksFor() throws Exception {
        AccountPrincipal me = TestAccounts.create(jdbc, "language-" + UUID.randomUUID().toString().substring(0, 8))
            .withSettings(ZoneOffset.UTC, false);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        mvc.perform(post("/checkins/new").with(csrf()).with(TestAccounts.as(me)).param("day", day.toString())
            .param("mood", "3").param("homePull", "4")).andExpect(status().is3xxRedirection());

        String history = mvc.perform(get("/checkins").with(TestAccounts.as(me)).header("Accept-Language", "de-DE,de"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(history).contains(day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + day.getDayOfMonth() + " " + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
            .doesNotContain(day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.GERMAN))
            .contains("<dd>3 \u00b7 Okay</dd>", "<dd>4 of 10</dd>");
    }
}
