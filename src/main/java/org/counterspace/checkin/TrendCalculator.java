package org.counterspace.checkin;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The arithmetic behind the trends page and the session summary, free of Spring and the database.
 *
 * <ul>
 * <li><b>Daily mean</b>: a day with several check-ins counts once, with the mean of its moods and
 * of its home pulls. Days without check-ins have no value (a gap, never a zero).</li>
 * <li><b>7-day rolling average</b> on a day D with check-ins: the mean of the daily means of the
 * days that have check-ins within the trailing 7 calendar days D-6 … D. Gaps are skipped, not
 * counted as zeros, so after a quiet week the average starts again from the days that exist.</li>
 * <li><b>What helps</b>: for each counter-environment, the days with check-ins split into days
 * where at least one check-in named it and days where none did; for each side, the number of days
 * and the mean of those days' daily means.</li>
 * </ul>
 */
final class TrendCalculator {

    static final int WINDOW_DAYS = 7;

    private TrendCalculator() {
    }

    /** One check-in as the calculations need it. */
    record Entry(LocalDate day, int mood, int homePull, Set<UUID> environmentIds) {
    }

    /** A day with check-ins: how many, their mean mood and pull, and the 7-day rolling averages ending that day. */
    public record DailyPoint(LocalDate day, int checkIns, double mood, double homePull, double moodAverage,
            double homePullAverage) {
    }

    /** Days with and without one counter-environment. Means are null where there are no days. */
    public record Comparison(UUID environmentId, int daysWith, Double moodWith, Double pullWith, int daysWithout,
            Double moodWithout, Double pullWithout) {
    }

    /** Mean of all daily means over the period (null when there are no days). */
    public record Overall(int days, int checkIns, Double mood, Double homePull) {
    }

    /** Daily points, overall figures and "what helps", grouping the entries by day once for all three. */
    record Summary(List<DailyPoint> daily, Overall overall, List<Comparison> helps) {
    }

    /** {@code helps}: one comparison per environment in the given order, leaving out those never used. */
    static Summary summarise(Collection<Entry> entries, List<UUID> environmentIds) {
        List<Day> days = days(entries);
        return new Summary(dailyOf(days), overallOf(days, entries.size()), whatHelpsOf(days, environmentIds));
    }

    private static List<DailyPoint> dailyOf(List<Day> days) {
        List<DailyPoint> points = new ArrayList<>(days.size());
        Deque<Day> window = new ArrayDeque<>();
        double moodSum = 0;
        double pullSum = 0;
        for (Day day : days) {
            window.addLast(day);
            moodSum += day.mood();
            pullSum += day.pull();
            LocalDate oldest = day.date().minusDays(WINDOW_DAYS - 1);
            while (window.peekFirst().date().isBefore(oldest)) {
                Day gone = window.removeFirst();
                moodSum -= gone.mood();
                pullSum -= gone.pull();
            }
            points.add(new DailyPoint(day.date(), day.checkIns(), day.mood(), day.pull(), moodSum / window.size(),
                    pullSum / window.size()));
        }
        return points;
    }

    private static Overall overallOf(List<Day> days, int checkIns) {
        if (days.isEmpty()) {
            return new Overall(0, 0, null, null);
        }
        return new Overall(days.size(), checkIns, days.stream().mapToDouble(Day::mood).average().orElseThrow(),
                days.stream().mapToDouble(Day::pull).average().orElseThrow());
    }

    private static List<Comparison> whatHelpsOf(List<Day> days, List<UUID> environmentIds) {
        List<Comparison> comparisons = new ArrayList<>();
        for (UUID environment : environmentIds) {
            Mean withMood = new Mean();
            Mean withPull = new Mean();
            Mean withoutMood = new Mean();
            Mean withoutPull = new Mean();
            for (Day day : days) {
                if (day.environments().contains(environment)) {
                    withMood.add(day.mood());
                    withPull.add(day.pull());
                }
                else {
                    withoutMood.add(day.mood());
                    withoutPull.add(day.pull());
                }
            }
            if (withMood.count > 0) {
                comparisons.add(new Comparison(environment, withMood.count, withMood.value(), withPull.value(),
                        withoutMood.count, withoutMood.value(), withoutPull.value()));
            }
        }
        return comparisons;
    }

    private record Day(LocalDate date, int checkIns, double mood, double pull, Set<UUID> environments) {
    }

    private static List<Day> days(Collection<Entry> entries) {
        Map<LocalDate, List<Entry>> byDay = new TreeMap<>();
        for (Entry entry : entries) {
            byDay.computeIfAbsent(entry.day(), d -> new ArrayList<>()).add(entry);
        }
        List<Day> days = new ArrayList<>(byDay.size());
        byDay.forEach((date, list) -> {
            Set<UUID> environments = new HashSet<>();
            long moodSum = 0;
            long pullSum = 0;
            for (Entry entry : list) {
                environments.addAll(entry.environmentIds());
                moodSum += entry.mood();
                pullSum += entry.homePull();
            }
            days.add(new Day(date, list.size(), (double) moodSum / list.size(), (double) pullSum / list.size(), environments));
        });
        return days;
    }

    private static final class Mean {

        private double sum;

        private int count;

        void add(double value) {
            sum += value;
            count++;
        }

        Double value() {
            return count == 0 ? null : sum / count;
        }
    }
}
