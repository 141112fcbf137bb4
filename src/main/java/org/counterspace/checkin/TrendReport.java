package org.counterspace.checkin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.counterspace.checkin.TrendCalculator.Comparison;
import org.counterspace.checkin.TrendCalculator.DailyPoint;
import org.counterspace.checkin.TrendCalculator.Entry;
import org.counterspace.checkin.TrendCalculator.Overall;

/** Everything the trends page and the session summary show for one period. */
record TrendReport(LocalDate from, LocalDate to, List<DailyPoint> daily, Overall overall, List<Helps> helps,
        TrendChart moodChart, TrendChart pullChart) {

    /** A "what helps" row with the environment's current name. */
    record Helps(CounterEnvironment environment, Comparison figures) {
    }

    static TrendReport of(List<CheckIn> checkIns, Map<UUID, CounterEnvironment> environments, LocalDate from, LocalDate to) {
        List<Entry> entries = checkIns.stream()
            .map(c -> new Entry(c.getDay(), c.getMood(), c.getHomePull(), c.getEnvironmentIds()))
            .toList();
        List<DailyPoint> daily = TrendCalculator.daily(entries);
        List<Helps> helps = TrendCalculator.whatHelps(entries, List.copyOf(environments.keySet())).stream()
            .map(c -> new Helps(environments.get(c.environmentId()), c))
            .toList();
        return new TrendReport(from, to, daily, TrendCalculator.overall(entries), helps,
                TrendChart.of(daily, from, to, DailyPoint::mood, DailyPoint::moodAverage, 1, 5, 1),
                TrendChart.of(daily, from, to, DailyPoint::homePull, DailyPoint::homePullAverage, 0, 10, 2));
    }

    /** Newest day first, for the data tables. */
    public List<DailyPoint> dailyNewestFirst() {
        List<DailyPoint> newestFirst = new ArrayList<>(daily);
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
