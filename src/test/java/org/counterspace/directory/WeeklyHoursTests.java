package org.counterspace.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Opening hours in the service's own time zone, across midnight and the end of the week. */
class WeeklyHoursTests {

    static SupportService service(String zone, String byday, String opens, String closes) {
        SupportService service = new SupportService(UUID.randomUUID());
        service.describe(null, ServiceDetails.named("Test").coverage(new Coverage("GB", null, ZoneId.of(zone), null))
            .openings(List.of(ServiceDetails.Opening.weekly(byday, LocalTime.parse(opens), LocalTime.parse(closes))))
            .build());
        return service;
    }

    static boolean openAt(SupportService service, String instant) {
        return service.hours().openAt(Instant.parse(instant), service.getTimeZone());
    }

    @Test
    void nineToFiveOnWeekdaysInLondon() {
        SupportService s = service("Europe/London", "MO,TU,WE,TH,FR", "09:00", "17:00");
        assertThat(openAt(s, "2026-11-25T09:00:00Z")).isTrue(); // Wednesday, GMT
        assertThat(openAt(s, "2026-11-25T16:59:00Z")).isTrue();
        assertThat(openAt(s, "2026-11-25T17:00:00Z")).isFalse();
        assertThat(openAt(s, "2026-11-28T12:00:00Z")).isFalse(); // Saturday
        // summer time: 09:00 BST is 08:00 UTC
        assertThat(openAt(s, "2026-07-01T08:00:00Z")).isTrue();
        assertThat(openAt(s, "2026-07-01T16:30:00Z")).isFalse();
    }

    @Test
    void theSameInstantIsOpenInOneZoneAndClosedInAnother() {
        SupportService london = service("Europe/London", "WE", "09:00", "17:00");
        SupportService portland = service("America/Los_Angeles", "WE", "09:00", "17:00");
        String wednesdayNoonLondon = "2026-11-25T12:00:00Z"; // 04:00 in Portland
        assertThat(openAt(london, wednesdayNoonLondon)).isTrue();
        assertThat(openAt(portland, wednesdayNoonLondon)).isFalse();
        assertThat(openAt(portland, "2026-11-25T20:00:00Z")).isTrue(); // 12:00 in Portland
    }

    @Test
    void anEveningOpeningRunsPastMidnightIntoTheNextDay() {
        SupportService s = service("Europe/London", "FR", "22:00", "02:00");
        assertThat(openAt(s, "2026-11-27T21:59:00Z")).isFalse(); // Friday 21:59
        assertThat(openAt(s, "2026-11-27T23:30:00Z")).isTrue(); // Friday 23:30
        assertThat(openAt(s, "2026-11-28T01:59:00Z")).isTrue(); // Saturday 01:59
        assertThat(openAt(s, "2026-11-28T02:00:00Z")).isFalse();
        assertThat(openAt(s, "2026-11-26T23:30:00Z")).isFalse(); // Thursday night
    }

    @Test
    void sundayNightWrapsIntoMondayMorning() {
        SupportService s = service("Australia/Brisbane", "SU", "20:00", "06:00");
        // Monday 05:00 in Brisbane (UTC+10) is Sunday 19:00 UTC
        assertThat(openAt(s, "2026-11-29T19:00:00Z")).isTrue();
        assertThat(openAt(s, "2026-11-29T20:00:00Z")).isFalse(); // Monday 06:00
        assertThat(s.hours().indexRanges()).containsExactly(new int[] { 6 * 1440 + 1200, 7 * 1440 - 1 },
                new int[] { 0, 359 });
    }

    @Test
    void midnightToMidnightIsTheWholeDay() {
        SupportService s = service("Europe/London", "MO,TU,WE,TH,FR,SA,SU", "00:00", "00:00");
        assertThat(s.hours().alwaysOpen()).isTrue();
        assertThat(openAt(s, "2026-11-29T23:59:00Z")).isTrue();
        assertThat(s.hours().byDay()).hasSize(7);
    }

    static Stream<Arguments> randomSchedules() {
        Random random = new Random(20261124);
        List<String> zones = List.of("Europe/London", "America/Chicago", "Australia/Melbourne", "Asia/Kolkata");
        return Stream.generate(() -> {
            DayOfWeek day = DayOfWeek.of(1 + random.nextInt(7));
            LocalTime opens = LocalTime.of(random.nextInt(24), random.nextInt(4) * 15);
            LocalTime closes = LocalTime.of(random.nextInt(24), random.nextInt(4) * 15);
            Instant at = Instant.parse("2026-01-05T00:00:00Z").plusSeconds(60L * random.nextInt(60 * 24 * 365));
            return Arguments.of(zones.get(random.nextInt(zones.size())), day, opens, closes, at);
        }).limit(300);
    }

    /** The week-minute model agrees with plain calendar arithmetic on the local date and time. */
    @ParameterizedTest
    @MethodSource("randomSchedules")
    void agreesWithCalendarArithmetic(String zone, DayOfWeek day, LocalTime opens, LocalTime closes, Instant at) {
        SupportService s = service(zone, day.name().substring(0, 2), opens.toString(), closes.toString());
        ZonedDateTime local = at.atZone(ZoneId.of(zone));
        boolean expected;
        LocalTime now = local.toLocalTime().withSecond(0).withNano(0);
        if (closes.isAfter(opens)) {
            expected = local.getDayOfWeek() == day && !now.isBefore(opens) && now.isBefore(closes);
        }
        else {
            expected = (local.getDayOfWeek() == day && !now.isBefore(opens))
                    || (local.getDayOfWeek() == day.plus(1) && now.isBefore(closes));
        }
        assertThat(s.hours().openAt(at, ZoneId.of(zone))).isEqualTo(expected);
    }
}
