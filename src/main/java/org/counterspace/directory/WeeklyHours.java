package org.counterspace.directory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A service's weekly openings as intervals of "minutes since Monday 00:00" in the service's own
 * time zone. An opening that runs past midnight simply ends on the next day; one that runs past
 * Sunday midnight ends after {@link #WEEK} and wraps to Monday.
 */
public record WeeklyHours(List<Interval> intervals) {

    public static final int DAY = 24 * 60;

    public static final int WEEK = 7 * DAY;

    /** [start, end) in minutes since Monday 00:00; end may exceed {@link #WEEK}. */
    public record Interval(DayOfWeek day, LocalTime opens, LocalTime closes, int start, int end) {
    }

    public static WeeklyHours of(Collection<Schedule> schedules) {
        List<Interval> intervals = new ArrayList<>();
        for (Schedule schedule : schedules) {
            for (DayOfWeek day : days(schedule.getByday())) {
                int opens = schedule.getOpensAt().toSecondOfDay() / 60;
                int closes = schedule.getClosesAt().toSecondOfDay() / 60;
                int length = closes > opens ? closes - opens : closes - opens + DAY;
                int start = (day.getValue() - 1) * DAY + opens;
                intervals.add(new Interval(day, schedule.getOpensAt(), schedule.getClosesAt(), start, start + length));
            }
        }
        intervals.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return new WeeklyHours(List.copyOf(intervals));
    }

    /** RFC 5545 day codes ("MO,TU,WE"); unknown codes are skipped. */
    public static List<DayOfWeek> days(String byday) {
        List<DayOfWeek> days = new ArrayList<>();
        if (byday == null) {
            return days;
        }
        for (String code : byday.split(",")) {
            DayOfWeek day = switch (code.strip().toUpperCase(Locale.ROOT)) {
                case "MO" -> DayOfWeek.MONDAY;
                case "TU" -> DayOfWeek.TUESDAY;
                case "WE" -> DayOfWeek.WEDNESDAY;
                case "TH" -> DayOfWeek.THURSDAY;
                case "FR" -> DayOfWeek.FRIDAY;
                case "SA" -> DayOfWeek.SATURDAY;
                case "SU" -> DayOfWeek.SUNDAY;
                default -> null;
            };
            if (day != null && !days.contains(day)) {
                days.add(day);
            }
        }
        return days;
    }

    public static int minuteOfWeek(ZonedDateTime local) {
        return (local.getDayOfWeek().getValue() - 1) * DAY + local.getHour() * 60 + local.getMinute();
    }

    public static int minuteOfWeek(Instant instant, ZoneId zone) {
        return minuteOfWeek(instant.atZone(zone));
    }

    public boolean isKnown() {
        return !intervals.isEmpty();
    }

    public boolean openAt(Instant instant, ZoneId zone) {
        int minute = minuteOfWeek(instant, zone);
        return intervals.stream().anyMatch(i -> contains(i, minute) || contains(i, minute + WEEK));
    }

    private static boolean contains(Interval interval, int minute) {
        return interval.start() <= minute && minute < interval.end();
    }

    /** The intervals folded into one week, inclusive bounds, as the search index stores them. */
    public List<int[]> indexRanges() {
        List<int[]> ranges = new ArrayList<>();
        for (Interval interval : intervals) {
            ranges.add(new int[] { interval.start(), Math.min(interval.end(), WEEK) - 1 });
            if (interval.end() > WEEK) {
                ranges.add(new int[] { 0, interval.end() - WEEK - 1 });
            }
        }
        return ranges;
    }

    /** {@link #indexRanges()} as text ("540-1019 1980-2459"), stored in the index for result cards. */
    public String rangesText() {
        StringBuilder text = new StringBuilder();
        for (int[] range : indexRanges()) {
            text.append(text.isEmpty() ? "" : " ").append(range[0]).append('-').append(range[1]);
        }
        return text.toString();
    }

    /** Whether ranges written by {@link #rangesText()} contain this minute of the week. */
    public static boolean rangesContain(String rangesText, int minute) {
        for (String range : rangesText.split(" ")) {
            int dash = range.indexOf('-');
            if (dash > 0 && Integer.parseInt(range, 0, dash, 10) <= minute
                    && minute <= Integer.parseInt(range, dash + 1, range.length(), 10)) {
                return true;
            }
        }
        return false;
    }

    /** Opening times per day for a page, Monday first; days without openings are absent. */
    public Map<DayOfWeek, List<Interval>> byDay() {
        Map<DayOfWeek, List<Interval>> days = new EnumMap<>(DayOfWeek.class);
        for (Interval interval : intervals) {
            days.computeIfAbsent(interval.day(), d -> new ArrayList<>()).add(interval);
        }
        return days;
    }

    /** Open around the clock every day. */
    public boolean alwaysOpen() {
        return DayOfWeek.values().length == byDay().size()
                && intervals.stream().allMatch(i -> i.end() - i.start() == DAY);
    }
}
