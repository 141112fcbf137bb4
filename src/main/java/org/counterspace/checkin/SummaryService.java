package org.counterspace.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which periods went to a session, so the next summary picks up where the last one ended,
 * and gathers the summary's lists of small wins and things to discuss.
 */
@Service
@Transactional(readOnly = true)
class SummaryService {

    static final int DEFAULT_DAYS = 14;

    /** How many entries each list shows at most: the latest, which matter most for the next session. */
    static final int LIST_MAX = 100;

    private final SessionSummaryRepository summaries;

    private final CheckInRepository checkIns;

    private final CheckInService checkins;

    SummaryService(SessionSummaryRepository summaries, CheckInRepository checkIns, CheckInService checkins) {
        this.summaries = summaries;
        this.checkIns = checkIns;
        this.checkins = checkins;
    }

    /** The day after the last marked summary ended (if that is not after today), else the last 14 days. */
    LocalDate defaultFrom(UUID accountId, LocalDate today) {
        return summaries.findFirstByAccountIdOrderByPeriodToDesc(accountId)
            .map(s -> s.getPeriodTo().plusDays(1))
            .filter(day -> !day.isAfter(today))
            .orElse(today.minusDays(DEFAULT_DAYS - 1L));
    }

    /** Up to {@link #LIST_MAX} entries, oldest first, and how many the period holds in all. */
    public record Listed(List<CheckInView> entries, long total) {

        public boolean shortened() {
            return total > entries.size();
        }
    }

    record Lists(Listed wins, Listed toDiscuss) {
    }

    /** The period's latest small wins and check-ins marked "to discuss", read in one transaction. */
    Lists lists(UUID accountId, LocalDate from, LocalDate to) {
        Map<UUID, CounterEnvironment> environments = checkins.environmentsById(accountId);
        PageRequest latest = PageRequest.of(0, LIST_MAX);
        return new Lists(listed(checkIns.withSmallWin(accountId, from, to, latest), environments),
                listed(checkIns.toDiscuss(accountId, from, to, latest), environments));
    }

    private static Listed listed(Page<CheckIn> newestFirst, Map<UUID, CounterEnvironment> environments) {
        List<CheckInView> views = new ArrayList<>(newestFirst.getContent().stream().map(c -> CheckInView.of(c, environments))
            .toList());
        Collections.reverse(views);
        return new Listed(List.copyOf(views), newestFirst.getTotalElements());
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
