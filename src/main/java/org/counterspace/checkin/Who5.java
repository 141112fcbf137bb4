package org.counterspace.checkin;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Scoring of the WHO-5 Well-Being Index (WHO Collaborating Centre in Mental Health, 1998): five
 * items about the last two weeks, each answered 0 ("At no time") to 5 ("All of the time"); the raw
 * sum (0–25) times 4 gives a score from 0 to 100. A change of 10 points is the index's own
 * threshold for a meaningful change.
 */
final class Who5 {

    static final int ITEMS = 5;

    static final int MAX_ANSWER = 5;

    /** Offered again once this many days have passed since the last one. */
    static final int INTERVAL_DAYS = 14;

    /** At or below this score the gentle support panel is shown. */
    static final int LOW_SCORE = 28;

    static final int MEANINGFUL_CHANGE = 10;

    private Who5() {
    }

    static int score(List<Integer> answers) {
        if (answers.size() != ITEMS) {
            throw new IllegalArgumentException("WHO-5 has " + ITEMS + " items");
        }
        int raw = 0;
        for (Integer answer : answers) {
            if (answer == null || answer < 0 || answer > MAX_ANSWER) {
                throw new IllegalArgumentException("answers run from 0 to " + MAX_ANSWER);
            }
            raw += answer;
        }
        return raw * 4;
    }

    static boolean isLow(int score) {
        return score <= LOW_SCORE;
    }

    static boolean isMeaningfulChange(int previous, int current) {
        return Math.abs(current - previous) >= MEANINGFUL_CHANGE;
    }

    /** Due when never taken, or when at least 14 days have passed since the last one. */
    static boolean isDue(LocalDate last, LocalDate today) {
        return last == null || ChronoUnit.DAYS.between(last, today) >= INTERVAL_DAYS;
    }
}
