package org.counterspace.checkin;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * How an answer on each scale reads on a page ("3 · Okay", "4 of 10"), worked out once from the
 * messages: a page of history shows two for each check-in, and formatting each from its message
 * every time was a tenth of the page's work. The pages are in English (the locale is fixed).
 */
@Component
public class ScaleTexts {

    private final List<String> moods;

    private final List<String> pulls;

    ScaleTexts(MessageSource messages) {
        this.moods = Scale.MOOD.choices().stream()
            .map(value -> messages.getMessage("checkin.entry.moodValue",
                    new Object[] { value, messages.getMessage("checkin.mood." + value, null, Locale.ENGLISH) },
                    Locale.ENGLISH))
            .toList();
        this.pulls = Scale.HOME_PULL.choices().stream()
            .map(value -> messages.getMessage("checkin.entry.pullValue", new Object[] { value }, Locale.ENGLISH))
            .toList();
    }

    public String mood(int value) {
        return moods.get(value - Scale.MOOD.lowest());
    }

    public String pull(int value) {
        return pulls.get(value - Scale.HOME_PULL.lowest());
    }
}
