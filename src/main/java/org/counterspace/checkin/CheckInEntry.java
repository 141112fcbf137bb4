package org.counterspace.checkin;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** The validated content of a check-in, as the service stores it (blank texts already null). */
record CheckInEntry(LocalDate day, Mood mood, HomePull homePull, String smallWin, String note, boolean toDiscuss,
        Set<UUID> environmentIds) {

    CheckInEntry {
        environmentIds = Set.copyOf(environmentIds);
    }
}
