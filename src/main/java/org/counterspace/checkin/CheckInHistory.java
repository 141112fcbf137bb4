package org.counterspace.checkin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history list: a page of a person's check-ins, newest first, read with plain JDBC (the page's
 * check-ins with their environments in one query). Loading them as entities, their environment sets
 * in a second query, was a fifth of the page's time.
 */
@Component
class CheckInHistory {

    static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;

    private final CheckInService checkins;

    CheckInHistory(JdbcClient jdbc, CheckInService checkins) {
        this.jdbc = jdbc;
        this.checkins = checkins;
    }

    /** A page of history with the person's environments, read in one transaction. */
    @Transactional(readOnly = true)
    HistoryPage page(UUID accountId, HistoryFilter filter, int page) {
        Map<UUID, CounterEnvironment> environments = checkins.environmentsById(accountId);
        PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
        LocalDate from = filter.from() == null ? CheckInService.EARLIEST : filter.from();
        LocalDate to = filter.to() == null ? CheckInService.LATEST : filter.to();
        UUID environment = filter.environment();
        List<CheckInView> entries = entries(accountId, from, to, environment, request, environments);
        Page<CheckInView> views = PageableExecutionUtils.getPage(entries, request,
                () -> count(accountId, from, to, environment));
        // Unfiltered, the first page starts with the latest check-in: no need to ask for it again.
        boolean latestHard = !filter.active() && request.getPageNumber() == 0
                ? entries.stream().findFirst().map(CheckInView::hardDay).orElse(false)
                : latestWasHardDay(accountId);
        return new HistoryPage(List.copyOf(environments.values()), views, latestHard);
    }

    record HistoryPage(List<CounterEnvironment> environments, Page<CheckInView> entries, boolean latestWasHardDay) {
    }

    /** One row per check-in and environment, the check-ins of the page in order. */
    private List<CheckInView> entries(UUID accountId, LocalDate from, LocalDate to, UUID environment,
            PageRequest request, Map<UUID, CounterEnvironment> environments) {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        List<Object> params = new ArrayList<>(List.of(accountId, from, to));
        if (environment != null) {
            params.add(environment);
        }
        params.add(request.getOffset());
        params.add(request.getPageSize());
        jdbc.sql(PAGE_ROWS.formatted(environment == null ? "" : WITH_ENVIRONMENT)).params(params).query(result -> {
            UUID id = result.getObject(1, UUID.class);
            Row row = rows.get(id);
            if (row == null) {
                row = new Row(id, result.getObject(2, LocalDate.class), result.getInt(3), result.getInt(4),
                        result.getString(5), result.getString(6), result.getBoolean(7), new ArrayList<>());
                rows.put(id, row);
            }
            UUID used = result.getObject(8, UUID.class);
            if (used != null) {
                row.environmentIds().add(used);
            }
        });
        return rows.values().stream()
            .map(row -> CheckInView.of(row.id(), row.day(), row.mood(), row.homePull(), row.smallWin(), row.note(),
                    row.toDiscuss(), row.environmentIds(), environments))
            .toList();
    }

    private record Row(UUID id, LocalDate day, int mood, int homePull, String smallWin, String note,
            boolean toDiscuss, List<UUID> environmentIds) {
    }

    private long count(UUID accountId, LocalDate from, LocalDate to, UUID environment) {
        List<Object> params = new ArrayList<>(List.of(accountId, from, to));
        if (environment != null) {
            params.add(environment);
        }
        return jdbc.sql(COUNT.formatted(environment == null ? "" : WITH_ENVIRONMENT)).params(params)
            .query(Long.class).single();
    }

    /** Whether the latest check-in was a very hard day (for the gentle support panel). */
    private boolean latestWasHardDay(UUID accountId) {
        return jdbc.sql(LATEST_MOOD_AND_PULL).param(accountId)
            .query((result, n) -> new Mood(result.getInt(1)).isHardDayWith(new HomePull(result.getInt(2))))
            .optional().orElse(false);
    }

    private static final String WITH_ENVIRONMENT = """
             and exists (select 1 from check_in_environment f
                         where f.check_in_id = check_in.id and f.counter_environment_id = ?)""";

    /** Newest first; the id last, so that check-ins recorded at the same moment keep their place across pages. */
    private static final String PAGE_ROWS = """
            select c.id, c.entry_date, c.mood, c.home_pull, c.small_win, c.note, c.to_discuss, e.counter_environment_id
            from (select id, entry_date, recorded_at, mood, home_pull, small_win, note, to_discuss from check_in
                  where account_id = ? and entry_date between ? and ?%s
                  order by entry_date desc, recorded_at desc, id desc offset ? rows fetch next ? rows only) c
            left join check_in_environment e on e.check_in_id = c.id
            order by c.entry_date desc, c.recorded_at desc, c.id desc""";

    private static final String COUNT = """
            select count(*) from check_in where account_id = ? and entry_date between ? and ?%s""";

    private static final String LATEST_MOOD_AND_PULL = """
            select mood, home_pull from check_in where account_id = ?
            order by entry_date desc, recorded_at desc, id desc fetch first 1 rows only""";
}
