package org.counterspace.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far search indexing lags behind the database when Hibernate Search coordinates instances
 * through its outbox table (the cluster profile; the table is V53's): {@code counterspace.search.outbox.events}
 * (rows waiting) and {@code counterspace.search.outbox.age} (seconds since the oldest became due).
 * Registered only with outbox polling: the embedded default never writes the table. Each gauge runs
 * one query when it is read.
 */
@Component
class SearchOutboxMetrics {

    static final String OUTBOX_POLLING = "outbox-polling";

    private static final String LAG = "select count(*), min(process_after) from hsearch_outbox_event";

    private final DataSource dataSource;

    private final MeterRegistry registry;

    private final String coordination;

    SearchOutboxMetrics(DataSource dataSource, MeterRegistry registry,
            @Value("${spring.jpa.properties.hibernate.search.coordination.strategy:none}") String coordination) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.coordination = coordination;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        if (!OUTBOX_POLLING.equals(coordination)) {
            return;
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Gauge.builder("counterspace.search.outbox.events", () -> jdbc.queryForObject(LAG, (row, n) -> row.getLong(1)))
            .description("Entity changes in the search outbox not yet indexed")
            .register(registry);
        Gauge.builder("counterspace.search.outbox.age", () -> jdbc.queryForObject(LAG, (row, n) -> age(row.getTimestamp(2))))
            .description("How long the oldest change in the search outbox has been due")
            .baseUnit("seconds")
            .register(registry);
    }

    private static double age(Timestamp oldest) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0);
    }
}
