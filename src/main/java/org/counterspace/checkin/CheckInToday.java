package org.counterspace.checkin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Where a person's journal stands today, for the signed-in start page. */
public interface CheckInToday {

    /** Today in the person's time zone; an account without check-ins simply has nothing yet. */
    Today today(UUID accountId, ZoneId zone);

    /**
     * @param checkedIn whether any check-in is dated today
     * @param wellbeingDue whether the optional WHO-5 check is due
     */
    record Today(LocalDate day, boolean checkedIn, Accumulated accumulated, boolean wellbeingDue) {
    }
}
