package org.counterspace.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The optional fortnightly WHO-5 check. */
@Service
@Transactional(readOnly = true)
class WellbeingService {

    private final WellbeingCheckRepository checks;

    private final JdbcClient jdbc;

    private final Clock clock = Clock.systemUTC();

    WellbeingService(WellbeingCheckRepository checks, JdbcClient jdbc) {
        this.checks = checks;
        this.jdbc = jdbc;
    }

    @Transactional
    WellbeingCheck record(UUID accountId, LocalDate today, List<Integer> answers) {
        return checks.save(new WellbeingCheck(accountId, today, clock.instant(), answers));
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    boolean isDue(UUID accountId, LocalDate today) {
        return status(accountId, today).due();
    }

    /**
     * Whether a check is due and whether the latest score is low, from one read of the latest check's
     * day and score. Every history page and the home page ask, so it is a plain query outside a
     * transaction rather than an entity read (that was a twentieth of the history page's work).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    Status status(UUID accountId, LocalDate today) {
        return jdbc.sql(LATEST_DAY_AND_SCORE).param(accountId)
            .query((result, n) -> new Status(Who5.isDue(result.getObject(1, LocalDate.class), today),
                    Who5.isLow(result.getInt(2))))
            .optional()
            .orElseGet(() -> new Status(Who5.isDue(null, today), false));
    }

    private static final String LATEST_DAY_AND_SCORE = """
            select taken_on, score from wellbeing_check where account_id = ?
            order by taken_on desc, recorded_at desc fetch first 1 rows only""";

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
