package org.counterspace.directory.hsds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.counterspace.directory.AuditEntry;
import org.counterspace.directory.AuditRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Uploaded HSDS files imported in the background, one at a time: the upload answers at once, and a
 * curator watches the job's page. Jobs live in this instance's memory (the last few, with their
 * summaries): an import that a restart interrupts is rolled back whole anyway, and what every import
 * did, or why it was refused, is written to the audit trail, which lasts.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private static final int KEPT = 10;

    /** One import: what was uploaded, by whom, how far it has come, and its summary once it has ended. */
    public static final class Job {

        private final UUID id = UUID.randomUUID();

        private final String file;

        private final String actor;

        private final Instant started = Instant.now();

        private final ImportProgress progress = new ImportProgress();

        private volatile ImportSummary summary;

        private volatile Instant finished;

        Job(String file, String actor) {
            this.file = file;
            this.actor = actor;
        }

        public UUID id() {
            return id;
        }

        public String file() {
            return file;
        }

        public String actor() {
            return actor;
        }

        public Instant started() {
            return started;
        }

        public ImportProgress progress() {
            return progress;
        }

        /** Empty while the import runs. */
        public Optional<ImportSummary> summary() {
            return Optional.ofNullable(summary);
        }

        public boolean done() {
            return summary != null;
        }

        /** Whole seconds from upload to end (or to now). */
        public long seconds() {
            return ((finished == null ? Instant.now() : finished).toEpochMilli() - started.toEpochMilli()) / 1000;
        }
    }

    private final HsdsImporter jsonImporter;

    private final HsdsCsvImporter csvImporter;

    private final AuditRepository audit;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "hsds-import");
        thread.setDaemon(true);
        return thread;
    });

    /** The last {@link #KEPT} jobs, oldest first. */
    private final Map<UUID, Job> jobs = new LinkedHashMap<>();

    private Job running;

    ImportJobs(HsdsImporter jsonImporter, HsdsCsvImporter csvImporter, AuditRepository audit) {
        this.jsonImporter = jsonImporter;
        this.csvImporter = csvImporter;
        this.audit = audit;
    }

    /**
     * Starts importing {@code upload} (a zip of CSV tables when {@code file} ends in .zip, else HSDS JSON),
     * which is deleted once read; empty, and {@code upload} left to the caller, while another import runs.
     */
    public synchronized Optional<Job> start(String file, Path upload, String actor, ZoneId zone) {
        if (running != null && !running.done()) {
            return Optional.empty();
        }
        Job job = new Job(file, actor);
        running = job;
        jobs.put(job.id, job);
        if (jobs.size() > KEPT) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        worker.execute(() -> run(job, upload, zone));
        return Optional.of(job);
    }

    public synchronized Optional<Job> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The import running now, if any. */
    public synchronized Optional<Job> running() {
        return Optional.ofNullable(running).filter(job -> !job.done());
    }

    /** The jobs kept, newest first. */
    public synchronized List<Job> recent() {
        List<Job> recent = new ArrayList<>(jobs.values());
        Collections.reverse(recent);
        return recent;
    }

    private void run(Job job, Path upload, ZoneId zone) {
        ImportReport report = null;
        try {
            report = job.file.toLowerCase(Locale.ROOT).endsWith(".zip")
                    ? csvImporter.importZip(job.file, upload, job.actor, zone, job.progress)
                    : jsonImporter.importJson(job.file, () -> Files.newInputStream(upload), job.actor, zone,
                            job.progress);
            if (!report.accepted()) {
                audit.save(new AuditEntry(job.actor, "import", "service", null, "Imported nothing from " + job.file
                        + ": " + (report.fileProblems().isEmpty() ? report.rejected().size() + " records with problems"
                                : String.join(" ", report.fileProblems()))));
            }
        }
        catch (RuntimeException e) {
            log.error("The import of {} stopped", job.file, e);
        }
        finally {
            delete(upload);
            job.finished = Instant.now();
            job.progress.done();
            job.summary = ImportSummary.of(report != null ? report : ImportReport.fileProblem(job.file,
                    "The import stopped on an error of the directory's own; nothing was imported. Try again, "
                            + "and tell the people who run the directory if it happens again."));
        }
    }

    private static void delete(Path upload) {
        try {
            Files.deleteIfExists(upload);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
