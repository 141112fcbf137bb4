package org.counterspace.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Remembers which periods went to a session, so the next summary picks up where the last one ended. */
@Service
@Transactional(readOnly = true)
class SummaryService {

    static final int DEFAULT_DAYS = 14;

    private final SessionSummaryRepository summaries;

    SummaryService(SessionSummaryRepository summaries) {
        this.summaries = summaries;
    }

    /** The day after the last marked summary ended (if that is not after today), else the last 14 days. */
    LocalDate defaultFrom(UUID accountId, LocalDate today) {
        return summaries.findFirstByAccountIdOrderByPeriodToDesc(accountId)
            .map(s -> s.getPeriodTo().plusDays(1))
            .filter(day -> !day.isAfter(today))
            .orElse(today.minusDays(DEFAULT_DAYS - 1L));
    }

    @Transactional
    void mark(UUID accountId, LocalDate from, LocalDate to) {
        summaries.save(new SessionSummary(accountId, from, to, Instant.now()));
    }

    @Transactional
    void eraseAll(UUID accountId) {
        summaries.deleteAllOf(accountId);
    }
}
