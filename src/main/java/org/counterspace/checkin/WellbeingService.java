package org.counterspace.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The optional fortnightly WHO-5 check. */
@Service
@Transactional(readOnly = true)
class WellbeingService {

    private final WellbeingCheckRepository checks;

    private final Clock clock = Clock.systemUTC();

    WellbeingService(WellbeingCheckRepository checks) {
        this.checks = checks;
    }

    @Transactional
    WellbeingCheck record(UUID accountId, LocalDate today, List<Integer> answers) {
        return checks.save(new WellbeingCheck(accountId, today, clock.instant(), answers));
    }

    boolean isDue(UUID accountId, LocalDate today) {
        return status(accountId, today).due();
    }

    /** Whether a check is due and whether the latest score is low, from one read of the latest check. */
    Status status(UUID accountId, LocalDate today) {
        Optional<WellbeingCheck> latest = checks.findFirstByAccountIdOrderByDayDescRecordedAtDesc(accountId);
        return new Status(Who5.isDue(latest.map(WellbeingCheck::getDay).orElse(null), today),
                latest.map(c -> Who5.isLow(c.getScore())).orElse(false));
    }

    record Status(boolean due, boolean low) {
    }

    /** Every result, newest first, each with its change from the one before. */
    List<Result> history(UUID accountId) {
        List<Result> results = new ArrayList<>();
        Integer previous = null;
        for (WellbeingCheck check : checks.findByAccountIdOrderByDayAscRecordedAtAsc(accountId)) {
            Integer change = previous == null ? null : check.getScore() - previous;
            results.add(0, new Result(check.getDay(), check.getScore(), change,
                    previous != null && Who5.isMeaningfulChange(previous, check.getScore())));
            previous = check.getScore();
        }
        return results;
    }

    record Result(LocalDate day, int score, Integer change, boolean meaningful) {
    }

    @Transactional
    void eraseAll(UUID accountId) {
        checks.deleteAllOf(accountId);
    }
}
