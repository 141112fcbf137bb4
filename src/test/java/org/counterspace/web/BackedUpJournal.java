package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import org.counterspace.support.RawHttp;
import org.counterspace.support.TableCounts;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the backup tests write through a running app before backing it up, and look for after restoring:
 * one person's three check-ins, made over HTTP as a browser makes them.
 */
record BackedUpJournal(RawHttp person, String token, String username) {

    static final List<String> NOTES = List.of("first entry", "second entry", "third entry");

    /** Registers {@code username} on the running app and checks in three times. */
    static BackedUpJournal written(ConfigurableApplicationContext app, String username) throws Exception {
        RawHttp person = new RawHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        StorageOutagePostgresTests.register(person, username);
        BackedUpJournal journal = new BackedUpJournal(person, RawHttp.hiddenCsrfToken(person.get("/checkins/new").body()),
                username);
        for (String note : NOTES) {
            journal.checkIn(note);
        }
        return journal;
    }

    void checkIn(String note) throws Exception {
        assertThat(StorageOutagePostgresTests.checkIn(person, token, note).status()).isEqualTo(302);
    }

    /** Rows per table of the running app's database. */
    static Map<String, Long> counts(ConfigurableApplicationContext app, String schema) throws Exception {
        try (Connection connection = app.getBean(JdbcTemplate.class).getDataSource().getConnection()) {
            return TableCounts.of(connection, schema);
        }
    }

    /** The restored copy holds this person's three check-ins, in order. */
    void assertRestoredIn(JdbcTemplate copy) {
        String notes = "select c.note from check_in c join account a on a.id = c.account_id "
                + "where a.username_key = ? order by c.recorded_at";
        assertThat(copy.queryForList(notes, String.class, username)).isEqualTo(NOTES);
    }
}
