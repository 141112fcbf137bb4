package org.counterspace.checkin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Today's state of the journal for other features, read in one transaction. */
@Service
@Transactional(readOnly = true)
class CheckInTodayService implements CheckInToday {

    private final CheckInService checkins;

    private final WellbeingService wellbeing;

    CheckInTodayService(CheckInService checkins, WellbeingService wellbeing) {
        this.checkins = checkins;
        this.wellbeing = wellbeing;
    }

    @Override
    public Today today(UUID accountId, ZoneId zone) {
        LocalDate day = LocalDate.now(zone);
        return new Today(day, checkins.checkedInOn(accountId, day), checkins.accumulated(accountId, day),
                wellbeing.isDue(accountId, day));
    }
}
