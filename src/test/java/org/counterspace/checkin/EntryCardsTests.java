package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class EntryCardsTests {

    private final EntryCards cards;

    EntryCardsTests() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        cards = new EntryCards(messages, new ScaleTexts(messages));
    }

    @Test
    void linksAreTheAppPathsAsThePageLinksToThemAndEscaped() {
        UUID id = UUID.randomUUID();
        CheckInView entry = CheckInView.of(id, LocalDate.of(2026, 12, 7), 3, 4, null, null, false, List.of(), Map.of());

        String html = cards.html(List.of(entry), true, path -> "/ctx" + path + "?a=1&b=2");

        assertThat(html).contains("<a href=\"/ctx/checkins/" + id + "?a=1&amp;b=2\">Monday 7 December 2026</a>",
                "<a href=\"/ctx/checkins/" + id + "/edit?a=1&amp;b=2\">Edit</a>",
                "<a href=\"/ctx/checkins/" + id + "/delete?a=1&amp;b=2\">Delete</a>", "<dd>3 \u00b7 Okay</dd>",
                "<dd>4 of 10</dd>")
            .doesNotContain("chip-list", "entry-note", "class=\"tag\"");
    }

    @Test
    void withoutActionsTheDayIsPlainTextAndNothingLinks() {
        CheckInView entry = CheckInView.of(UUID.randomUUID(), LocalDate.of(2026, 12, 6), 1, 10, " ", "  ", true, List.of(),
                Map.of());

        String html = cards.html(List.of(entry, entry), false, path -> path);

        assertThat(html).contains("<span>Sunday 6 December 2026</span>", "To talk about in my next session")
            .doesNotContain("href", "entry-note", "<strong>");
        assertThat(html.split("<article ", -1)).hasSize(3);
    }
}
