package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.checkin.TrendCalculator.DailyPoint;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class TrendsControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CheckInService checkins;

    AccountPrincipal me;

    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void account() {
        me = TestAccounts.create(jdbc, "trends-" + UUID.randomUUID().toString().substring(0, 8));
        checkins.seed(me.id());
    }

    UUID id(String name) {
        return checkins.environments(me.id()).stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getId();
    }

    String page(String days) throws Exception {
        return mvc.perform(get("/checkins/trends").param("days", days).with(TestAccounts.as(me)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void showsChartsTableWhatHelpsAndAccumulatedMoments() throws Exception {
        UUID music = id("Music");
        UUID friend = id("A friend outside home");
        checkins.record(me.id(), new CheckInEntry(today, new Mood(4), new HomePull(2), null, null, false, Set.of(music, friend)));
        checkins.record(me.id(), new CheckInEntry(today.minusDays(1), new Mood(2), new HomePull(8), null, null, false, Set.of()));
        checkins.record(me.id(), new CheckInEntry(today.minusDays(2), new Mood(4), new HomePull(4), null, null, false, Set.of(music)));
        checkins.record(me.id(), new CheckInEntry(today.minusDays(200), new Mood(3), new HomePull(5), null, null, false, Set.of(music)));
        checkins.archiveEnvironment(me.id(), friend, true);

        String html = page("30");
        assertThat(html).contains("<svg class=\"chart\"", "viewBox=\"0 0 640 220\"", "role=\"img\"", "<title id=\"mood-chart-title\"");
        assertThat(html.split("<circle", -1)).hasSize(1 + 3 * 2); // 3 days, two charts
        assertThat(html).contains("<caption id=\"daily-caption\">Daily figures from").contains("<th scope=\"row\">");
        // the chart needs no script: the only scripts are the layout's self-hosted files
        assertThat(html).doesNotContainPattern("style=").doesNotContainPattern("<script(?![^>]*\\ssrc=)");
        // what helps: Music on 2 of 3 days: mood (4+4)/2 = 4.0 vs 2.0, pull (2+4)/2 = 3.0 vs 8.0
        assertThat(html).contains("<th scope=\"row\">Music</th>", "4.0 (2 days)", "2.0 (1 day)", "3.0 (2 days)", "8.0 (1 day)");
        // archived environments keep their place in the figures
        assertThat(html).contains("<th scope=\"row\">A friend outside home</th>");
        assertThat(html).contains("not what caused what");
        // accumulated: 3 moments in the last days (today may start the week or month, so only all time is fixed)
        assertThat(html).contains("4 moments");
        assertThat(html.toLowerCase()).doesNotContain("streak");
        assertThat(page("365")).contains("4.0 (1 day)"); // 200 days ago counts within a year
    }

    @Test
    void whatHelpsEscapesNamesAndSaysWhenThereAreNoDaysToCompare() throws Exception {
        UUID tea = checkins.addEnvironment(me.id(), EnvironmentKind.PRACTICE, "Tea & <b>\"talk\"</b>").getId();
        checkins.record(me.id(), new CheckInEntry(today, new Mood(5), new HomePull(1), null, null, false, Set.of(tea)));
        checkins.record(me.id(), new CheckInEntry(today.minusDays(3), new Mood(2), new HomePull(7), null, null, false, Set.of(tea)));

        String html = page("30");
        String row = html.substring(html.indexOf("<th scope=\"row\">Tea"));
        row = row.substring(0, row.indexOf("</tr>"));
        // used on both days: mood (5+2)/2 = 3.5, pull (1+7)/2 = 4.0, and no days without it
        assertThat(row).isEqualTo("<th scope=\"row\">Tea &amp; &lt;b&gt;&quot;talk&quot;&lt;/b&gt;</th><td>3.5 (2 days)</td>"
                + "<td>No days to compare</td><td>4.0 (2 days)</td><td>No days to compare</td>");
    }

    @Test
    void weekAndMonthFiguresSayFromWhichDayTheyCount() throws Exception {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        checkins.record(me.id(), new CheckInEntry(monday, new Mood(3), new HomePull(3), null, null, false, Set.of(id("Music"))));
        DateTimeFormatter shortDate = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
        assertThat(page("30")).contains("<dt>Since Monday " + monday.format(shortDate) + "</dt>",
                "<dt>Since " + today.withDayOfMonth(1).format(shortDate) + "</dt>", "<dt>All time</dt>")
            .doesNotContain("This week", "This month");
    }

    @Test
    void anEmptyJournalAndUnknownPeriodsAreCalm() throws Exception {
        String html = page("7000");
        assertThat(html).contains("Over the last 30 days", "There are no check-ins in this period", "No moments yet");
        assertThat(page("90")).contains("Over the last 90 days");
    }

    @Test
    void chartLineBreaksAcrossGapsLongerThanTheWindow() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        List<DailyPoint> points = TrendCalculator.summarise(List.of(
                new TrendCalculator.Entry(start, 1, 0, Set.of()), new TrendCalculator.Entry(start.plusDays(7), 5, 10, Set.of()),
                new TrendCalculator.Entry(start.plusDays(15), 3, 5, Set.of())), List.of()).daily();
        TrendChart chart = TrendChart.of(points, start, start.plusDays(29), DailyPoint::mood, DailyPoint::moodAverage, Scale.MOOD, 1);
        assertThat(chart.dots()).hasSize(3);
        assertThat(chart.lines()).hasSize(2); // 1 -> 8 Jan joined (7 days), 8 -> 16 Jan broken (8 days)
        assertThat(chart.dots().get(0).x()).isEqualTo(TrendChart.LEFT);
        assertThat(chart.dots().get(0).y()).isEqualTo(TrendChart.HEIGHT - TrendChart.BOTTOM); // mood 1 at the bottom
        assertThat(chart.dots().get(1).y()).isEqualTo(TrendChart.TOP); // mood 5 at the top
        assertThat(chart.yTicks()).extracting(TrendChart.Tick::label).containsExactly("1", "2", "3", "4", "5");
    }
}
