package org.counterspace.checkin;

import java.util.Optional;

/** How hard home pulled a person back into old patterns that day, on {@link Scale#HOME_PULL}. */
record HomePull(int value) {

    /** From this value up home pulled very hard; with the lowest mood that is a hard day ({@link Mood#isHardDayWith}). */
    static final int VERY_HARD = 9;

    HomePull {
        Scale.HOME_PULL.require(value);
    }

    static Optional<HomePull> read(String text) {
        return Scale.HOME_PULL.read(text).map(HomePull::new);
    }

    boolean isVeryHard() {
        return value >= VERY_HARD;
    }
}
