package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.counterspace.CounterspaceApplication;
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
 * The embedded H2 file database backed up while the app runs (web.H2Backups) and put back into a
 * fresh data directory by tools/restore-h2.sh: every table has the rows it had, and the journal
 * written through the site is there word for word.
 */
class H2BackupTests {

    @TempDir
    static Path directory;

    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(CounterspaceApplication.class).run("--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("live/counterspace") + ";WRITE_DELAY=0",
                "--counterspace.backup.directory=" + directory.resolve("backups"), "--counterspace.backup.keep=2");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aBackupTakenWhileTheAppRunsRestoresEveryRow() throws Exception {
        BackedUpJournal journal = BackedUpJournal.written(app, "backed.up");
        JdbcTemplate live = app.getBean(JdbcTemplate.class);
        Map<String, Long> before = BackedUpJournal.counts(app, "PUBLIC");
        Path backup = app.getBean(H2Backups.class).backUp();
        // every journal is in it: only the app's own user may read it
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.getParent()))).isEqualTo("rwx------");
        journal.checkIn("after the backup");

        Path restored = directory.resolve("restored");
        assertThat(restore(backup, restored)).isZero();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("counterspace")
                + ";IFEXISTS=TRUE", "sa", "")) {
            assertThat(TableCounts.of(connection, "PUBLIC")).hasSizeGreaterThan(20).isEqualTo(before);
            assertThat(before.get("DIR_SERVICE")).isPositive();
            JdbcTemplate copy = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            journal.assertRestoredIn(copy);
            String migrations = "select \"version\" from \"flyway_schema_history\" order by \"installed_rank\"";
            assertThat(copy.queryForList(migrations, String.class)).isEqualTo(live.queryForList(migrations, String.class));
        }
        assertThat(restore(directory.resolve("no-such-backup.zip"), restored)).isNotZero();
    }

    @Test
    void onlyTheNewestBackupsAreKept() throws Exception {
        H2Backups backups = app.getBean(H2Backups.class);
        Path first = backups.backUp();
        for (int i = 0; i < 2; i++) {
            Thread.sleep(1100);
            backups.backUp();
        }
        try (Stream<Path> kept = Files.list(first.getParent())) {
            assertThat(kept.filter(file -> file.toString().endsWith(".zip"))).hasSize(2).doesNotContain(first);
        }
    }

    /** tools/restore-h2.sh, as a host runs it; its exit code. */
    static int restore(Path backup, Path dataDirectory) throws Exception {
        Process restore = new ProcessBuilder("tools/restore-h2.sh", backup.toString(), dataDirectory.toString())
            .inheritIO().start();
        assertThat(restore.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return restore.exitValue();
    }
}
