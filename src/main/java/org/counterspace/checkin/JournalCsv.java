package org.counterspace.checkin;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The check-in CSV format (documented in docs/checkins.md): one row per check-in, oldest first,
 * numeric values plus a mood label for people reading it in a spreadsheet. Cells that a spreadsheet
 * would run as a formula get a leading apostrophe, which import takes off again.
 */
final class JournalCsv {

    static final List<String> COLUMNS = List.of("date", "mood", "mood_label", "home_pull", "counter_environments",
            "small_win", "note", "to_discuss", "id");

    /** Files exported before entries carried their id: read as well, matched by day and content instead. */
    static final List<String> COLUMNS_WITHOUT_ID = COLUMNS.subList(0, COLUMNS.size() - 1);

    static final String SEPARATOR = ";";

    /** Cells starting (after any apostrophes) with one of these characters are escaped. */
    private static final Pattern NEEDS_ESCAPE = Pattern.compile("^'*[=+\\-@\t\r]", Pattern.DOTALL);

    private static final Pattern ESCAPED = Pattern.compile("^'+[=+\\-@\t\r]", Pattern.DOTALL);

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();

    private static final CSVFormat READ = CSVFormat.RFC4180.builder().get();

    private JournalCsv() {
    }

    /**
     * One check-in as the file holds it; environments by name. {@code id} is the entry's identity across
     * exports and imports ({@link CheckIn#identity()}), null when the file has none.
     */
    record Row(LocalDate day, Mood mood, HomePull homePull, Set<String> environments, String smallWin, String note,
            boolean toDiscuss, String id) {

        Row {
            environments = Set.copyOf(environments);
        }

        Row(LocalDate day, Mood mood, HomePull homePull, Set<String> environments, String smallWin, String note,
                boolean toDiscuss) {
            this(day, mood, homePull, environments, smallWin, note, toDiscuss, null);
        }

        /**
         * What the entry says, for telling whether two entries are the same: the day, the answers, the
         * environments by matching name ({@link CheckInService#nameKey}) and the texts; not the id.
         */
        String content() {
            return String.join("\u0000", day.toString(), String.valueOf(mood.value()), String.valueOf(homePull.value()),
                    String.join(SEPARATOR, environments.stream().map(CheckInService::nameKey).sorted().toList()),
                    String.valueOf(smallWin), String.valueOf(note), String.valueOf(toDiscuss));
        }
    }

    /** A problem found in a file: its line, and a message key (checkin.import.error.*) with arguments. */
    record RowError(long line, String code, List<Object> args) {

        static RowError of(long line, String code, Object... args) {
            return new RowError(line, "checkin.import.error." + code, List.of(args));
        }
    }

    record Parsed(List<Row> rows, List<RowError> errors) {

        boolean ok() {
            return errors.isEmpty();
        }
    }

    static void write(List<Row> rows, Writer out) {
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            for (Row row : rows) {
                printer.printRecord(row.day().toString(), row.mood().value(), row.mood().fileLabel(), row.homePull().value(),
                        escape(String.join(SEPARATOR, sortedNames(row.environments()))), escape(row.smallWin()),
                        escape(row.note()), row.toDiscuss(), escape(row.id()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names in a stable order, so the same journal always gives the same file. */
    static List<String> sortedNames(Set<String> names) {
        return names.stream().sorted(Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT)).thenComparing(n -> n)).toList();
    }

    static String escape(String cell) {
        if (cell == null) {
            return "";
        }
        return NEEDS_ESCAPE.matcher(cell).find() ? "'" + cell : cell;
    }

    static String unescape(String cell) {
        return ESCAPED.matcher(cell).find() ? cell.substring(1) : cell;
    }

    /**
     * Reads a whole file, checking every row against the same rules as the form. Rows are
     * numbered by their line in a spreadsheet (the header is line 1).
     */
    static Parsed parse(Reader in, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(in, READ)) {
            long number = 0;
            int columns = COLUMNS.size();
            for (CSVRecord record : parser) {
                number++;
                if (number == 1) {
                    List<String> header = Arrays.stream(record.values()).map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                    if (!header.equals(COLUMNS) && !header.equals(COLUMNS_WITHOUT_ID)) {
                        errors.add(RowError.of(1, "header", String.join(",", COLUMNS)));
                        return new Parsed(List.of(), errors);
                    }
                    columns = header.size();
                    continue;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                List<RowError> problems = new ArrayList<>();
                Row row = row(record, columns, today, problems);
                if (problems.isEmpty()) {
                    rows.add(row);
                }
                else {
                    errors.addAll(problems);
                }
            }
            if (number == 0) {
                errors.add(RowError.of(1, "empty"));
            }
        }
        catch (IOException | UncheckedIOException | IllegalStateException e) {
            errors.add(RowError.of(0, "unreadable"));
        }
        return new Parsed(errors.isEmpty() ? rows : List.of(), errors);
    }

    /** A check-in date from a CSV cell (ISO yyyy-mm-dd), not in the future and not before 1900; null when it is not. */
    static LocalDate day(String cell, long line, LocalDate today, List<RowError> problems) {
        try {
            LocalDate day = LocalDate.parse(cell.strip());
            CheckInService.dayProblem(day, today).ifPresent(problem -> problems.add(RowError.of(line, problem, day.toString())));
            return day;
        }
        catch (DateTimeParseException e) {
            problems.add(RowError.of(line, "date", shorten(cell)));
            return null;
        }
    }

    private static Row row(CSVRecord record, int columns, LocalDate today, List<RowError> problems) {
        long line = record.getRecordNumber();
        if (record.size() != columns) {
            problems.add(RowError.of(line, "columns", columns, record.size()));
            return null;
        }
        LocalDate day = day(record.get(0), line, today, problems);
        Integer mood = answer(record.get(1), Scale.MOOD, "mood", line, problems);
        Integer pull = answer(record.get(3), Scale.HOME_PULL, "home_pull", line, problems);
        Set<String> environments = new LinkedHashSet<>();
        String names = unescape(record.get(4));
        if (!names.isBlank()) {
            for (String name : names.split(SEPARATOR, -1)) {
                if (name.isBlank()) {
                    problems.add(RowError.of(line, "emptyName"));
                }
                else if (name.length() > CounterEnvironment.NAME_MAX) {
                    problems.add(RowError.of(line, "longName", CounterEnvironment.NAME_MAX));
                }
                else {
                    environments.add(name);
                }
            }
        }
        String smallWin = text(record.get(5), CheckIn.SMALL_WIN_MAX, "small_win", line, problems);
        String note = text(record.get(6), CheckIn.NOTE_MAX, "note", line, problems);
        String discuss = record.get(7).strip().toLowerCase(Locale.ROOT);
        if (!discuss.equals("true") && !discuss.equals("false")) {
            problems.add(RowError.of(line, "discuss", shorten(record.get(7))));
        }
        String id = columns > COLUMNS_WITHOUT_ID.size() ? id(unescape(record.get(8)), line, problems) : null;
        return problems.isEmpty()
                ? new Row(day, new Mood(mood), new HomePull(pull), environments, smallWin, note, discuss.equals("true"), id)
                : null;
    }

    /** An entry's id from a file: outer spaces ignored, null when empty, at most {@link CheckIn#SOURCE_ID_MAX} characters. */
    static String id(String value, long line, List<RowError> problems) {
        String id = value.strip();
        if (id.length() > CheckIn.SOURCE_ID_MAX) {
            problems.add(RowError.of(line, "longId", CheckIn.SOURCE_ID_MAX));
        }
        return id.isEmpty() ? null : id;
    }

    /** The cell's value on the scale, or null with the problem reported. */
    private static Integer answer(String cell, Scale scale, String column, long line, List<RowError> problems) {
        Optional<Integer> value = scale.read(cell);
        if (value.isEmpty()) {
            problems.add(RowError.of(line, "number", column, scale.lowest(), scale.highest(), shorten(cell)));
        }
        return value.orElse(null);
    }

    private static String text(String cell, int max, String column, long line, List<RowError> problems) {
        String value = CheckInEntry.text(unescape(cell));
        if (value != null && value.length() > max) {
            problems.add(RowError.of(line, "longText", column, max));
        }
        return value;
    }

    static String shorten(String cell) {
        return cell.length() > 40 ? cell.substring(0, 40) + "\u2026" : cell;
    }
}
