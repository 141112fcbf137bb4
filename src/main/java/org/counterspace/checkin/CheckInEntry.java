package org.counterspace.checkin;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The validated content of a check-in, as the service stores it. Texts are stripped, and blank ones are
 * null, whether they came from the form or an import, so a note of spaces is no note anywhere.
 */
record CheckInEntry(LocalDate day, Mood mood, HomePull homePull, String smallWin, String note, boolean toDiscuss,
        Set<UUID> environmentIds) {

    CheckInEntry {
        smallWin = text(smallWin);
        note = text(note);
        environmentIds = Set.copyOf(environmentIds);
    }

    /** A text as it is kept: stripped, or null when there is nothing but white space. */
    static String text(String written) {
        return written == null || written.isBlank() ? null : written.strip();
    }
}
