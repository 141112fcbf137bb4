package org.counterspace.checkin;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The two check-in questions answered with a whole number. Every way an answer comes in (the form,
 * a CSV import, the home pull chosen for a Daylio import) reads it through {@link #read}, so all of
 * them accept the same values; the database checks the same ranges (migration V20).
 */
enum Scale {

    /** How a person felt: 1 (Very low) to 5 (Very good). */
    MOOD(1, 5),

    /** How hard home pulled them back into old patterns: 0 (not at all) to 10 (very hard). */
    HOME_PULL(0, 10);

    private final int lowest;

    private final int highest;

    private final List<Integer> choices;

    Scale(int lowest, int highest) {
        this.lowest = lowest;
        this.highest = highest;
        this.choices = IntStream.rangeClosed(lowest, highest).boxed().toList();
    }

    int lowest() {
        return lowest;
    }

    int highest() {
        return highest;
    }

    /** Every value, lowest first: the choices a form offers. */
    List<Integer> choices() {
        return choices;
    }

    boolean contains(int value) {
        return value >= lowest && value <= highest;
    }

    /** The value a text gives, if it is a whole number on this scale (outer spaces ignored). */
    Optional<Integer> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(text.strip());
            return contains(value) ? Optional.of(value) : Optional.empty();
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    int require(int value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(this + " runs from " + lowest + " to " + highest + ", not " + value);
        }
        return value;
    }
}
