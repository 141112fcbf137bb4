package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;
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

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.counterspace.account.AccountDeleted;
import org.counterspace.account.AccountPrincipal;
import org.counterspace.account.AccountRegistered;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class CheckInControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    CheckInService checkins;

    AccountPrincipal me;

    AccountPrincipal other;

    @BeforeEach
    void accounts() {
        me = register("me");
        other = register("other");
    }

    AccountPrincipal register(String name) {
        AccountPrincipal principal = TestAccounts.create(jdbc, name + "-" + UUID.randomUUID().toString().substring(0, 8));
        tx.executeWithoutResult(s -> events.publishEvent(new AccountRegistered(principal.id())));
        return principal;
    }

    UUID environment(AccountPrincipal who, String name) {
        return checkins.environments(who.id()).stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getId();
    }

    LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A valid check-in for today; pairs of name and value replace or add fields. */
    MockHttpServletRequestBuilder checkIn(AccountPrincipal who, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("day", today().toString(), "mood", "4", "homePull", "3"));
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/checkins/new").with(TestAccounts.as(who)).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    int count(AccountPrincipal who) {
        return jdbc.queryForObject("select count(*) from check_in where account_id = ?", Integer.class, who.id());
    }

    @Test
    void everyJournalPageNeedsSignIn() throws Exception {
        for (String path : List.of("/checkins", "/checkins/new", "/checkins/calendar", "/checkins/environments",
                "/checkins/trends", "/checkins/wellbeing", "/checkins/summary", "/checkins/export")) {
            mvc.perform(get(path)).andExpect(TestAccounts.signInAsked());
        }
        mvc.perform(post("/checkins/new").with(csrf()).param("mood", "3"))
            .andExpect(TestAccounts.signInAsked());
        assertThat(count(me)).isZero();
    }

    @Test
    void registrationSeedsTheArticlesCounterEnvironments() {
        assertThat(checkins.environments(me.id())).extracting(CounterEnvironment::getName)
            .containsExactly("A place I feel safer", "A friend outside home", "A support group", "Exercise", "Journaling",
                    "Music", "Creative work");
        assertThat(checkins.environments(me.id())).extracting(CounterEnvironment::getKind)
            .containsExactly(EnvironmentKind.SPACE, EnvironmentKind.PERSON, EnvironmentKind.PERSON,
                    EnvironmentKind.PRACTICE, EnvironmentKind.PRACTICE, EnvironmentKind.PRACTICE, EnvironmentKind.PRACTICE);
    }

    @Test
    void formOffersWordedMoodsPullEndsAndGroupedChipsWithTodayInTheirTimeZone() throws Exception {
        AccountPrincipal farEast = me.withSettings(ZoneId.of("Pacific/Kiritimati"), false);
        mvc.perform(get("/checkins/new").with(TestAccounts.as(farEast)))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(content().string(containsString("Very low")))
            .andExpect(content().string(containsString("Very good")))
            .andExpect(content().string(containsString("Not at all")))
            .andExpect(content().string(containsString("<legend>People</legend>")))
            .andExpect(content().string(containsString("value=\"" + LocalDate.now(ZoneId.of("Pacific/Kiritimati")) + "\"")))
            .andExpect(content().string(containsString("name=\"environments\" id=\"env-" + environment(me, "Music") + "\"")));
    }

    @Test
    void aValidCheckInIsSavedWithItsEnvironmentsAndRedirectsWithAKindWord() throws Exception {
        UUID music = environment(me, "Music");
        UUID friend = environment(me, "A friend outside home");
        mvc.perform(checkIn(me).param("environments", music.toString(), friend.toString())
                .param("smallWin", "  Made tea in peace ").param("note", "").param("toDiscuss", "true"))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/checkins"))
            .andExpect(flash().attribute("notice", "checkin.saved"));
        CheckIn saved = checkins.between(me.id(), today(), today()).get(0);
        assertThat(saved.getMood()).isEqualTo(new Mood(4));
        assertThat(saved.getHomePull()).isEqualTo(new HomePull(3));
        assertThat(saved.getEnvironmentIds()).containsExactlyInAnyOrder(music, friend);
        assertThat(saved.getSmallWin()).isEqualTo("Made tea in peace");
        assertThat(saved.getNote()).isNull();
        assertThat(saved.isToDiscuss()).isTrue();

        mvc.perform(get("/checkins").with(TestAccounts.as(me)).flashAttr("notice", "checkin.saved"))
            .andExpect(content().string(containsString("Thank you for checking in.")))
            .andExpect(content().string(containsString("Made tea in peace")))
            .andExpect(content().string(containsString("Music")));
    }

    @Test
    void environmentsAreReadByTheirPlainNameAndIdsAreTimeOrdered() throws Exception {
        UUID music = environment(me, "Music");
        environment(me, "Exercise");
        mvc.perform(checkIn(me, "environments", music.toString())).andExpect(status().isFound());
        CheckIn saved = checkins.between(me.id(), today(), today()).get(0);
        assertThat(saved.getEnvironmentIds()).containsExactly(music);
        assertThat(saved.getId().version()).isEqualTo(7);
    }

    @Test
    void severalCheckInsADayAreAllowed() throws Exception {
        mvc.perform(checkIn(me)).andExpect(status().isFound());
        mvc.perform(checkIn(me, "mood", "2")).andExpect(status().isFound());
        assertThat(count(me)).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mood     | 0          | mood           | Choose how you feel
            mood     | 6          | mood           | Choose how you feel
            mood     | calm       | mood           | Choose how you feel
            mood     | ''         | mood           | Choose how you feel
            homePull | -1         | homePull       | Choose how hard home pulled
            homePull | 11         | homePull       | Choose how hard home pulled
            homePull | 2.5        | homePull       | Choose how hard home pulled
            day      | 1899-12-31 | day            | 1900 or later
            day      | 31/12/2020 | day            | Enter a real date
            day      | ''         | day            | Enter the date
            environments | not-an-id | environments       | not in your list
            """)
    void badInputReRendersTheFormWithTheInputKeptAndMessages(String field, String value, String anchor, String message)
            throws Exception {
        mvc.perform(checkIn(me, field, value, "note", "keep <this> note"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("class=\"error-summary\" role=\"alert\"")))
            .andExpect(content().string(containsString("href=\"#" + anchor + "\"")))
            .andExpect(content().string(containsString("id=\"" + anchor + "\"")))
            .andExpect(content().string(containsString(message)))
            .andExpect(content().string(containsString("keep &lt;this&gt; note")))
            .andExpect(content().string(not(containsString("Failed to convert"))));
        assertThat(count(me)).isZero();
    }

    /** Refused before binding by the web boundary (InputBoundary), even beside the plain name. */
    @ParameterizedTest
    @CsvSource({ "environments[300]", "environments[abc]", "environments[3]", "environments[2]", "mood[0]",
            "note.bytes", "class.name" })
    void handMadeFieldNamesAreRefusedAndNothingIsSaved(String name) throws Exception {
        UUID music = environment(me, "Music");
        mvc.perform(checkIn(me, "environments", music.toString(), name, music.toString()))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("Something in that request did not look right")));
        assertThat(count(me)).isZero();
    }

    @Test
    void aFutureDateIsRefusedInThePersonsOwnTimeZone() throws Exception {
        mvc.perform(checkIn(me, "day", today().plusDays(1).toString()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("cannot be in the future")))
            .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        // Far east of UTC, tomorrow's UTC date may already be today.
        AccountPrincipal farEast = me.withSettings(ZoneId.of("Pacific/Kiritimati"), false);
        mvc.perform(post("/checkins/new").with(TestAccounts.as(farEast)).with(csrf())
                .param("day", LocalDate.now(ZoneId.of("Pacific/Kiritimati")).toString()).param("mood", "3").param("homePull", "5"))
            .andExpect(status().isFound());
        assertThat(count(me)).isEqualTo(1);
    }

    @Test
    void textLimitsAreFiveHundredAndFiveThousandCharacters() throws Exception {
        mvc.perform(checkIn(me).param("note", "n".repeat(5001)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("up to 5,000 characters")))
            .andExpect(content().string(containsString("n".repeat(5001))));
        mvc.perform(checkIn(me).param("smallWin", "w".repeat(501)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("up to 500 characters")));
        assertThat(count(me)).isZero();
        mvc.perform(checkIn(me).param("note", "n".repeat(5000)).param("smallWin", "w".repeat(500)))
            .andExpect(status().isFound());
        assertThat(count(me)).isEqualTo(1);
    }

    @Test
    void anotherPersonsCounterEnvironmentIsAFieldError() throws Exception {
        mvc.perform(checkIn(me).param("environments", environment(other, "Music").toString()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("not in your list")));
        mvc.perform(checkIn(me).param("environments", UUID.randomUUID().toString()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("not in your list")));
        assertThat(count(me)).isZero();
    }

    @Test
    void anotherPersonsCheckInAnswersNotFoundEverywhere() throws Exception {
        mvc.perform(checkIn(other).param("note", "private")).andExpect(status().isFound());
        UUID theirs = checkins.between(other.id(), today(), today()).get(0).getId();
        for (String path : List.of("/checkins/" + theirs, "/checkins/" + theirs + "/edit", "/checkins/" + theirs + "/delete")) {
            mvc.perform(get(path).with(TestAccounts.as(me)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("private"))));
        }
        mvc.perform(post("/checkins/" + theirs + "/edit").with(TestAccounts.as(me)).with(csrf())
                .param("day", today().toString()).param("mood", "1").param("homePull", "1"))
            .andExpect(status().isNotFound());
        mvc.perform(post("/checkins/" + theirs + "/delete").with(TestAccounts.as(me)).with(csrf()))
            .andExpect(status().isNotFound());
        assertThat(checkins.find(other.id(), theirs).getMood()).isEqualTo(new Mood(4));
        mvc.perform(get("/checkins/not-a-uuid").with(TestAccounts.as(me))).andExpect(status().is4xxClientError());
    }

    @Test
    void editKeepsArchivedEnvironmentsOfferedAndSavesChanges() throws Exception {
        UUID journaling = environment(me, "Journaling");
        mvc.perform(checkIn(me).param("environments", journaling.toString())).andExpect(status().isFound());
        UUID id = checkins.between(me.id(), today(), today()).get(0).getId();
        checkins.archiveEnvironment(me.id(), journaling, true);

        mvc.perform(get("/checkins/new").with(TestAccounts.as(me)))
            .andExpect(content().string(not(containsString("env-" + journaling))));
        mvc.perform(get("/checkins/" + id + "/edit").with(TestAccounts.as(me)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"env-" + journaling + "\" value=\"" + journaling + "\" checked")));
        mvc.perform(post("/checkins/" + id + "/edit").with(TestAccounts.as(me)).with(csrf())
                .param("day", today().minusDays(2).toString()).param("mood", "2").param("homePull", "7")
                .param("environments", journaling.toString()).param("note", "edited"))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/checkins"));
        CheckIn edited = checkins.find(me.id(), id);
        assertThat(edited.getDay()).isEqualTo(today().minusDays(2));
        assertThat(edited.getMood()).isEqualTo(new Mood(2));
        assertThat(edited.getNote()).isEqualTo("edited");
        assertThat(edited.getEnvironmentIds()).containsExactly(journaling);

        mvc.perform(post("/checkins/" + id + "/edit").with(TestAccounts.as(me)).with(csrf())
                .param("day", today().toString()).param("mood", "9").param("homePull", "7"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("error-summary")));
    }

    @Test
    void deleteAsksFirstThenDeletes() throws Exception {
        mvc.perform(checkIn(me).param("smallWin", "walked")).andExpect(status().isFound());
        UUID id = checkins.between(me.id(), today(), today()).get(0).getId();
        mvc.perform(get("/checkins/" + id + "/delete").with(TestAccounts.as(me)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Delete this check-in?")))
            .andExpect(content().string(containsString("walked")));
        assertThat(count(me)).isEqualTo(1);
        mvc.perform(post("/checkins/" + id + "/delete").with(TestAccounts.as(me)).with(csrf()))
            .andExpect(status().isFound())
            .andExpect(flash().attribute("notice", "checkin.deleted"));
        assertThat(count(me)).isZero();
        mvc.perform(post("/checkins/" + id + "/delete").with(TestAccounts.as(me))).andExpect(status().isForbidden());
    }

    @Test
    void historyIsNewestFirstPaginatedAndFilterable() throws Exception {
        UUID music = environment(me, "Music");
        for (int i = 0; i < 25; i++) {
            checkins.record(me.id(), new CheckInEntry(today().minusDays(i), new Mood(3), new HomePull(4), "win " + i, null, false,
                    i % 5 == 0 ? java.util.Set.of(music) : java.util.Set.of()));
        }
        String first = mvc.perform(get("/checkins").with(TestAccounts.as(me)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("25 check-ins")))
            .andExpect(content().string(containsString("Page 1 of 2")))
            .andReturn().getResponse().getContentAsString();
        assertThat(first.indexOf("win 0<")).isLessThan(first.indexOf("win 1<"));
        assertThat(first).contains("win 19<").doesNotContain("win 20<");
        mvc.perform(get("/checkins").param("page", "1").with(TestAccounts.as(me)))
            .andExpect(content().string(containsString("win 24<")))
            .andExpect(content().string(not(containsString("win 19<"))));

        String musicOnly = mvc.perform(get("/checkins").param("environment", music.toString()).with(TestAccounts.as(me)))
            .andExpect(content().string(containsString("5 check-ins")))
            .andReturn().getResponse().getContentAsString();
        assertThat(musicOnly).contains("win 0<", "win 20<").doesNotContain("win 1<");

        mvc.perform(get("/checkins").param("from", today().minusDays(3).toString()).param("to", today().minusDays(1).toString())
                .with(TestAccounts.as(me)))
            .andExpect(content().string(containsString("3 check-ins")));
        mvc.perform(get("/checkins").param("from", "yesterday").with(TestAccounts.as(me)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("could not be read")))
            .andExpect(content().string(containsString("25 check-ins")));
        mvc.perform(get("/checkins").with(TestAccounts.as(other)))
            .andExpect(content().string(containsString("No check-ins yet")));
    }

    @Test
    void calendarMarksDaysWithEntriesOnly() throws Exception {
        checkins.record(me.id(), new CheckInEntry(LocalDate.of(2024, 2, 29), new Mood(3), new HomePull(4),
                null, null, false, java.util.Set.of()));
        checkins.record(me.id(), new CheckInEntry(LocalDate.of(2024, 2, 29), new Mood(4), new HomePull(4),
                null, null, false, java.util.Set.of()));
        String html = mvc.perform(get("/checkins/calendar").param("month", "2024-02").with(TestAccounts.as(me)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("<caption>February 2024</caption>")))
            .andExpect(content().string(containsString("<th scope=\"col\">")))
            .andExpect(content().string(containsString("29 February: 2 check-ins")))
            .andReturn().getResponse().getContentAsString();
        assertThat(html.split("has-entry", -1)).hasSize(2);
        mvc.perform(get("/checkins/calendar").param("month", "not-a-month").with(TestAccounts.as(me)))
            .andExpect(status().isOk());
    }

    @Test
    void weeksOfAMonthStartOnMonday() {
        List<List<LocalDate>> weeks = CheckInController.weeks(java.time.YearMonth.of(2024, 2));
        assertThat(weeks).hasSize(5);
        assertThat(weeks.get(0)).containsExactly(null, null, null, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 2),
                LocalDate.of(2024, 2, 3), LocalDate.of(2024, 2, 4));
        assertThat(weeks.get(4).get(3)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(weeks.get(4).get(4)).isNull();
    }

    @Test
    void aVeryHardDayBringsTheGentleSupportPanel() throws Exception {
        mvc.perform(checkIn(me, "mood", "1", "homePull", "9"))
            .andExpect(flash().attribute("showSupport", true));
        mvc.perform(get("/checkins").with(TestAccounts.as(me)))
            .andExpect(content().string(containsString("Support is here if you want it")))
            .andExpect(content().string(containsString("href=\"/help\"")))
            .andExpect(content().string(containsString("href=\"/support\"")));
        mvc.perform(checkIn(other, "mood", "1", "homePull", "8"))
            .andExpect(flash().attribute("showSupport", false));
    }

    @Test
    void deletingAnAccountErasesEveryRowOfTheJournal() throws Exception {
        mvc.perform(checkIn(me).param("environments", environment(me, "Music").toString())).andExpect(status().isFound());
        mvc.perform(checkIn(other)).andExpect(status().isFound());
        tx.executeWithoutResult(s -> events.publishEvent(new AccountDeleted(me.id())));
        assertThat(count(me)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from counter_environment where account_id = ?", Integer.class, me.id())).isZero();
        assertThat(count(other)).isEqualTo(1);
    }

    /**
     * The scales are prepared once per answer and shared between people: each page still shows its own
     * answer chosen, and nothing else.
     */
    @Test
    void eachFormShowsItsOwnAnswersChosenOnTheScales() throws Exception {
        String blank = mvc.perform(get("/checkins/new").with(TestAccounts.as(me)))
            .andReturn().getResponse().getContentAsString();
        assertThat(blank).doesNotContain("checked=\"checked\"").contains("id=\"mood-4\" value=\"4\">", "id=\"pull-3\" value=\"3\">");

        String missingPull = mvc.perform(checkIn(me, "homePull", "")).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(missingPull).contains("id=\"mood-4\" value=\"4\" checked=\"checked\"")
            .doesNotContain("id=\"mood-2\" value=\"2\" checked")
            .doesNotContainPattern("name=\"homePull\" id=\"pull-\\d+\" value=\"\\d+\" checked");

        mvc.perform(checkIn(other, "mood", "2", "homePull", "7")).andExpect(status().isFound());
        UUID theirs = checkins.between(other.id(), today(), today()).get(0).getId();
        String edit = mvc.perform(get("/checkins/" + theirs + "/edit").with(TestAccounts.as(other)))
            .andReturn().getResponse().getContentAsString();
        assertThat(edit).contains("id=\"mood-2\" value=\"2\" checked=\"checked\"", "id=\"pull-7\" value=\"7\" checked=\"checked\"")
            .doesNotContain("id=\"mood-4\" value=\"4\" checked");
        assertThat(mvc.perform(get("/checkins/new").with(TestAccounts.as(me))).andReturn().getResponse()
            .getContentAsString()).doesNotContain("checked=\"checked\"");
    }

    /**
     * The cards are written in Java (EntryCards): what a person wrote is escaped, words a template would
     * read as false ("No", "off") still show, and the links keep discreet mode.
     */
    @Test
    void cardsShowWhatWasWrittenEscapedWithLinksThatKeepDiscreetMode() throws Exception {
        UUID music = environment(me, "Music");
        UUID friend = environment(me, "A friend outside home");
        checkins.archiveEnvironment(me.id(), friend, true);
        UUID id = checkins.record(me.id(), new CheckInEntry(today(), new Mood(2), new HomePull(9),
                "off <b>loud</b> & \"quoted\"", "No", true, java.util.Set.of(music, friend))).getId();

        String history = mvc.perform(get("/checkins?discreet=1").with(TestAccounts.as(me)))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(history).contains("href=\"/checkins/" + id + "?discreet=1\">" + CheckInView.of(id, today(), 2, 9, null,
                null, false, List.of(), Map.of()).dayText() + "</a>",
                "href=\"/checkins/" + id + "/edit?discreet=1\">Edit</a>",
                "href=\"/checkins/" + id + "/delete?discreet=1\">Delete</a>",
                "<dd>2 \u00b7 Low</dd>", "<dd>9 of 10</dd>",
                "<span>off &lt;b&gt;loud&lt;/b&gt; &amp; &quot;quoted&quot;</span>",
                "<p class=\"entry-note\">No</p>",
                "<span>Music</span>", "<span>A friend outside home</span><span class=\"chip-note\">\u00a0(archived)</span>",
                "To talk about in my next session")
            .doesNotContain("<b>loud");
        assertThat(history.indexOf("<span>A friend outside home</span>")).isLessThan(history.indexOf("<span>Music</span>"));

        String delete = mvc.perform(get("/checkins/" + id + "/delete").with(TestAccounts.as(me)))
            .andReturn().getResponse().getContentAsString();
        assertThat(delete).contains("<p class=\"entry-note\">No</p>").doesNotContain("/edit\"").doesNotContain("discreet=1");
    }
}
