package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.counterspace.directory.search.DirectorySearch;
import org.counterspace.directory.search.SearchQuery;
import org.counterspace.directory.search.ServiceCard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Imported hours in the right time zone, with and without offsets in the data, and "open now" in the
 * search index and on the service page across the changes to and from summer time in Los Angeles
 * (2026-03-08 and 2026-11-01, at 02:00) and London (2026-03-29 and 2026-10-25, at 01:00 UTC).
 * Every service opens MO-FR 09:00-17:00 local time, and SA 22:00 to 06:00 the next morning.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportedHoursTests {

    /** How each service gives its zone, and the zone it must end in. */
    enum Given {
        LA_COORDINATES("America/Los_Angeles", "", "", 34.05, -118.24, "US"),
        LA_NUMERIC_OFFSET("America/Los_Angeles", "", ", \"timezone\": -8", null, null, "US"),
        LA_OFFSET_IN_TIMES("America/Los_Angeles", "-08:00", "", null, null, "US"),
        LA_ZONE_NAMED("America/Los_Angeles", "", ", \"timezone\": \"America/Los_Angeles\"", null, null, null),
        LONDON_COORDINATES("Europe/London", "", "", 53.80, -1.55, "GB"),
        LONDON_NOTHING_SAID("Europe/London", "", "", null, null, null),
        LONDON_OFFSET_IN_TIMES("Europe/London", "Z", "", null, null, "GB"),
        LONDON_NUMERIC_OFFSET("Europe/London", "", ", \"timezone\": 0", null, null, "GB");

        final String zone;

        final String timeSuffix;

        final String scheduleExtra;

        final Double latitude;

        final Double longitude;

        final String country;

        Given(String zone, String timeSuffix, String scheduleExtra, Double latitude, Double longitude,
                String country) {
            this.zone = zone;
            this.timeSuffix = timeSuffix;
            this.scheduleExtra = scheduleExtra;
            this.latitude = latitude;
            this.longitude = longitude;
            this.country = country;
        }

        UUID id() {
            return UUID.nameUUIDFromBytes(("hours-test:" + name()).getBytes(StandardCharsets.UTF_8));
        }

        UUID part(String what) {
            return UUID.nameUUIDFromBytes(("hours-test:" + name() + ":" + what).getBytes(StandardCharsets.UTF_8));
        }

        String serviceName() {
            return "Zonewise " + name().replace('_', ' ').toLowerCase(Locale.ROOT);
        }

        boolean inLosAngeles() {
            return zone.equals("America/Los_Angeles");
        }

        String json() {
            String location = latitude == null && country == null ? ""
                    : """
                    , "service_at_locations": [{"id": "%s", "location": {"id": "%s", "location_type": "physical" %s,
                        "addresses": [%s]}}]
                    """.formatted(part("sal"), part("location"),
                            latitude == null ? "" : ", \"latitude\": " + latitude + ", \"longitude\": " + longitude,
                            country == null ? "" : """
                                {"id": "%s", "address_1": "1 Main Street", "city": "Somewhere", "state_province": "X",
                                 "postal_code": "00000", "country": "%s"}""".formatted(part("address"), country));
            return """
                    {"id": "%s", "name": "%s", "status": "active",
                     "schedules": [
                       {"id": "%s", "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": "09:00%s", "closes_at": "17:00%s" %s},
                       {"id": "%s", "freq": "WEEKLY", "byday": "SA", "opens_at": "22:00%s", "closes_at": "06:00%s" %s}]
                     %s}
                    """.formatted(id(), serviceName(), part("weekdays"), timeSuffix, timeSuffix, scheduleExtra,
                    part("saturday"), timeSuffix, timeSuffix, scheduleExtra, location);
        }
    }

    @Autowired
    HsdsImporter importer;

    @Autowired
    DirectorySearch search;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    ImportReport report;

    @BeforeAll
    void importTheServices() {
        String file = "[" + String.join(",", Stream.of(Given.values()).map(Given::json).toList()) + "]";
        report = importer.importJson("hours.json", file.getBytes(StandardCharsets.UTF_8), "test",
                ZoneId.of("Europe/London"));
        assertThat(report.accepted()).as(report.toString()).isTrue();
    }

    @Test
    void eachServiceIsKeptInThePlacesZoneNeverAtAnOffset() {
        for (Given given : Given.values()) {
            assertThat(jdbc.queryForObject("select time_zone from dir_service where id = ?", String.class, given.id()))
                .as(given.name()).isEqualTo(given.zone);
        }
    }

    @Test
    void aZoneReadFromAnOffsetOrChosenForLackOfDataIsReported() {
        Map<String, String> notes = new HashMap<>();
        report.entries().forEach(e -> notes.put(e.name(), String.join(" ", e.messages())));
        assertThat(notes.get(Given.LA_NUMERIC_OFFSET.serviceName()))
            .contains("only the UTC offset -08:00", "read as America/Los_Angeles");
        assertThat(notes.get(Given.LA_OFFSET_IN_TIMES.serviceName())).contains("only the UTC offset -08:00");
        assertThat(notes.get(Given.LONDON_NOTHING_SAID.serviceName()))
            .contains("No time zone or coordinates; the hours were read in Europe/London.");
        assertThat(notes.get(Given.LA_COORDINATES.serviceName())).doesNotContain("time zone", "offset");
        assertThat(notes.get(Given.LA_ZONE_NAMED.serviceName())).doesNotContain("time zone", "offset");
    }

    static Stream<Arguments> moments() {
        return Stream.of(
                // Los Angeles, winter (UTC-8) before the change: 09:00 is 17:00 UTC
                Arguments.of("2026-03-06T16:30:00Z", true, false), Arguments.of("2026-03-06T17:30:00Z", true, true),
                // Saturday night into the Sunday of the change: 22:00 PST to 06:00 PDT (13:00 UTC)
                Arguments.of("2026-03-08T12:30:00Z", true, true), Arguments.of("2026-03-08T13:30:00Z", true, false),
                // summer (UTC-7) after the change: 09:00 is 16:00 UTC, 17:00 is 00:00 UTC
                Arguments.of("2026-03-09T15:30:00Z", true, false), Arguments.of("2026-03-09T16:30:00Z", true, true),
                Arguments.of("2026-03-10T00:30:00Z", true, false),
                // the night the clocks go back: 01:30 comes twice, and closing at 06:00 PST is 14:00 UTC
                Arguments.of("2026-11-01T08:30:00Z", true, true), Arguments.of("2026-11-01T09:30:00Z", true, true),
                Arguments.of("2026-11-01T13:30:00Z", true, true), Arguments.of("2026-11-01T14:30:00Z", true, false),
                // winter again
                Arguments.of("2026-11-02T16:30:00Z", true, false), Arguments.of("2026-11-02T17:30:00Z", true, true),
                // London, winter: 09:00 is 09:00 UTC
                Arguments.of("2026-03-27T08:30:00Z", false, false), Arguments.of("2026-03-27T09:30:00Z", false, true),
                // the Saturday night the clocks go forward: 06:00 BST is 05:00 UTC
                Arguments.of("2026-03-29T04:30:00Z", false, true), Arguments.of("2026-03-29T05:30:00Z", false, false),
                // summer: 09:00 BST is 08:00 UTC, 17:00 BST is 16:00 UTC
                Arguments.of("2026-03-30T08:30:00Z", false, true), Arguments.of("2026-03-30T16:30:00Z", false, false),
                // the night the clocks go back: 06:00 GMT is 06:00 UTC
                Arguments.of("2026-10-25T05:30:00Z", false, true), Arguments.of("2026-10-25T06:30:00Z", false, false),
                Arguments.of("2026-10-26T08:30:00Z", false, false), Arguments.of("2026-10-26T16:30:00Z", false, true));
    }

    @ParameterizedTest(name = "{0}: {1} open={2}")
    @MethodSource("moments")
    void openNowFollowsSummerTimeWhateverTheDataGave(String instant, boolean losAngeles, boolean open) {
        Instant at = Instant.parse(instant);
        List<String> expected = Stream.of(Given.values()).filter(g -> g.inLosAngeles() == losAngeles)
            .map(Given::serviceName).toList();
        List<ServiceCard> openNow = search.search(query(at, true)).hits();
        if (open) {
            assertThat(openNow).extracting(ServiceCard::name).containsAll(expected);
        }
        else {
            assertThat(openNow).extracting(ServiceCard::name).doesNotContainAnyElementsOf(expected);
        }
        // the result cards say the same, without the filter
        assertThat(search.search(query(at, false)).hits()).filteredOn(card -> expected.contains(card.name()))
            .hasSize(expected.size()).allSatisfy(card -> assertThat(card.openNow()).isEqualTo(open));
    }

    @Test
    void theServicePageSaysWhoseTimeItShows() throws Exception {
        mvc.perform(get("/support/services/" + Given.LA_NUMERIC_OFFSET.id()))
            .andExpect(content().string(containsString("Times in Pacific Time (Los Angeles).")));
        mvc.perform(get("/support/services/" + Given.LONDON_COORDINATES.id()))
            .andExpect(content().string(containsString("Times in British Time (London).")));
    }

    private static SearchQuery query(Instant at, boolean openNow) {
        return new SearchQuery("zonewise", Set.of(), Set.of(), false, false, Set.of(), null, null, openNow, null, 25,
                SearchQuery.SortOrder.NAME, 1, 50, at, null);
    }
}
