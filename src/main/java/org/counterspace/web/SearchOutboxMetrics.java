package org.counterspace.web;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far search indexing lags behind the database when Hibernate Search coordinates instances
 * through its outbox table: {@code counterspace.search.outbox.events} (rows waiting) and
 * {@code counterspace.search.outbox.age} (seconds since the oldest became due). Registered only when
 * the table exists at start-up (the embedded Lucene default has none); each scrape runs one query.
 */
@Component
class SearchOutboxMetrics {

    static final String TABLE = "hsearch_outbox_event";

    private final DataSource dataSource;

    private final MeterRegistry registry;

    SearchOutboxMetrics(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() throws SQLException {
        processAfterColumn().ifPresent(column -> {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String sql = "select count(*), min(" + column + ") from " + TABLE;
            Gauge.builder("counterspace.search.outbox.events", () -> jdbc.queryForObject(sql, (row, n) -> row.getLong(1)))
                .description("Entity changes in the search outbox not yet indexed")
                .register(registry);
            Gauge.builder("counterspace.search.outbox.age", () -> jdbc.queryForObject(sql, (row, n) -> age(row.getTimestamp(2))))
                .description("How long the oldest change in the search outbox has been due")
                .baseUnit("seconds")
                .register(registry);
        });
    }

    private static double age(Timestamp oldest) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0);
    }

    /** The outbox's "process after" column, whatever the naming strategy made of it; empty without the table. */
    private Optional<String> processAfterColumn() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            for (String table : new String[] { TABLE, TABLE.toUpperCase(Locale.ROOT) }) {
                try (ResultSet columns = metadata.getColumns(null, connection.getSchema(), table, null)) {
                    while (columns.next()) {
                        String column = columns.getString("COLUMN_NAME");
                        if (column.replace("_", "").equalsIgnoreCase("processAfter")) {
                            return Optional.of(column.equals(column.toLowerCase(Locale.ROOT)) ? column : '"' + column + '"');
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
