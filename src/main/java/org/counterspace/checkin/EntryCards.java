package org.counterspace.checkin;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.counterspace.web.PageExpressionObject;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The check-in cards of the history, a check-in's page and its delete page, written as HTML here
 * ({@code th:utext="${#entryCards.html(entries, true)}"}). A page of history holds twenty cards of
 * some twenty-five values each, and rendering them value by value in a template was half of that
 * page's work. Everything a person wrote is escaped as {@code th:text} escapes it, and every link goes
 * through the response as {@code th:href}'s do, so discreet mode is carried. The pages are in English
 * (the locale is fixed), so the labels are read once.
 */
@Component
public class EntryCards extends PageExpressionObject {

    private final ScaleTexts scale;

    private final String moodLabel;

    private final String pullLabel;

    private final String environmentsLabel;

    private final String archivedLabel;

    private final String smallWinLabel;

    private final String toDiscussLabel;

    private final String editLabel;

    private final String deleteLabel;

    EntryCards(MessageSource messages, ScaleTexts scale) {
        super("entryCards");
        this.scale = scale;
        this.moodLabel = message(messages, "checkin.entry.mood");
        this.pullLabel = message(messages, "checkin.entry.pull");
        this.environmentsLabel = message(messages, "checkin.entry.environments");
        this.archivedLabel = message(messages, "checkin.entry.archived");
        this.smallWinLabel = message(messages, "checkin.entry.smallWin");
        this.toDiscussLabel = message(messages, "checkin.entry.toDiscuss");
        this.editLabel = message(messages, "checkin.entry.edit");
        this.deleteLabel = message(messages, "checkin.entry.delete");
    }

    private static String message(MessageSource messages, String code) {
        return escape(messages.getMessage(code, null, Locale.ENGLISH));
    }

    @Override
    protected Object forPage(Page page) {
        return new ForPage(page::link);
    }

    /** {@code #entryCards} in a template: cards whose links are this page's. */
    public final class ForPage {

        private final UnaryOperator<String> link;

        ForPage(UnaryOperator<String> link) {
            this.link = link;
        }

        /** The cards, one {@code article} each; {@code actions}: the day links to the check-in, with edit and delete. */
        public String html(List<CheckInView> entries, boolean actions) {
            return EntryCards.this.html(entries, actions, link);
        }
    }

    /** {@code link}: an app path ("/checkins/…") as the page links to it. */
    String html(List<CheckInView> entries, boolean actions, UnaryOperator<String> link) {
        StringBuilder html = new StringBuilder(entries.size() * 900);
        for (CheckInView entry : entries) {
            card(html, entry, actions, link);
        }
        return html.toString();
    }

    private void card(StringBuilder html, CheckInView entry, boolean actions, UnaryOperator<String> link) {
        String path = "/checkins/" + entry.id();
        html.append("<article class=\"card entry\">\n  <h2 class=\"entry-heading\">");
        if (actions) {
            html.append("<a href=\"").append(escape(link.apply(path))).append("\">").append(escape(entry.dayText())).append("</a>");
        }
        else {
            html.append("<span>").append(escape(entry.dayText())).append("</span>");
        }
        html.append("</h2>\n  <dl class=\"entry-facts\">\n    <div><dt>").append(moodLabel).append("</dt><dd>")
            .append(escape(scale.mood(entry.mood()))).append("</dd></div>\n    <div><dt>").append(pullLabel)
            .append("</dt><dd>").append(escape(scale.pull(entry.homePull()))).append("</dd></div>\n  </dl>\n");
        if (!entry.environments().isEmpty()) {
            html.append("  <ul class=\"chip-list\" aria-label=\"").append(environmentsLabel).append("\">\n");
            for (CounterEnvironment environment : entry.environments()) {
                html.append("    <li class=\"chip\"><span>").append(escape(environment.getName())).append("</span>");
                if (environment.isArchived()) {
                    html.append("<span class=\"chip-note\">").append(archivedLabel).append("</span>");
                }
                html.append("</li>\n");
            }
            html.append("  </ul>\n");
        }
        if (StringUtils.hasText(entry.smallWin())) {
            html.append("  <p><strong>").append(smallWinLabel).append("</strong> <span>").append(escape(entry.smallWin()))
                .append("</span></p>\n");
        }
        if (StringUtils.hasText(entry.note())) {
            html.append("  <p class=\"entry-note\">").append(escape(entry.note())).append("</p>\n");
        }
        if (entry.toDiscuss()) {
            html.append("  <p class=\"tag\">").append(toDiscussLabel).append("</p>\n");
        }
        if (actions) {
            html.append("  <p class=\"entry-actions no-print\">\n    <a href=\"").append(escape(link.apply(path + "/edit")))
                .append("\">").append(editLabel).append("</a>\n    <a href=\"").append(escape(link.apply(path + "/delete")))
                .append("\">").append(deleteLabel).append("</a>\n  </p>\n");
        }
        html.append("</article>\n");
    }
}
