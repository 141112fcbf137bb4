package org.counterspace.checkin;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's trend report over a period, as the trends and summary pages show it. */
@Component
class TrendReports {

    private final JdbcClient jdbc;

    private final CheckInService checkins;

    TrendReports(JdbcClient jdbc, CheckInService checkins) {
        this.jdbc = jdbc;
        this.checkins = checkins;
    }

    TrendReport report(UUID accountId, LocalDate from, LocalDate to) {
        return TrendReport.of(entries(accountId, from, to), checkins.environmentsById(accountId), from, to);
    }

    /**
     * The period's check-ins as the trend calculations need them: one row per check-in and environment,
     * read with plain JDBC. A year is about a thousand rows, and mapping them through the ORM was a
     * large share of the trends page's time.
     */
    private List<TrendCalculator.Entry> entries(UUID accountId, LocalDate from, LocalDate to) {
        Map<UUID, TrendCalculator.Entry> entries = new LinkedHashMap<>();
        jdbc.sql(TREND_ROWS).params(accountId, from, to).query(row -> {
            UUID id = row.getObject(1, UUID.class);
            TrendCalculator.Entry entry = entries.get(id);
            if (entry == null) {
                entry = new TrendCalculator.Entry(row.getObject(2, LocalDate.class), row.getInt(3), row.getInt(4),
                        new HashSet<>());
                entries.put(id, entry);
            }
            UUID environment = row.getObject(5, UUID.class);
            if (environment != null) {
                entry.environmentIds().add(environment);
            }
        });
        return List.copyOf(entries.values());
    }

    private static final String TREND_ROWS = """
            select c.id, c.entry_date, c.mood, c.home_pull, e.counter_environment_id
            from check_in c left join check_in_environment e on e.check_in_id = c.id
            where c.account_id = ? and c.entry_date between ? and ?
            order by c.entry_date, c.recorded_at""";
}
