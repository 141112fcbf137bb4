package org.counterspace.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.counterspace.account.PersonalDataExporter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Export of a person's journal (CSV, JSON and their part of "Export my data") and all-or-nothing import. */
@Service
@Transactional(readOnly = true)
class TransferService implements PersonalDataExporter {

    private final CheckInService checkins;

    private final CheckInRepository checkInRepository;

    private final WellbeingCheckRepository wellbeing;

    private final Clock clock = Clock.systemUTC();

    TransferService(CheckInService checkins, CheckInRepository checkInRepository, WellbeingCheckRepository wellbeing) {
        this.checkins = checkins;
        this.checkInRepository = checkInRepository;
        this.wellbeing = wellbeing;
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
            checkInRepository.save(new CheckIn(accountId, base.plusMillis(index++),
                    new CheckInEntry(row.day(), row.mood(), row.homePull(), row.smallWin(), row.note(), row.toDiscuss(), ids)));
        }
        return rows.size();
    }

    static List<JournalCsv.Row> fromDaylio(List<DaylioCsv.Entry> entries, int homePull) {
        return entries.stream()
            .map(e -> new JournalCsv.Row(e.day(), e.mood(), homePull, Set.copyOf(e.activities()), null, e.note(), false))
            .toList();
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
            .map(c -> new CheckInJson(c.getId(), c.getDay(), c.getRecordedAt(), c.getMood(),
                    JournalCsv.MOOD_LABELS.get(c.getMood() - 1), c.getHomePull(),
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
