package org.counterspace.checkin;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.counterspace.checkin.JournalCsv.RowError;

/**
 * Reads a Daylio CSV export (full_date,date,weekday,time,mood,activities,note_title,note). Daylio's
 * five standard moods map onto our 1–5 scale; its activities, separated by " | ", become
 * counter-environments by name. Daylio has no home pull, so the person picks one value for the
 * imported days on the preview page.
 */
final class DaylioCsv {

    static final List<String> COLUMNS = List.of("full_date", "date", "weekday", "time", "mood", "activities",
            "note_title", "note");

    static final Map<String, Mood> MOODS = Map.of("rad", new Mood(5), "good", new Mood(4), "meh", new Mood(3),
            "bad", new Mood(2), "awful", new Mood(1));

    static final String ACTIVITY_SEPARATOR = " | ";

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().get();

    private DaylioCsv() {
    }

    /** One Daylio entry, the mood as its number, which the preview page also prints. */
    record Entry(LocalDate day, String time, int mood, List<String> activities, String note) {

        /**
         * Daylio exports have no ids, so an entry is known by its day, time and content: a digest of
         * them (activities by matching name), kept as the imported check-in's source id.
         */
        String id() {
            String content = String.join("\u0000", day.toString(), time, String.valueOf(mood),
                    String.join(JournalCsv.SEPARATOR, activities.stream().map(CheckInService::nameKey).sorted().toList()),
                    String.valueOf(note));
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
                return "daylio-" + HexFormat.of().formatHex(digest, 0, 16);
            }
            catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        /** The check-in this entry becomes, with the home pull chosen for the import. */
        JournalCsv.Row row(HomePull homePull) {
            return new JournalCsv.Row(day, new Mood(mood), homePull, Set.copyOf(activities), null, note, false, id());
        }
    }

    record Parsed(List<Entry> entries, List<RowError> errors) {
    }

    static Parsed parse(Reader in, LocalDate today) {
        List<Entry> entries = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(in, READ)) {
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber();
                if (line == 1) {
                    List<String> header = Arrays.stream(record.values()).map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                    if (!header.equals(COLUMNS)) {
                        errors.add(RowError.of(1, "header", String.join(",", COLUMNS)));
                        return new Parsed(List.of(), errors);
                    }
                    continue;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                List<RowError> problems = new ArrayList<>();
                Entry entry = entry(record, line, today, problems);
                if (problems.isEmpty()) {
                    entries.add(entry);
                }
                errors.addAll(problems);
            }
        }
        catch (IOException | UncheckedIOException | IllegalStateException e) {
            errors.add(RowError.of(0, "unreadable"));
        }
        if (errors.isEmpty() && entries.isEmpty()) {
            errors.add(RowError.of(1, "empty"));
        }
        entries.sort(Comparator.comparing(Entry::day).thenComparing(Entry::time));
        return new Parsed(errors.isEmpty() ? entries : List.of(), errors);
    }

    private static Entry entry(CSVRecord record, long line, LocalDate today, List<RowError> problems) {
        if (record.size() != COLUMNS.size()) {
            problems.add(RowError.of(line, "columns", COLUMNS.size(), record.size()));
            return null;
        }
        LocalDate day = JournalCsv.day(record.get(0), line, today, problems);
        Mood mood = MOODS.get(record.get(4).strip().toLowerCase(Locale.ROOT));
        if (mood == null) {
            problems.add(RowError.of(line, "daylioMood", JournalCsv.shorten(record.get(4))));
        }
        // one activity per matching name ("Walk" and "walk" are one), as first spelled
        Map<String, String> activities = new LinkedHashMap<>();
        for (String activity : record.get(5).split(java.util.regex.Pattern.quote(ACTIVITY_SEPARATOR))) {
            String name = activity.strip().replace(JournalCsv.SEPARATOR, ",");
            if (name.length() > CounterEnvironment.NAME_MAX) {
                problems.add(RowError.of(line, "longName", CounterEnvironment.NAME_MAX));
            }
            else if (!name.isEmpty()) {
                activities.putIfAbsent(CheckInService.nameKey(name), name);
            }
        }
        String title = record.get(6).strip();
        String body = record.get(7).strip();
        String note = title.isEmpty() ? body : body.isEmpty() ? title : title + "\n\n" + body;
        if (note.length() > CheckIn.NOTE_MAX) {
            problems.add(RowError.of(line, "longText", "note", CheckIn.NOTE_MAX));
        }
        return problems.isEmpty()
                ? new Entry(day, record.get(3).strip(), mood.value(), List.copyOf(activities.values()), note.isEmpty() ? null : note)
                : null;
    }
}
