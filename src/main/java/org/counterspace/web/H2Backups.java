package org.counterspace.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Backups of the embedded H2 file database while the app runs. Only this process can open the file,
 * so the app takes them itself: H2's {@code BACKUP TO} writes a consistent copy of the database file
 * into a zip without stopping writes, by default every night at 03:30 into {@code ./data/backups},
 * keeping the last 7 ({@code counterspace.backup.cron}, {@code .directory}, {@code .keep}).
 * {@code tools/restore-h2.sh} puts one back (README, "Backup and restore").
 */
@Component
@Profile("!postgres")
@EnableScheduling
class H2Backups {

    private static final Logger log = LoggerFactory.getLogger(H2Backups.class);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;

    private final int keep;

    H2Backups(JdbcTemplate jdbc, @Value("${counterspace.backup.directory:./data/backups}") Path directory,
            @Value("${counterspace.backup.keep:7}") int keep) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.keep = keep;
    }

    @Scheduled(cron = "${counterspace.backup.cron:0 30 3 * * *}", zone = "UTC")
    void nightly() {
        log.info("Database backed up to {}", backUp());
    }

    /** A backup holds every journal: only the app's own user may read it (where the file system has owners). */
    private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /** Writes counterspace-yyyyMMdd-HHmmss.zip (UTC) and removes the oldest beyond the ones to keep. */
    Path backUp() {
        try {
            Files.createDirectories(directory);
            ownerOnly(directory, OWNER_ONLY_FOLDER);
            Path file = directory.resolve("counterspace-" + STAMP.format(Instant.now()) + ".zip").toAbsolutePath();
            jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            ownerOnly(file, OWNER_ONLY_FILE);
            List<Path> backups;
            try (Stream<Path> files = Files.list(directory)) {
                backups = files.filter(f -> f.getFileName().toString().matches("counterspace-\\d{8}-\\d{6}\\.zip"))
                    .sorted().toList();
            }
            for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
                Files.delete(old);
            }
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
