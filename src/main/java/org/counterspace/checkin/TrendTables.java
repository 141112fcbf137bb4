package org.counterspace.checkin;

import java.text.MessageFormat;
import java.util.Locale;

import org.counterspace.checkin.TrendCalculator.Comparison;
import org.counterspace.web.PageExpressionObject;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The rows of the "what helps" table on the trends and summary pages, written as HTML here
 * ({@code th:utext="${#trendTables.helpsRows(report)}"}). Each of a row's four cells was a message
 * with a choice of "day" or "days", formatted on a fresh copy of its format, inside an expression
 * evaluated cell by cell; here the format is made once for the page. The counter-environment's name
 * is escaped as {@code th:text} escapes it. The pages are in English (the locale is fixed), so the
 * messages are read once.
 */
@Component
public class TrendTables extends PageExpressionObject {

    private final String figurePattern;

    private final String noDays;

    TrendTables(MessageSource messages) {
        super("trendTables");
        // without arguments the message comes back as written, the pattern MessageFormat reads
        this.figurePattern = messages.getMessage("checkin.trends.figure", null, Locale.ENGLISH);
        this.noDays = escape(messages.getMessage("checkin.trends.noDays", null, Locale.ENGLISH));
    }

    @Override
    protected Object forPage(Page page) {
        return new ForPage();
    }

    /** {@code #trendTables} in a template. */
    public final class ForPage {

        /** Made for this page alone: a MessageFormat may not be shared between threads. */
        private final MessageFormat figure = new MessageFormat(figurePattern, Locale.ENGLISH);

        /** One row for each counter-environment: its name, then mood and home pull with it and without. */
        public String helpsRows(TrendReport report) {
            StringBuilder rows = new StringBuilder(report.helps().size() * 200);
            for (TrendReport.Helps helps : report.helps()) {
                Comparison figures = helps.figures();
                rows.append("<tr><th scope=\"row\">").append(escape(helps.environment().getName())).append("</th>");
                cell(rows, report, figures.moodWith(), figures.daysWith());
                cell(rows, report, figures.moodWithout(), figures.daysWithout());
                cell(rows, report, figures.pullWith(), figures.daysWith());
                cell(rows, report, figures.pullWithout(), figures.daysWithout());
                rows.append("</tr>\n");
            }
            return rows.toString();
        }

        /** A mean with the number of days behind it, or that there were no such days. */
        private void cell(StringBuilder rows, TrendReport report, Double mean, int days) {
            rows.append("<td>")
                .append(mean == null ? noDays : escape(figure.format(new Object[] { report.figure(mean), days })))
                .append("</td>");
        }
    }
}
