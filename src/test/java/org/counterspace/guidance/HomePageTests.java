package org.counterspace.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.account.AccountRegistered;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The start page and the navigation: every part can be found, and a signed-in person sees where today stands. */
@SpringBootTest
@AutoConfigureMockMvc
class HomePageTests {

    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    AccountPrincipal me;

    LocalDate today = LocalDate.now(ZoneId.of("UTC"));

    @BeforeEach
    void person() {
        me = TestAccounts.create(jdbc, "home-" + UUID.randomUUID().toString().substring(0, 8));
        tx.executeWithoutResult(status -> events.publishEvent(new AccountRegistered(me.id())));
    }

    /** Asked for as a browser asks (for HTML), so the start page kept for visitors is never the answer. */
    String home(AccountPrincipal who) throws Exception {
        var request = get("/").accept(MediaType.TEXT_HTML);
        if (who != null) {
            request.with(TestAccounts.as(who));
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aVisitorIsOfferedTheGuidanceSupportAnAccountAndSignIn() throws Exception {
        String html = home(null);
        assertThat(html).contains("<a href=\"/guidance\">Guidance</a>", "<a href=\"/support\">Find support</a>",
                "<a href=\"/register\">Create account</a>", "<a href=\"/login\">Sign in</a>",
                "<a class=\"help-link\" href=\"/help\">", "a private journal")
            .doesNotContain("href=\"/checkins\"", "href=\"/safety-plan\"", "href=\"/support/saved\"");
    }

    @Test
    void aSignedInPersonFindsEveryPartAndACheckInButtonUntilTheyHaveCheckedIn() throws Exception {
        String before = home(me);
        assertThat(before).contains("<h1>Today</h1>", "You have not checked in today",
                "<form method=\"post\" action=\"/checkins/new\" class=\"quick-checkin\" novalidate>",
                "<input type=\"hidden\" name=\"day\" value=\"" + today + "\">",
                "<input type=\"radio\" name=\"mood\" id=\"quick-mood-1\" value=\"1\">",
                "<input type=\"radio\" name=\"homePull\" id=\"quick-pull-10\" value=\"10\">",
                "<button type=\"submit\">Check in</button>", "<a href=\"/checkins/new\">The full check-in",
                "<a href=\"/checkins\">Journal</a>", "<a href=\"/support/saved\">My outside support</a>",
                "<a href=\"/safety-plan\">Safety plan</a>", "<a href=\"/account\">Account</a>",
                "<a href=\"/guidance\">Guidance</a>", "<a href=\"/support\">Find support</a>",
                "form class=\"signout\"", "href=\"/checkins/wellbeing\"")
            .doesNotContain("href=\"/register\"", "href=\"/curate\"");

        mvc.perform(post("/checkins/new").with(csrf()).with(TestAccounts.as(me))
            .param("day", today.toString()).param("mood", "4").param("homePull", "3")
            .param("environments", jdbc.queryForObject(
                    "select id from counter_environment where account_id = ? and name = 'Music'", String.class, me.id())))
            .andExpect(status().is3xxRedirection());
        String after = home(me);
        assertThat(after).contains("You checked in today", "<button type=\"submit\" class=\"button-secondary\">Check in again</button>")
            .doesNotContain("You have not checked in today");

        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(after).as("each figure says from when it counts")
            .contains("Since Monday " + monday.format(SHORT), "Since " + today.withDayOfMonth(1).format(SHORT),
                    "All time", "1 moment");
    }

    @Test
    void aCuratorAlsoFindsTheCuratorPages() throws Exception {
        AccountPrincipal curator = TestAccounts.create(jdbc, "home-curator-" + UUID.randomUUID().toString().substring(0, 6),
                AccountPrincipal.ROLE_ADMIN);
        assertThat(home(curator)).contains("<a href=\"/curate\">Curate</a>");
        assertThat(mvc.perform(get("/curate").accept(MediaType.TEXT_HTML).with(TestAccounts.as(curator))).andReturn().getResponse()
            .getContentAsString()).contains("href=\"/admin/curators\"");
    }
}
