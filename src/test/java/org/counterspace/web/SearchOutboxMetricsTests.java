package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The outbox gauges on a real database: absent without outbox polling, the outbox's lag with it. */
class SearchOutboxMetricsTests {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    static JdbcDataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    static JdbcDataSource withOutbox() {
        JdbcDataSource dataSource = database();
        // the table as V53 makes it, the columns Hibernate Search's outbox-polling maps
        new JdbcTemplate(dataSource).execute("create table hsearch_outbox_event (id uuid primary key, "
                + "entity_name varchar(256), entity_id varchar(256), entity_id_hash integer, payload blob, "
                + "retries integer, process_after timestamp(6) with time zone, status varchar(255), tenant_id varchar(255))");
        return dataSource;
    }

    @Test
    void withoutOutboxPollingThereIsNoGauge() {
        new SearchOutboxMetrics(withOutbox(), registry, "none").register();
        assertThat(registry.find("counterspace.search.outbox.events").gauge()).isNull();
        assertThat(registry.find("counterspace.search.outbox.age").gauge()).isNull();
    }

    @Test
    void withOutboxPollingTheGaugesCountItsRowsAndTheAgeOfTheOldest() {
        JdbcDataSource dataSource = withOutbox();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        new SearchOutboxMetrics(dataSource, registry, SearchOutboxMetrics.OUTBOX_POLLING).register();
        assertThat(registry.get("counterspace.search.outbox.events").gauge().value()).isZero();
        assertThat(registry.get("counterspace.search.outbox.age").gauge().value()).isZero();

        for (int secondsAgo : new int[] { 90, 5 }) {
            jdbc.update("insert into hsearch_outbox_event (id, entity_name, process_after) values (?, 'SupportService', ?)",
                    UUID.randomUUID(), Timestamp.from(Instant.now().minusSeconds(secondsAgo)));
        }
        assertThat(registry.get("counterspace.search.outbox.events").gauge().value()).isEqualTo(2);
        assertThat(registry.get("counterspace.search.outbox.age").gauge().value()).isBetween(89.0, 120.0);
    }
}
