package org.counterspace.checkin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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

    static TrendReport of(List<Entry> entries, Map<UUID, CounterEnvironment> environments, LocalDate from, LocalDate to) {
        List<DailyPoint> daily = TrendCalculator.daily(entries);
        List<Helps> helps = TrendCalculator.whatHelps(entries, List.copyOf(environments.keySet())).stream()
            .map(c -> new Helps(environments.get(c.environmentId()), c))
            .toList();
        return new TrendReport(from, to, daily, TrendCalculator.overall(entries), helps,
                TrendChart.of(daily, from, to, DailyPoint::mood, DailyPoint::moodAverage, 1, 5, 1),
                TrendChart.of(daily, from, to, DailyPoint::homePull, DailyPoint::homePullAverage, 0, 10, 2));
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** A row of the data table, formatted once here: a year of rows is too many for per-cell formatting in the template. */
    record TableRow(String day, int checkIns, String mood, String moodAverage, String homePull, String homePullAverage) {
    }

    /** Newest day first, for the data tables. */
    public List<TableRow> table() {
        List<TableRow> rows = new ArrayList<>(daily.size());
        for (DailyPoint p : daily) {
            rows.add(new TableRow(DAY.format(p.day()), p.checkIns(), oneDecimal(p.mood()), oneDecimal(p.moodAverage()),
                    oneDecimal(p.homePull()), oneDecimal(p.homePullAverage())));
        }
        Collections.reverse(rows);
        return rows;
    }

    static String oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
