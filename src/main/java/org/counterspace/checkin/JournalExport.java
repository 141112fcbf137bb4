package org.counterspace.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.counterspace.account.PersonalDataExporter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's journal written out: CSV, JSON, and their part of "Export my data". */
@Service
@Transactional(readOnly = true)
class JournalExport implements PersonalDataExporter {

    private final CheckInService checkins;

    private final WellbeingCheckRepository wellbeing;

    JournalExport(CheckInService checkins, WellbeingCheckRepository wellbeing) {
        this.checkins = checkins;
        this.wellbeing = wellbeing;
    }

    /** Every check-in, oldest first, with environments by their current names. */
    List<JournalCsv.Row> rows(UUID accountId) {
        Map<UUID, CounterEnvironment> environments = checkins.environmentsById(accountId);
        return checkins.between(accountId, CheckInService.EARLIEST, CheckInService.LATEST).stream()
            .map(c -> row(c, environments))
            .toList();
    }

    /** A check-in as a row of the CSV file (which an import compares with the rows it reads). */
    static JournalCsv.Row row(CheckIn c, Map<UUID, CounterEnvironment> environments) {
        return new JournalCsv.Row(c.getDay(), c.getMood(), c.getHomePull(), names(c.getEnvironmentIds(), environments),
                c.getSmallWin(), c.getNote(), c.isToDiscuss(), c.identity());
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

    record EnvironmentJson(UUID id, String kind, String name, boolean archived) {
    }

    /** {@code id}: the entry's identity ({@link CheckIn#identity()}), which an import recognises. */
    record CheckInJson(String id, LocalDate date, Instant recordedAt, int mood, String moodLabel, int homePull,
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
            .map(c -> new CheckInJson(c.identity(), c.getDay(), c.getRecordedAt(), c.getMood().value(),
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
