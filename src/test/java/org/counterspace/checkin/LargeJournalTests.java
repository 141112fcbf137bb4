package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A journal of 20,000 check-ins over the last year (written straight to the tables): the summary and
 * trends pages still answer, with the right figures. Every day d (0 = today, 364 = a year ago) holds
 * 54 or 55 check-ins, all with mood 1 + d % 5 and home pull d % 11, so the daily means are exact:
 * mood averages 3.0 over the 365 days (73 days of each mood) and pull 1,816 / 365 = 4.98.
 * Music is named on every check-in of the days with d % 3 == 0. Every check-in has a small win and a
 * note to discuss, the most the summary's lists can be asked to hold.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeJournalTests {

    static final int CHECK_INS = 20_000;

    static final int DAYS = 365;

    static final String OVERALL = "You checked in on 365 days. Average mood 3.0 of 5, average home pull 5.0 of 10.";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CheckInService checkins;

    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    AccountPrincipal me;

    @BeforeAll
    void aYearOfManyCheckIns() {
        me = Journals.newPerson(jdbc, checkins, "large");
        UUID music = Journals.environment(checkins, me, "Music");
        List<Object[]> rows = new ArrayList<>(CHECK_INS);
        List<Object[]> links = new ArrayList<>();
        Instant base = Instant.now().minusSeconds(60);
        for (int i = 0; i < CHECK_INS; i++) {
            int d = i % DAYS;
            UUID id = UUID.randomUUID();
            rows.add(new Object[] { id, me.id(), Date.valueOf(today.minusDays(d)), Timestamp.from(base.plusMillis(i)),
                    1 + d % 5, d % 11, "win " + i + " went for a walk along the river", "note " + i + " something to talk about at length ".repeat(5), true });
            if (d % 3 == 0) {
                links.add(new Object[] { id, music });
            }
        }
        jdbc.batchUpdate("insert into check_in (id, account_id, entry_date, recorded_at, mood, home_pull, small_win, note, "
                + "to_discuss) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.batchUpdate("insert into check_in_environment (check_in_id, counter_environment_id) values (?, ?)", links);
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url).with(TestAccounts.as(me))).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
    }

    @Test
    void theYearsTrendsHaveTheRightFigures() throws Exception {
        String html = page("/checkins/trends?days=365");
        assertThat(html).contains(OVERALL);
        assertThat(html).contains("(122 days)", "(243 days)"); // Music on days d % 3 == 0, and the other days
        assertThat(html.split("<circle", -1)).hasSize(1 + DAYS * 2); // a dot per day, two charts
    }

    /**
     * Asked for everything since 1900, the summary covers the last year. Every check-in has a small win
     * and is marked to discuss: each list shows the latest 100 of 20,000, the 55 of today (i = 0, 365, ...,
     * 19,710) and the 45 latest of yesterday (i = 1 + 365k for k = 54 down to 10).
     */
    @Test
    void aSummaryCoversAYearAtMostAndListsTheLatestWinsAndNotes() throws Exception {
        String html = page("/checkins/summary?from=1900-01-01&to=" + today);
        assertThat(html).contains(OVERALL);
        assertThat(html).contains("A summary covers one year at most, so this one starts on");
        assertThat(html.split("Showing the latest 100 of 20,000.", -1)).hasSize(3);
        assertThat(html).contains("win 19710 went", "win 0 went", "win 3651 went", "note 3651 something")
            .doesNotContain("win 3286 went", "note 3286 something");
        // 100 wins, and the same 100 check-ins again under "to discuss", which shows their small win too
        assertThat(html.split("went for a walk", -1)).hasSize(1 + 200);
    }
}
