package org.counterspace.checkin;

import java.util.List;
import java.util.Optional;

/**
 * How a person felt, on {@link Scale#MOOD}. Pages show each value with its word from
 * messages.properties ({@code checkin.mood.1} to {@code checkin.mood.5}); the exports write
 * {@link #fileLabel()} beside the number.
 */
record Mood(int value) {

    /** The words the CSV and JSON exports write: part of the file format (docs/checkins.md), whatever the page language. */
    private static final List<String> FILE_LABELS = List.of("Very low", "Low", "Okay", "Good", "Very good");

    Mood {
        Scale.MOOD.require(value);
    }

    static Optional<Mood> read(String text) {
        return Scale.MOOD.read(text).map(Mood::new);
    }

    String fileLabel() {
        return FILE_LABELS.get(value - Scale.MOOD.lowest());
    }

    boolean isLowest() {
        return value == Scale.MOOD.lowest();
    }

    /**
     * Whether this mood with that home pull makes the hardest kind of day, after which the gentle
     * support panel shows: the lowest mood, with home pulling very hard.
     */
    boolean isHardDayWith(HomePull pull) {
        return isLowest() && pull.isVeryHard();
    }
}
