package org.counterspace.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Services saved with the old yes/no "free" keep what their fee text said once cost has three values. */
class CostMigrationTests {

    @Test
    void theOldFreeFlagAndFeeTextBecomeFreePaidOrNotKnown() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:cost-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        // The schema of the release before (V40 its newest migration): new migrations must come after it,
        // or Flyway would refuse to upgrade an existing installation.
        Flyway.configure().dataSource(database).target("40").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        Map<String, Boolean> before = new LinkedHashMap<>();
        before.put("Free to contact.", true);
        before.put("None.", false);
        before.put("No fee", false);
        before.put("£20 per session", false);
        before.put("Sliding scale", false);
        before.put("Please ask at reception", false);
        before.put(null, true);
        before.forEach((fees, free) -> jdbc.update("insert into dir_service (id, name, status, fees_description, free, "
                + "age_group, channels, country, time_zone, is_national, demo, last_modified) values (?, ?, 'active', ?, "
                + "?, 'all', '', 'GB', 'Europe/London', false, false, current_timestamp)", UUID.randomUUID(),
                String.valueOf(fees), fees, free));

        Flyway.configure().dataSource(database).load().migrate();

        Map<String, String> after = new HashMap<>();
        jdbc.query("select name, cost from dir_service", row -> {
            after.put(row.getString("name"), row.getString("cost"));
        });
        assertThat(after).containsEntry("Free to contact.", "free").containsEntry("None.", "free")
            .containsEntry("No fee", "free").containsEntry("£20 per session", "paid")
            .containsEntry("Sliding scale", "paid").containsEntry("Please ask at reception", "unknown")
            .containsEntry("null", "unknown");
    }
}
