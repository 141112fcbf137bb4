package org.counterspace.checkin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.counterspace.checkin.TrendCalculator.Comparison;
import org.counterspace.checkin.TrendCalculator.DailyPoint;
import org.counterspace.checkin.TrendCalculator.Entry;
import org.counterspace.checkin.TrendCalculator.Overall;
import org.springframework.web.util.HtmlUtils;

/** Everything the trends page and the session summary show for one period. */
public record TrendReport(LocalDate from, LocalDate to, List<DailyPoint> daily, Overall overall, List<Helps> helps,
        TrendChart moodChart, TrendChart pullChart) {

    /** A "what helps" row with the environment's current name. */
    public record Helps(CounterEnvironment environment, Comparison figures) {
    }

    static TrendReport of(List<Entry> entries, Map<UUID, CounterEnvironment> environments, LocalDate from, LocalDate to) {
        TrendCalculator.Summary summary = TrendCalculator.summarise(entries, List.copyOf(environments.keySet()));
        List<DailyPoint> daily = summary.daily();
        List<Helps> helps = summary.helps().stream().map(c -> new Helps(environments.get(c.environmentId()), c)).toList();
        return new TrendReport(from, to, daily, summary.overall(), helps,
                TrendChart.of(daily, from, to, DailyPoint::mood, DailyPoint::moodAverage, Scale.MOOD, 1),
                TrendChart.of(daily, from, to, DailyPoint::homePull, DailyPoint::homePullAverage, Scale.HOME_PULL, 2));
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /**
     * The rows of the data table, newest day first, as HTML. A year of rows is too many to format
     * and render cell by cell in the template; the cells hold only dates and numbers, escaped anyway.
     */
    public String tableRows() {
        StringBuilder markup = new StringBuilder(daily.size() * 120);
        for (int i = daily.size() - 1; i >= 0; i--) {
            DailyPoint p = daily.get(i);
            markup.append("<tr><th scope=\"row\">").append(HtmlUtils.htmlEscape(DAY.format(p.day()))).append("</th>");
            cell(markup, Integer.toString(p.checkIns()));
            cell(markup, oneDecimal(p.mood()));
            cell(markup, oneDecimal(p.moodAverage()));
            cell(markup, oneDecimal(p.homePull()));
            cell(markup, oneDecimal(p.homePullAverage()));
            markup.append("</tr>\n");
        }
        return markup.toString();
    }

    private static void cell(StringBuilder markup, String text) {
        markup.append("<td>").append(text).append("</td>");
    }

    /** A mean as the pages show it, the table's way: one decimal place, halves rounded up. */
    public String figure(Double value) {
        return value == null ? "" : oneDecimal(value);
    }

    static String oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
