package org.counterspace.checkin;

import java.io.Serializable;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.counterspace.checkin.JournalCsv.RowError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import of a person's journal: files ({@link JournalFiles} reads them) planned against the journal
 * and imported all or nothing, and the Daylio preview and import ({@link JournalExport} writes the
 * files). Imports
 * stay within the account's daily allowance ({@link CheckInLimits#importRowsPerDay()}).
 */
@Service
@Transactional(readOnly = true)
class TransferService {

    private final CheckInService checkins;

    private final CheckInRepository checkInRepository;

    private final DaylioPreviews previews;

    private final CheckInLimits limits;

    private final JournalFiles files;

    private final Clock clock = Clock.systemUTC();

    TransferService(CheckInService checkins, CheckInRepository checkInRepository,
            DaylioPreviews previews, CheckInLimits limits, JournalFiles files) {
        this.checkins = checkins;
        this.checkInRepository = checkInRepository;
        this.previews = previews;
        this.limits = limits;
        this.files = files;
    }

    /** An entry of a file whose id names one of the person's check-ins, with other content: the check-in is updated. */
    record Changed(UUID checkInId, JournalCsv.Row row) {
    }

    /**
     * What importing a file would do: the entries it would add, the check-ins it would update, and how
     * many of its entries are already in the journal.
     */
    record ImportPlan(List<JournalCsv.Row> added, List<Changed> changed, int already) {
    }

    /**
     * Matches a file's entries to the journal. An entry with an id is the check-in of that identity
     * ({@link CheckIn#identity()}): already there when their content is the same, changed otherwise. An
     * entry without an id is already there when a check-in has the same day and content. Each check-in
     * answers for one entry of the file, so a file that holds the same entry twice adds it twice, once.
     * A Daylio entry's id is a digest of its content ({@link DaylioCsv.Entry#id()}), so there the same id is
     * the same entry, whatever has been edited here since ({@code updates} false).
     */
    ImportPlan plan(UUID accountId, List<JournalCsv.Row> rows, boolean updates) {
        Map<UUID, CounterEnvironment> environments = checkins.environmentsById(accountId);
        Map<String, Deque<CheckIn>> byIdentity = new HashMap<>();
        Map<String, Integer> byContent = new HashMap<>();
        for (CheckIn c : checkins.between(accountId, CheckInService.EARLIEST, CheckInService.LATEST)) {
            byIdentity.computeIfAbsent(c.identity(), key -> new ArrayDeque<>()).add(c);
            byContent.merge(JournalExport.row(c, environments).content(), 1, Integer::sum);
        }
        List<JournalCsv.Row> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        int already = 0;
        for (JournalCsv.Row row : rows) {
            if (row.id() == null) {
                if (byContent.merge(row.content(), -1, Integer::sum) >= 0) {
                    already++;
                }
                else {
                    added.add(row);
                }
                continue;
            }
            CheckIn same = byIdentity.getOrDefault(row.id(), new ArrayDeque<>()).poll();
            if (same == null) {
                added.add(row);
            }
            else if (!updates || JournalExport.row(same, environments).content().equals(row.content())) {
                already++;
            }
            else {
                changed.add(new Changed(same.getId(), row));
            }
        }
        return new ImportPlan(added, changed, already);
    }

    /**
     * What an import did, as the history page says it. Serializable: it waits in the session as a flash
     * attribute, which the postgres profile keeps in the database.
     */
    record ImportCounts(int added, int changed, int already) implements Serializable {
    }

    /** How an import went: its counts, or why nothing was imported. */
    record Imported(ImportCounts counts, Optional<RowError> refused) {
    }

    /**
     * Imports a file's entries in one transaction: new ones are added, changed ones update their
     * check-in, the rest are left as they are. Names match existing counter-environments ignoring case
     * (archived ones too); the file's other counter-environments are added with their kind (a JSON
     * export names them) or as practices. Nothing is imported when the new entries are more than the
     * day's allowance has left.
     */
    @Transactional
    Imported importRows(UUID accountId, List<JournalCsv.Row> rows, List<JournalJsonFile.Environment> listed) {
        checkins.holdJournal(accountId);
        return importPlan(accountId, plan(accountId, rows, true), listed);
    }

    private Imported importPlan(UUID accountId, ImportPlan plan, List<JournalJsonFile.Environment> listed) {
        Optional<RowError> over = overAllowance(accountId, plan.added().size());
        if (over.isPresent()) {
            return new Imported(null, over);
        }
        Map<String, UUID> byName = new HashMap<>();
        checkins.environments(accountId).forEach(e -> byName.putIfAbsent(CheckInService.nameKey(e.getName()), e.getId()));
        for (JournalJsonFile.Environment environment : listed) {
            byName.computeIfAbsent(CheckInService.nameKey(environment.name()), key -> {
                UUID id = checkins.addEnvironment(accountId, environment.kind(), environment.name()).getId();
                checkins.archiveEnvironment(accountId, id, environment.archived());
                return id;
            });
        }
        Instant base = clock.instant();
        int index = 0;
        for (JournalCsv.Row row : plan.added()) {
            checkInRepository.save(CheckIn.imported(accountId, base.plusMillis(index++), entry(accountId, row, byName),
                    row.id()));
        }
        for (Changed changed : plan.changed()) {
            checkins.update(accountId, changed.checkInId(), entry(accountId, changed.row(), byName));
        }
        return new Imported(new ImportCounts(plan.added().size(), plan.changed().size(), plan.already()), Optional.empty());
    }

    private CheckInEntry entry(UUID accountId, JournalCsv.Row row, Map<String, UUID> byName) {
        Set<UUID> ids = new HashSet<>();
        for (String name : row.environments()) {
            ids.add(byName.computeIfAbsent(CheckInService.nameKey(name),
                    key -> checkins.addEnvironment(accountId, EnvironmentKind.PRACTICE, name).getId()));
        }
        return new CheckInEntry(row.day(), row.mood(), row.homePull(), row.smallWin(), row.note(), row.toDiscuss(), ids);
    }

    /**
     * Daylio has no home pull: every entry gets the one the person chose on the preview page. The
     * preview is dropped with the import, in the same transaction.
     */
    @Transactional
    Imported importDaylio(UUID accountId, List<DaylioCsv.Entry> entries, HomePull homePull) {
        checkins.holdJournal(accountId);
        Imported imported = importPlan(accountId, daylioPlan(accountId, entries, homePull), List.of());
        if (imported.refused().isEmpty()) {
            previews.drop(accountId);
        }
        return imported;
    }

    /**
     * A Daylio file's plan. Its entries are matched by their ids alone, so the home pull (null before the
     * person has chosen one on the preview page) has no part in the matching.
     */
    ImportPlan daylioPlan(UUID accountId, List<DaylioCsv.Entry> entries, HomePull homePull) {
        HomePull pull = homePull != null ? homePull : new HomePull(Scale.HOME_PULL.lowest());
        return plan(accountId, entries.stream().map(e -> e.row(pull)).toList(), false);
    }

    /** Why this many rows cannot be imported now (over what is left of the day's allowance), if they cannot. */
    Optional<RowError> overAllowance(UUID accountId, int rows) {
        long importedToday = checkInRepository.countRecordedSince(accountId, clock.instant().minus(Duration.ofDays(1)), true);
        long left = Math.max(0, limits.importRowsPerDay() - importedToday);
        return rows <= left ? Optional.empty()
                : Optional.of(RowError.of(0, "dailyLimit", rows, left, limits.importRowsPerDay()));
    }

    /**
     * Reads a Daylio file and, if it can be imported now, keeps it as the account's preview. The
     * problems, if not: no preview is kept then (an upload always replaces the one before). No
     * transaction is held while the file is read.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    List<RowError> previewDaylio(UUID accountId, MultipartFile file, LocalDate today) {
        previews.drop(accountId);
        JournalFiles.DaylioFile read = files.readDaylio(file, today);
        DaylioCsv.Parsed parsed = read.parsed();
        if (!parsed.errors().isEmpty()) {
            return parsed.errors();
        }
        Optional<RowError> over = overAllowance(accountId, daylioPlan(accountId, parsed.entries(), null).added().size());
        if (over.isPresent()) {
            return List.of(over.get());
        }
        previews.keep(accountId, read.content());
        return List.of();
    }

    /** A waiting Daylio upload: its id (which the preview page sends back on confirming) and entries. */
    record DaylioPreview(UUID id, List<DaylioCsv.Entry> entries) {
    }

    /** The account's waiting Daylio preview, its file read again; empty once it has gone. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    Optional<DaylioPreview> daylioPreview(UUID accountId, LocalDate today) {
        return previews.find(accountId).flatMap(waiting -> {
            DaylioCsv.Parsed parsed = DaylioCsv.parse(new StringReader(waiting.content()), today);
            return parsed.errors().isEmpty() ? Optional.of(new DaylioPreview(waiting.id(), parsed.entries()))
                    : Optional.empty();
        });
    }

    @Transactional
    void dropDaylioPreview(UUID accountId) {
        previews.drop(accountId);
    }

    long previewMinutes() {
        return limits.previewKeptFor().toMinutes();
    }

    // ---- the Daylio preview

    /** What the preview page shows: the period, moods and activities counted, the latest entries. */
    record DaylioSummary(int count, LocalDate first, LocalDate last, Map<Integer, Long> moods, List<Activity> activities,
            List<DaylioCsv.Entry> sample) {
    }

    /**
     * An activity of the file with the entries naming it; {@code existing}, the name of the person's
     * counter-environment it matches ({@link CheckInService#nameKey}), or null when it will be added.
     * Spellings that differ only in case, outer spaces or compatibility forms are one activity, shown as
     * first spelled.
     */
    record Activity(String name, long entries, String existing) {
    }

    DaylioSummary daylioSummary(UUID accountId, List<DaylioCsv.Entry> entries) {
        Map<String, String> known = checkins.environments(accountId).stream()
            .collect(Collectors.toMap(e -> CheckInService.nameKey(e.getName()), CounterEnvironment::getName, (a, b) -> a));
        Map<String, String> spelled = new HashMap<>();
        Map<String, Long> counted = new HashMap<>();
        entries.stream().flatMap(e -> e.activities().stream()).forEach(name -> {
            String key = CheckInService.nameKey(name);
            spelled.putIfAbsent(key, name);
            counted.merge(key, 1L, Long::sum);
        });
        List<Activity> activities = counted.entrySet().stream()
            .map(c -> new Activity(spelled.get(c.getKey()), c.getValue(), known.get(c.getKey())))
            .sorted(Comparator.comparing(Activity::name, String.CASE_INSENSITIVE_ORDER))
            .toList();
        return new DaylioSummary(entries.size(), entries.get(0).day(), entries.get(entries.size() - 1).day(),
                entries.stream().collect(Collectors.groupingBy(DaylioCsv.Entry::mood, TreeMap::new, Collectors.counting())),
                activities, entries.subList(Math.max(0, entries.size() - 10), entries.size()));
    }
}
