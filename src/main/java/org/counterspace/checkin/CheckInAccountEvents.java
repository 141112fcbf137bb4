package org.counterspace.checkin;

import org.counterspace.account.AccountDeleted;
import org.counterspace.account.AccountRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Runs inside the account's own transaction, so registration and erasure commit or fail as one. */
@Component
class CheckInAccountEvents {

    private final CheckInService checkins;

    private final WellbeingService wellbeing;

    private final SummaryService summaries;

    CheckInAccountEvents(CheckInService checkins, WellbeingService wellbeing, SummaryService summaries) {
        this.checkins = checkins;
        this.wellbeing = wellbeing;
        this.summaries = summaries;
    }

    @EventListener
    void on(AccountRegistered registered) {
        checkins.seed(registered.accountId());
    }

    @EventListener
    void on(AccountDeleted deleted) {
        summaries.eraseAll(deleted.accountId());
        wellbeing.eraseAll(deleted.accountId());
        checkins.eraseAll(deleted.accountId());
    }
}
