package org.counterspace.checkin;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.counterspace.account.PersonalDataExporter;
import org.counterspace.checkin.JournalCsv.RowError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Export of a person's journal (CSV, JSON and their part of "Export my data"), and import: uploads
 * read as text and parsed, all-or-nothing CSV import, and the Daylio preview and import. Imports
 * stay within the account's daily allowance ({@link CheckInLimits#importRowsPerDay()}).
 */
@Service
@Transactional(readOnly = true)
class TransferService implements PersonalDataExporter {

    private final CheckInService checkins;

    private final CheckInRepository checkInRepository;

    private final WellbeingCheckRepository wellbeing;

    private final DaylioPreviews previews;

    private final CheckInLimits limits;

    private final Clock clock = Clock.systemUTC();

    TransferService(CheckInService checkins, CheckInRepository checkInRepository, WellbeingCheckRepository wellbeing,
            DaylioPreviews previews, CheckInLimits limits) {
        this.checkins = checkins;
        this.checkInRepository = checkInRepository;
        this.wellbeing = wellbeing;
        this.previews = previews;
        this.limits = limits;
    }

    /** Every check-in, oldest first, with environments by their current names. */
    List<JournalCsv.Row> rows(UUID accountId) {
        Map<UUID, CounterEnvironment> environments = checkins.environmentsById(accountId);
        return checkins.between(accountId, CheckInService.EARLIEST, CheckInService.LATEST).stream()
            .map(c -> new JournalCsv.Row(c.getDay(), c.getMood(), c.getHomePull(), names(c.getEnvironmentIds(), environments),
                    c.getSmallWin(), c.getNote(), c.isToDiscuss()))
            .toList();
    }

    private static Set<String> names(Set<UUID> ids, Map<UUID, CounterEnvironment> environments) {
        Set<String> names = new HashSet<>();
        ids.forEach(id -> {
            CounterEnvironment environment = environments.get(id);
            if (environment != null) {
                names.add(environment.getName());
            }
        });
        return names;
    }

    /**
     * Stores every row in one transaction. Names match existing counter-environments ignoring case
     * (archived ones too); unknown names become new practices. Rows keep their file order within a day.
     */
    @Transactional
    int importRows(UUID accountId, List<JournalCsv.Row> rows) {
        Map<String, UUID> byName = new HashMap<>();
        checkins.environments(accountId).forEach(e -> byName.putIfAbsent(CheckInService.nameKey(e.getName()), e.getId()));
        Instant base = clock.instant();
        int index = 0;
        for (JournalCsv.Row row : rows) {
            Set<UUID> ids = new HashSet<>();
            for (String name : row.environments()) {
                ids.add(byName.computeIfAbsent(CheckInService.nameKey(name),
                        key -> checkins.addEnvironment(accountId, EnvironmentKind.PRACTICE, name).getId()));
            }
            checkInRepository.save(CheckIn.imported(accountId, base.plusMillis(index++),
                    new CheckInEntry(row.day(), row.mood(), row.homePull(), row.smallWin(), row.note(), row.toDiscuss(), ids)));
        }
        return rows.size();
    }

    /**
     * Daylio has no home pull: every entry gets the one the person chose on the preview page. The
     * preview is dropped with the import, in the same transaction.
     */
    @Transactional
    int importDaylio(UUID accountId, List<DaylioCsv.Entry> entries, HomePull homePull) {
        previews.drop(accountId);
        return importRows(accountId, entries.stream()
            .map(e -> new JournalCsv.Row(e.day(), new Mood(e.mood()), homePull, Set.copyOf(e.activities()), null, e.note(), false))
            .toList());
    }

    /** Why this many rows cannot be imported now (over what is left of the day's allowance), if they cannot. */
    Optional<RowError> overAllowance(UUID accountId, int rows) {
        long importedToday = checkInRepository.countRecordedSince(accountId, clock.instant().minus(Duration.ofDays(1)), true);
        long left = Math.max(0, limits.importRowsPerDay() - importedToday);
        return rows <= left ? Optional.empty()
                : Optional.of(RowError.of(0, "dailyLimit", rows, left, limits.importRowsPerDay()));
    }

    // ---- reading uploads: no data is read, so no transaction (and no connection) is held while a file is parsed

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    JournalCsv.Parsed readJournal(MultipartFile file, LocalDate today) {
        Text text = decode(file);
        return text.problem() != null ? new JournalCsv.Parsed(List.of(), List.of(text.problem()))
                : JournalCsv.parse(new StringReader(text.content()), today);
    }

    /**
     * Reads a Daylio file and, if it can be imported now, keeps it as the account's preview. The
     * problems, if not: no preview is kept then (an upload always replaces the one before).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    List<RowError> previewDaylio(UUID accountId, MultipartFile file, LocalDate today) {
        previews.drop(accountId);
        Text text = decode(file);
        if (text.problem() != null) {
            return List.of(text.problem());
        }
        DaylioCsv.Parsed parsed = DaylioCsv.parse(new StringReader(text.content()), today);
        if (!parsed.errors().isEmpty()) {
            return parsed.errors();
        }
        Optional<RowError> over = overAllowance(accountId, parsed.entries().size());
        if (over.isPresent()) {
            return List.of(over.get());
        }
        previews.keep(accountId, text.content());
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

    /** An upload as UTF-8 text, or why not: missing, too big, or not text at all. */
    private record Text(String content, RowError problem) {
    }

    private Text decode(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return new Text(null, RowError.of(0, "noFile"));
        }
        if (file.getSize() > limits.importFileSize().toBytes()) {
            return new Text(null, tooBig());
        }
        try {
            byte[] bytes = file.getBytes();
            for (byte b : bytes) {
                if (b == 0) {
                    return new Text(null, RowError.of(0, "binary"));
                }
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
            return new Text(text.startsWith("\uFEFF") ? text.substring(1) : text, null);
        }
        catch (CharacterCodingException e) {
            return new Text(null, RowError.of(0, "binary"));
        }
        catch (IOException e) {
            return new Text(null, RowError.of(0, "unreadable"));
        }
    }

    /** A file over the size limit, whether this service or the upload gate found it so. */
    RowError tooBig() {
        return RowError.of(0, "tooBig", importMegabytes());
    }

    long importMegabytes() {
        return limits.importMegabytes();
    }

    long previewMinutes() {
        return limits.previewKeptFor().toMinutes();
    }

    // ---- the Daylio preview

    /** What the preview page shows: the period, moods and activities counted, which activities exist already, the latest entries. */
    record DaylioSummary(int count, LocalDate first, LocalDate last, Map<Integer, Long> moods, Map<String, Long> activities,
            Map<String, String> known, List<DaylioCsv.Entry> sample) {
    }

    /** {@code known}: the person's environment names by their matching key, to tell which activities are new. */
    DaylioSummary daylioSummary(UUID accountId, List<DaylioCsv.Entry> entries) {
        Map<String, String> known = checkins.environments(accountId).stream()
            .collect(Collectors.toMap(e -> CheckInService.nameKey(e.getName()), CounterEnvironment::getName, (a, b) -> a));
        return new DaylioSummary(entries.size(), entries.get(0).day(), entries.get(entries.size() - 1).day(),
                entries.stream().collect(Collectors.groupingBy(DaylioCsv.Entry::mood, TreeMap::new, Collectors.counting())),
                entries.stream().flatMap(e -> e.activities().stream())
                    .collect(Collectors.groupingBy(a -> a, TreeMap::new, Collectors.counting())),
                known, entries.subList(Math.max(0, entries.size() - 10), entries.size()));
    }

    // ---- JSON export and the account's "Export my data"

    record EnvironmentJson(UUID id, String kind, String name, boolean archived) {
    }

    record CheckInJson(UUID id, LocalDate date, Instant recordedAt, int mood, String moodLabel, int homePull,
            List<String> counterEnvironments, String smallWin, String note, boolean toDiscuss) {
    }

    record WellbeingJson(LocalDate date, List<Integer> answers, int score) {
    }

    record JournalJson(List<EnvironmentJson> counterEnvironments, List<CheckInJson> checkIns,
            List<WellbeingJson> wellbeingChecks) {
    }

    JournalJson json(UUID accountId) {
        Map<UUID, CounterEnvironment> environments = checkins.environmentsById(accountId);
        List<EnvironmentJson> environmentJson = environments.values().stream()
            .map(e -> new EnvironmentJson(e.getId(), e.getKind().name(), e.getName(), e.isArchived()))
            .toList();
        List<CheckInJson> checkInJson = checkins.between(accountId, CheckInService.EARLIEST, CheckInService.LATEST).stream()
            .map(c -> new CheckInJson(c.getId(), c.getDay(), c.getRecordedAt(), c.getMood().value(),
                    c.getMood().fileLabel(), c.getHomePull().value(),
                    JournalCsv.sortedNames(names(c.getEnvironmentIds(), environments)), c.getSmallWin(), c.getNote(),
                    c.isToDiscuss()))
            .toList();
        List<WellbeingJson> wellbeingJson = wellbeing.findByAccountIdOrderByDayAscRecordedAtAsc(accountId).stream()
            .map(w -> new WellbeingJson(w.getDay(), w.answers(), w.getScore()))
            .toList();
        return new JournalJson(environmentJson, checkInJson, wellbeingJson);
    }

    @Override
    public String section() {
        return "checkins";
    }

    @Override
    public Object export(UUID accountId) {
        return json(accountId);
    }
}
