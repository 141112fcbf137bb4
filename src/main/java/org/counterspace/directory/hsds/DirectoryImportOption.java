package org.counterspace.directory.hsds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.counterspace.directory.TimeZones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bulk load at start-up: {@code --counterspace.directory.import=<path>} imports an HSDS JSON file,
 * a zip of HSDS CSV tables, or a folder holding the CSV tables, with the same all-or-nothing rules
 * as an upload; hours without a time zone or coordinates are read in {@code counterspace.directory.time-zone}.
 * The outcome goes to the log.
 */
@Component
public class DirectoryImportOption {

    private static final Logger log = LoggerFactory.getLogger(DirectoryImportOption.class);

    private final String path;

    private final HsdsImporter jsonImporter;

    private final HsdsCsvImporter csvImporter;

    private final TimeZones timeZones;

    DirectoryImportOption(@Value("${counterspace.directory.import:}") String path, HsdsImporter jsonImporter,
            HsdsCsvImporter csvImporter, TimeZones timeZones) {
        this.path = path;
        this.jsonImporter = jsonImporter;
        this.csvImporter = csvImporter;
        this.timeZones = timeZones;
    }

    /** True if a file was given and imported. */
    public boolean runIfAsked() throws IOException {
        if (path == null || path.isBlank()) {
            return false;
        }
        Path file = Path.of(path);
        long started = System.nanoTime();
        ImportReport report;
        if (Files.isDirectory(file)) {
            Map<String, HsdsRecordReader.Source> tables = new HashMap<>();
            try (Stream<Path> files = Files.list(file)) {
                for (Path csv : files.filter(f -> HsdsCsvImporter.RECOGNISED.contains(f.getFileName().toString()))
                    .toList()) {
                    tables.put(csv.getFileName().toString(), () -> Files.newInputStream(csv));
                }
            }
            report = csvImporter.importTables(file.toString(), tables, "start-up import", timeZones.directoryZone(),
                    new ImportProgress());
        }
        else if (file.toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            report = csvImporter.importZip(file.toString(), file, "start-up import", timeZones.directoryZone(),
                    new ImportProgress());
        }
        else {
            report = jsonImporter.importJson(file.toString(), () -> Files.newInputStream(file), "start-up import",
                    timeZones.directoryZone(), new ImportProgress());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (report.accepted()) {
            log.info("Imported {} services from {} in {} ms ({} with notes, {} notes on taxonomy terms)",
                    report.imported(), file, millis, report.withWarnings().size(), report.notes().size());
        }
        else {
            log.error("Imported nothing from {}: {} {}", file, report.fileProblems(),
                    report.rejected().stream().limit(20).map(e -> "record " + e.position() + ": " + e.messages())
                        .toList());
        }
        return report.accepted();
    }
}
