package org.counterspace.directory.hsds;

import static org.counterspace.directory.hsds.HsdsJson.text;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.counterspace.directory.AuditEntry;
import org.counterspace.directory.AuditRepository;
import org.counterspace.directory.ServiceWriter;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.search.DirectoryIndex;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Imports HSDS 3 services (an array of fully nested service objects, as the official
 * service_full.json; a single object is accepted too). Each file is one transaction: if any
 * record is rejected nothing is kept, and the report says which records and why. Optional
 * references that point nowhere (as in the official examples) import with a warning. A service
 * whose id already exists is replaced. Every record is checked ({@link HsdsRecordValidator}) before
 * the first is read as details ({@link HsdsRecordMapper}) and written; during the import the search
 * index takes each batch as it goes (so huge files fit in memory), and should the database still
 * refuse the transaction, the next start-up rebuilds the index to match.
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

    HsdsImporter(HsdsRecordMapper mapper, ServiceWriter writer, DirectoryIndex index, AuditRepository audit) {
        this.mapper = mapper;
        this.writer = writer;
        this.index = index;
        this.audit = audit;
    }

    /** Records of one file, visited in order; answers a problem with the whole file, or null. */
    @FunctionalInterface
    private interface Records {

        String forEach(Consumer<JsonNode> visit);
    }

    @Transactional
    public ImportReport importJson(String file, byte[] content, String actor) {
        return importJson(file, () -> new ByteArrayInputStream(content), actor);
    }

    /** Streams the file, so even a very large one is never held as a whole. */
    @Transactional
    public ImportReport importJson(String file, HsdsRecordReader.Source source, String actor) {
        return importRecords(file, visit -> HsdsRecordReader.eachRecord(source, visit), actor);
    }

    /** Imports already-parsed HSDS service objects as one all-or-nothing batch. */
    @Transactional
    public ImportReport importServices(String file, List<JsonNode> records, String actor) {
        return importRecords(file, visit -> {
            records.forEach(visit);
            return null;
        }, actor);
    }

    private ImportReport importRecords(String file, Records records, String actor) {
        ImportReport checked = check(file, records);
        if (!checked.accepted()) {
            return checked;
        }
        List<ImportReport.Entry> entries = new ArrayList<>();
        records.forEach(record -> {
            List<String> warnings = new ArrayList<>();
            index.changed(upsert(record, warnings));
            entries.add(new ImportReport.Entry(entries.size() + 1, text(record, "id"), text(record, "name"),
                    ImportReport.Outcome.IMPORTED, warnings));
            if (entries.size() % BATCH == 0) {
                // every record was checked first, so the index may take each batch now; the persistence
                // context is emptied, so a file of any size stays within memory
                em.flush();
                Search.session(em).indexingPlan().execute();
                em.clear();
            }
        });
        audit.save(new AuditEntry(actor, "import", "service", null,
                "Imported " + entries.size() + " services from " + file));
        return new ImportReport(file, entries, List.of());
    }

    /** Every record checked, none written: the report of a file that cannot be imported, or of one that can. */
    private static ImportReport check(String file, Records records) {
        List<ImportReport.Entry> checked = new ArrayList<>();
        HsdsRecordValidator validator = new HsdsRecordValidator(new HashSet<>());
        String problem = records.forEach(record -> {
            List<String> problems = new ArrayList<>();
            validator.validate(record, problems);
            checked.add(new ImportReport.Entry(checked.size() + 1, text(record, "id"), text(record, "name"),
                    problems.isEmpty() ? ImportReport.Outcome.IMPORTED : ImportReport.Outcome.REJECTED, problems));
        });
        if (problem != null) {
            return ImportReport.fileProblem(file, problem);
        }
        return new ImportReport(file, checked, checked.isEmpty() ? List.of("The file holds no services.") : List.of());
    }

    /** A new service, or the existing one replaced in place, so bookmarks and reports on it survive a re-import. */
    private SupportService upsert(JsonNode record, List<String> warnings) {
        UUID id = UUID.fromString(text(record, "id"));
        SupportService current = em.find(SupportService.class, id);
        HsdsRecordMapper.ImportedService imported = mapper.map(record, current, warnings);
        SupportService service;
        if (current == null) {
            service = writer.create(id, imported.organization(), imported.details());
        }
        else {
            writer.replace(current, imported.organization(), imported.details());
            service = current;
        }
        service.changeStatus(imported.status());
        imported.assure(service);
        return service;
    }
}
