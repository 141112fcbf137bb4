package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.counterspace.CounterspaceApplication;
import org.counterspace.support.PostgresTestSupport;
import org.counterspace.support.TableCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * PostgreSQL backed up with tools/backup-postgres.sh (pg_dump) while the app runs in the postgres
 * profile and restored with tools/restore-postgres.sh (pg_restore) into a fresh database: every
 * table has the rows it had, and the journal written through the site is there word for word.
 */
class PostgresBackupTests {

    static final String SCHEMA = PostgresTestSupport.newSchema();

    static final String FRESH_DATABASE = SCHEMA.replace("cs_test_", "cs_restore_");

    @TempDir
    static Path directory;

    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        PostgresTestSupport.assumeAvailable();
        Stream<String> schema = PostgresTestSupport.properties(SCHEMA).entrySet().stream()
            .map(property -> "--" + property.getKey() + "=" + property.getValue());
        app = new SpringApplicationBuilder(CounterspaceApplication.class).profiles("postgres")
            .run(Stream.concat(Stream.of("--server.port=0", "--server.address=127.0.0.1"), schema).toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        PostgresTestSupport.dropSchema(SCHEMA);
        try (Connection connection = DriverManager.getConnection(PostgresTestSupport.jdbcUrl("public"),
                PostgresTestSupport.USER, "")) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS " + FRESH_DATABASE);
        }
    }

    @Test
    void aDumpTakenWhileTheAppRunsRestoresEveryRowIntoAFreshDatabase() throws Exception {
        BackedUpJournal journal = BackedUpJournal.written(app, "dumped.person");
        JdbcTemplate live = app.getBean(JdbcTemplate.class);
        Map<String, Long> before = BackedUpJournal.counts(app, SCHEMA);
        Path dump = directory.resolve("counterspace.dump");
        assertThat(run(PostgresTestSupport.jdbcUrl(SCHEMA), "tools/backup-postgres.sh", dump.toString())).isZero();
        journal.checkIn("after the backup");

        try (Connection connection = DriverManager.getConnection(PostgresTestSupport.jdbcUrl("public"),
                PostgresTestSupport.USER, "")) {
            connection.createStatement().execute("CREATE DATABASE " + FRESH_DATABASE);
        }
        String fresh = "jdbc:postgresql://" + PostgresTestSupport.HOST + ":" + PostgresTestSupport.PORT + "/" + FRESH_DATABASE;
        assertThat(run(fresh, "tools/restore-postgres.sh", dump.toString())).isZero();
        try (Connection connection = DriverManager.getConnection(fresh + "?currentSchema=" + SCHEMA,
                PostgresTestSupport.USER, "")) {
            assertThat(TableCounts.of(connection, SCHEMA)).hasSizeGreaterThan(20).isEqualTo(before);
            assertThat(before.get("dir_service")).isPositive();
            assertThat(before.get("spring_session")).isPositive();
            JdbcTemplate copy = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            journal.assertRestoredIn(copy);
            String migrations = "select version from flyway_schema_history order by installed_rank";
            assertThat(copy.queryForList(migrations, String.class)).isEqualTo(live.queryForList(migrations, String.class));
        }
        assertThat(run(fresh, "tools/restore-postgres.sh", directory.resolve("no-such.dump").toString())).isNotZero();
    }

    /** A backup script as a host runs it, with the app's connection variables; its exit code. */
    static int run(String databaseUrl, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("COUNTERSPACE_DB_URL", databaseUrl);
        builder.environment().put("COUNTERSPACE_DB_USER", PostgresTestSupport.USER);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
