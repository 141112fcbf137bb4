package org.counterspace.checkin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.counterspace.checkin.JournalCsv.Row;
import org.counterspace.checkin.JournalCsv.RowError;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the journal's own JSON export ({@link JournalExport.JournalJson}) back: its counter-environments
 * (kind, name, archived) and check-ins, checked with the same rules as the CSV import. Check-ins are
 * numbered from 1 in the order the file lists them; their {@code recordedAt} and {@code moodLabel} are
 * ignored, and so are the wellbeing checks.
 */
final class JournalJsonFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JournalJsonFile() {
    }

    /** A counter-environment the file names, to be added when the person has none of that name. */
    record Environment(EnvironmentKind kind, String name, boolean archived) {
    }

    record Parsed(List<Environment> environments, List<Row> rows, List<RowError> errors) {
    }

    static Parsed parse(String text, LocalDate today) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        }
        catch (JacksonException e) {
            return refused(RowError.of(0, "json"));
        }
        if (root == null || !root.isObject() || !root.path("checkIns").isArray()) {
            return refused(RowError.of(0, "jsonShape"));
        }
        if (holdsNul(root)) {
            // written as an escape (\u0000) it passes the upload's byte check, as a CSV's NUL byte does not;
            // PostgreSQL cannot store it
            return refused(RowError.of(0, "nul"));
        }
        List<RowError> errors = new ArrayList<>();
        List<Environment> environments = new ArrayList<>();
        JsonNode listed = root.path("counterEnvironments");
        if (!listed.isMissingNode() && !listed.isArray()) {
            errors.add(RowError.of(0, "jsonShape"));
        }
        int number = 0;
        for (JsonNode node : listed.isArray() ? listed : JSON.createArrayNode()) {
            number++;
            Optional<Environment> environment = environment(node);
            if (environment.isPresent()) {
                environments.add(environment.get());
            }
            else {
                errors.add(RowError.of(0, "jsonEnvironment", number, CounterEnvironment.NAME_MAX));
            }
        }
        List<Row> rows = new ArrayList<>();
        number = 0;
        for (JsonNode node : root.path("checkIns")) {
            number++;
            List<RowError> problems = new ArrayList<>();
            Row row = node.isObject() ? row(node, number, today, problems) : null;
            if (!node.isObject()) {
                problems.add(RowError.of(number, "jsonEntry"));
            }
            if (problems.isEmpty()) {
                rows.add(row);
            }
            errors.addAll(problems);
        }
        if (errors.isEmpty() && rows.isEmpty() && environments.isEmpty()) {
            errors.add(RowError.of(0, "empty"));
        }
        return errors.isEmpty() ? new Parsed(environments, rows, List.of()) : refused(errors);
    }

    private static Parsed refused(RowError error) {
        return refused(List.of(error));
    }

    private static Parsed refused(List<RowError> errors) {
        return new Parsed(List.of(), List.of(), errors);
    }

    private static Optional<Environment> environment(JsonNode node) {
        String name = text(node.path("name")).strip().replace(JournalCsv.SEPARATOR, ",");
        EnvironmentKind kind;
        try {
            kind = EnvironmentKind.valueOf(text(node.path("kind")).strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (name.isEmpty() || name.length() > CounterEnvironment.NAME_MAX) {
            return Optional.empty();
        }
        return Optional.of(new Environment(kind, name, node.path("archived").asBoolean(false)));
    }

    private static Row row(JsonNode node, long number, LocalDate today, List<RowError> problems) {
        LocalDate day = JournalCsv.day(text(node.path("date")), number, today, problems);
        Optional<Integer> mood = Scale.MOOD.read(text(node.path("mood")));
        if (mood.isEmpty()) {
            problems.add(RowError.of(number, "number", "mood", Scale.MOOD.lowest(), Scale.MOOD.highest(),
                    JournalCsv.shorten(text(node.path("mood")))));
        }
        Optional<Integer> pull = Scale.HOME_PULL.read(text(node.path("homePull")));
        if (pull.isEmpty()) {
            problems.add(RowError.of(number, "number", "homePull", Scale.HOME_PULL.lowest(), Scale.HOME_PULL.highest(),
                    JournalCsv.shorten(text(node.path("homePull")))));
        }
        Set<String> environments = new LinkedHashSet<>();
        JsonNode names = node.path("counterEnvironments");
        for (JsonNode name : names.isArray() ? names : JSON.createArrayNode()) {
            // as in a Daylio import: the CSV export separates names with ";"
            String value = text(name).replace(JournalCsv.SEPARATOR, ",");
            if (value.isBlank()) {
                problems.add(RowError.of(number, "emptyName"));
            }
            else if (value.length() > CounterEnvironment.NAME_MAX) {
                problems.add(RowError.of(number, "longName", CounterEnvironment.NAME_MAX));
            }
            else {
                environments.add(value);
            }
        }
        String smallWin = optionalText(node.path("smallWin"), CheckIn.SMALL_WIN_MAX, "smallWin", number, problems);
        String note = optionalText(node.path("note"), CheckIn.NOTE_MAX, "note", number, problems);
        JsonNode discuss = node.path("toDiscuss");
        if (!discuss.isMissingNode() && !discuss.isNull() && !discuss.isBoolean()) {
            problems.add(RowError.of(number, "discuss", JournalCsv.shorten(text(discuss))));
        }
        String id = JournalCsv.id(text(node.path("id")), number, problems);
        return problems.isEmpty() ? new Row(day, new Mood(mood.get()), new HomePull(pull.get()), environments, smallWin,
                note, discuss.asBoolean(false), id) : null;
    }

    private static boolean holdsNul(JsonNode node) {
        if (node.isString()) {
            return node.asString().indexOf('\u0000') >= 0;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().indexOf('\u0000') >= 0 || holdsNul(field.getValue())) {
                return true;
            }
        }
        for (JsonNode item : node.isArray() ? node : JSON.createArrayNode()) {
            if (holdsNul(item)) {
                return true;
            }
        }
        return false;
    }

    /** A value as text: strings as they are, numbers and booleans written out, anything else empty. */
    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asString() : "";
    }

    private static String optionalText(JsonNode node, int max, String field, long number, List<RowError> problems) {
        String value = CheckInEntry.text(text(node));
        if (value != null && value.length() > max) {
            problems.add(RowError.of(number, "longText", field, max));
        }
        return value;
    }
}
