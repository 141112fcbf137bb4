package org.counterspace.directory.hsds;

import static org.counterspace.directory.hsds.HsdsJson.text;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.counterspace.directory.AuditEntry;
import org.counterspace.directory.AuditRepository;
import org.counterspace.directory.ServiceWriter;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.TimeZones;
import org.counterspace.directory.search.DirectoryIndex;
import org.counterspace.directory.search.IndexAheadOfCommit;
import org.hibernate.Session;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Imports HSDS 3 services (an array of fully nested service objects, as the official
 * service_full.json; a single object is accepted too). Each file is one transaction: if any
 * record is rejected nothing is kept, and the report says which records and why. Optional
 * references that point nowhere (as in the official examples) import with a warning. A service
 * whose id already exists is replaced. A file of other HSDS objects (organizations, locations…) is
 * named as such, and a part id used twice, in the file or by another service, is the problem of its
 * record ({@link HsdsPartIds}). Every record is checked ({@link HsdsRecordValidator}) before
 * the first is read as details ({@link HsdsRecordMapper}) and written; during the import the search
 * index takes each batch as it goes (so huge files fit in memory), and should the database still
 * refuse the transaction, or the process stop in it, the index is put back to match
 * ({@link IndexAheadOfCommit}).
 */
@Service
public class HsdsImporter {

    static final int BATCH = 500;

    @PersistenceContext
    private EntityManager em;

    private final HsdsRecordMapper mapper;

    private final ServiceWriter writer;

    private final DirectoryIndex index;

    private final AuditRepository audit;

    private final TimeZones timeZones;

    private final HsdsPartIds partIds;

    private final HsdsReferences references;

    private final IndexAheadOfCommit indexAhead;

    HsdsImporter(HsdsRecordMapper mapper, ServiceWriter writer, DirectoryIndex index, AuditRepository audit,
            TimeZones timeZones, HsdsPartIds partIds, HsdsReferences references, IndexAheadOfCommit indexAhead) {
        this.indexAhead = indexAhead;
        this.partIds = partIds;
        this.references = references;
        this.mapper = mapper;
        this.writer = writer;
        this.index = index;
        this.audit = audit;
        this.timeZones = timeZones;
    }

    /** Records of one file, visited in order, each with where it is in the file. */
    @FunctionalInterface
    interface Records {

        /** Visits every record; answers a problem with the whole file, or null. */
        String forEach(Visitor visit);
    }

    @FunctionalInterface
    interface Visitor {

        void accept(JsonNode record, RecordLocation where);
    }

    /** Hours whose data names no zone and has no coordinates are read in the directory's time zone. */
    @Transactional
    public ImportReport importJson(String file, byte[] content, String actor) {
        return importJson(file, content, actor, timeZones.directoryZone());
    }

    /** Hours whose data names no zone and has no coordinates are read in {@code zone}. */
    @Transactional
    public ImportReport importJson(String file, byte[] content, String actor, ZoneId zone) {
        return importJson(file, () -> new ByteArrayInputStream(content), actor, zone, new ImportProgress());
    }

    /** Streams the file, so even a very large one is never held as a whole. */
    @Transactional
    public ImportReport importJson(String file, HsdsRecordReader.Source source, String actor, ZoneId zone,
            ImportProgress progress) {
        return importRecords(file, List.of(), visit -> HsdsRecordReader.eachRecord(source,
                (record, pointer) -> visit.accept(record, RecordLocation.json(file, pointer))), actor, zone, progress);
    }

    /** Imports already-parsed HSDS service objects (an array of them, as given) as one all-or-nothing batch. */
    @Transactional
    public ImportReport importServices(String file, List<JsonNode> records, String actor, ZoneId zone) {
        return importServices(file, List.of(), visit -> {
            for (int i = 0; i < records.size(); i++) {
                visit.accept(records.get(i), RecordLocation.json(file, "/" + i));
            }
            return null;
        }, actor, zone, new ImportProgress());
    }

    /**
     * Imports a whole taxonomy's terms (each with its {@code taxonomy_detail}, parents first), then the
     * services, as one all-or-nothing batch: terms no service links yet are kept too, with their parents.
     */
    @Transactional
    ImportReport importServices(String file, List<JsonNode> terms, Records records, String actor, ZoneId zone,
            ImportProgress progress) {
        return importRecords(file, terms, records, actor, zone, progress);
    }

    private ImportReport importRecords(String file, List<JsonNode> terms, Records records, String actor, ZoneId zone,
            ImportProgress progress) {
        TimeZones.Places coordinates = new TimeZones.Places();
        ImportReport checked = check(file, records, coordinates, progress);
        if (!checked.accepted()) {
            return checked;
        }
        try {
            timeZones.lookUp(coordinates);
            List<String> termNotes = new ArrayList<>();
            HsdsReferences.Batch taxonomy = references.unknown();
            terms.forEach(term -> references.term(term, null, taxonomy, termNotes));
            // the batches look up what the directory has with queries: the taxonomy's terms are in it by then
            em.flush();
            ImportReport report = importChecked(file, records, actor, new HsdsZones(timeZones, zone), progress);
            return new ImportReport(file, report.entries(), List.of(), termNotes);
        }
        finally {
            timeZones.release();
        }
    }

    private ImportReport importChecked(String file, Records records, String actor, HsdsZones zones,
            ImportProgress progress) {
        // a batch's rows of each table go to the database together
        em.unwrap(Session.class).setJdbcBatchSize(BATCH);
        List<ImportReport.Entry> entries = new ArrayList<>();
        List<JsonNode> batch = new ArrayList<>(BATCH);
        IndexAheadOfCommit.Written written = indexAhead.begin("HSDS import of " + file);
        records.forEach((record, where) -> {
            batch.add(record);
            if (batch.size() == BATCH) {
                write(batch, zones, entries, written, progress);
            }
        });
        write(batch, zones, entries, written, progress);
        audit.save(new AuditEntry(actor, "import", "service", null,
                "Imported " + entries.size() + " services from " + file));
        return new ImportReport(file, entries, List.of());
    }

    /**
     * Writes a batch of checked records, with one look-up for each kind of entity they name. Every record
     * was checked first, so the index may take each batch now (put back should the transaction still roll
     * back, {@link IndexAheadOfCommit}); the persistence context is emptied after it, so a file of any size
     * stays within memory.
     */
    private void write(List<JsonNode> batch, HsdsZones zones, List<ImportReport.Entry> entries,
            IndexAheadOfCommit.Written written, ImportProgress progress) {
        HsdsReferences.Batch known = references.load(batch);
        for (JsonNode record : batch) {
            List<String> warnings = new ArrayList<>();
            SupportService service = upsert(record, known, zones, warnings);
            index.changed(service);
            written.add(service);
            entries.add(new ImportReport.Entry(entries.size() + 1, text(record, "id"), text(record, "name"),
                    ImportReport.Outcome.IMPORTED, warnings));
        }
        batch.clear();
        em.flush();
        Search.session(em).indexingPlan().execute();
        em.clear();
        progress.imported(entries.size());
    }

    /**
     * Every record checked, none written: the report of a file that cannot be imported, or of one that can;
     * {@code coordinates} takes in those the records' hours may need their time zones looked up at.
     */
    private ImportReport check(String file, Records records, TimeZones.Places coordinates, ImportProgress progress) {
        List<ImportReport.Entry> checked = new ArrayList<>();
        List<ImportReport.Entry> window = new ArrayList<>();
        HsdsRecordValidator validator = new HsdsRecordValidator(new HashSet<>());
        HsdsPartIds.Check parts = partIds.check();
        Set<Optional<HsdsKind>> kinds = new HashSet<>();
        String problem = records.forEach((record, where) -> {
            List<String> problems = new ArrayList<>();
            Optional<HsdsKind> kind = HsdsKind.of(record);
            kinds.add(kind);
            if (kind.isPresent()) {
                problems.add(where.problem("", null, kind.get().notAService()));
            }
            else {
                validator.validate(record, where, problems);
                parts.add(record, where, problems);
                HsdsZones.addCoordinates(record, coordinates);
            }
            window.add(new ImportReport.Entry(checked.size() + window.size() + 1, text(record, "id"),
                    text(record, "name"), ImportReport.Outcome.IMPORTED, problems));
            if (window.size() == BATCH) {
                checkWindow(parts, window, checked);
                progress.checked(checked.size());
            }
        });
        if (problem != null) {
            return ImportReport.fileProblem(file, problem);
        }
        checkWindow(parts, window, checked);
        progress.checked(checked.size());
        if (kinds.size() == 1 && kinds.iterator().next().isPresent()) {
            return ImportReport.fileProblem(file, kinds.iterator().next().get().notServices());
        }
        return new ImportReport(file, checked, checked.isEmpty() ? List.of("The file holds no services.") : List.of());
    }

    /** The window's records with what the directory says of their parts' ids, each now imported or rejected. */
    private static void checkWindow(HsdsPartIds.Check parts, List<ImportReport.Entry> window,
            List<ImportReport.Entry> checked) {
        parts.checkDirectory();
        window.forEach(e -> checked.add(new ImportReport.Entry(e.position(), e.id(), e.name(),
                e.messages().isEmpty() ? ImportReport.Outcome.IMPORTED : ImportReport.Outcome.REJECTED, e.messages())));
        window.clear();
    }

    /**
     * A new service, or the existing one replaced in place, so bookmarks and reports on it survive a re-import.
     * A new one is saved with its status and check date set, so it is inserted once, not inserted and updated.
     */
    private SupportService upsert(JsonNode record, HsdsReferences.Batch known, HsdsZones zones, List<String> warnings) {
        UUID id = UUID.fromString(text(record, "id"));
        SupportService current = known.hasService(id) ? em.find(SupportService.class, id) : null;
        HsdsRecordMapper.ImportedService imported = mapper.map(record, current, zones, known, warnings);
        if (current == null) {
            SupportService service = writer.create(id, imported.organization(), imported.details(), imported::complete);
            // the same id written another way later in the file finds this one
            known.written(SupportService.class, id);
            return service;
        }
        writer.replace(current, imported.organization(), imported.details());
        imported.complete(current);
        return current;
    }
}
