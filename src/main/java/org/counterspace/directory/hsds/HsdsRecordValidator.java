package org.counterspace.directory.hsds;

import static org.counterspace.directory.hsds.HsdsJson.abbreviate;
import static org.counterspace.directory.hsds.HsdsJson.isUuid;
import static org.counterspace.directory.hsds.HsdsJson.text;
import static org.counterspace.directory.hsds.HsdsJson.time;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.counterspace.web.ControlCharacters;

import tools.jackson.databind.JsonNode;

/**
 * Checks one HSDS service record before anything is written: what would make it wrong to import
 * (ids, name, status, nested ids, numbers, times, lengths). Each problem is one message.
 */
final class HsdsRecordValidator {

    static final Set<String> STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");

    private static final List<String> NESTED = List.of("phones", "schedules", "languages", "service_at_locations",
            "attributes");

    private final Set<String> seen;

    /** {@code seen}: the ids of the records checked so far in this file. */
    HsdsRecordValidator(Set<String> seen) {
        this.seen = seen;
    }

    /** Adds each problem of the record, every one said with where it is ({@code where}). */
    void validate(JsonNode record, RecordLocation where, List<String> problems) {
        if (!record.isObject()) {
            problems.add(where.problem("", null, "Not a JSON object."));
            return;
        }
        identity(record, where, problems);
        parts(record, where, problems);
        JsonNode organization = record.path("organization");
        if (organization.isObject() && (text(organization, "id") == null || !isUuid(text(organization, "id"))
                || text(organization, "name") == null)) {
            problems.add(where.problem("/organization", null, "The organization needs a UUID id and a name."));
        }
        for (String field : List.of("description", "eligibility_description", "application_process")) {
            String value = text(record, field);
            if (value != null && value.length() > 4000) {
                problems.add(where.problem("", field, "The " + field + " is longer than 4000 characters."));
            }
        }
        controlCharacters(record, "", null, where, problems);
    }

    /** Every text value holding a control character, each by its part and field in the record. */
    private static void controlCharacters(JsonNode node, String pointer, String field, RecordLocation where,
            List<String> problems) {
        if (node.isString()) {
            if (ControlCharacters.in(node.asString())) {
                problems.add(where.problem(pointer, field, "The " + (field == null ? "value" : field)
                        + " holds a control character (such as NUL), which cannot be stored."));
            }
            return;
        }
        String part = field == null ? pointer : pointer + "/" + field;
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            controlCharacters(property.getValue(), part, property.getKey(), where, problems);
        }
        int index = 0;
        for (JsonNode item : node.isArray() ? node : List.<JsonNode>of()) {
            controlCharacters(item, part + "/" + index++, null, where, problems);
        }
    }

    private void identity(JsonNode record, RecordLocation where, List<String> problems) {
        String id = text(record, "id");
        if (id == null) {
            problems.add(where.problem("", "id", "Missing id."));
        }
        else if (!isUuid(id)) {
            problems.add(where.problem("", "id", "The id is not a UUID: " + abbreviate(id)));
        }
        else if (!seen.add(id)) {
            problems.add(where.problem("", "id", "The id appears more than once in this file."));
        }
        String name = text(record, "name");
        if (name == null) {
            problems.add(where.problem("", "name", "Missing name."));
        }
        else if (name.length() > 300) {
            problems.add(where.problem("", "name", "The name is longer than 300 characters."));
        }
        String status = text(record, "status");
        if (status == null) {
            problems.add(where.problem("", "status", "Missing status."));
        }
        else if (!STATUSES.contains(status)) {
            problems.add(where.problem("", "status", "Unknown status: " + abbreviate(status)));
        }
    }

    private static void parts(JsonNode record, RecordLocation where, List<String> problems) {
        for (String nested : NESTED) {
            int index = 0;
            for (JsonNode item : record.path(nested)) {
                String itemId = text(item, "id");
                if (itemId == null || !isUuid(itemId)) {
                    problems.add(where.problem("/" + nested + "/" + index, "id", "A " + nested
                            + " entry has no UUID id."));
                }
                index++;
            }
        }
        int index = 0;
        for (JsonNode phone : record.path("phones")) {
            if (text(phone, "number") == null) {
                problems.add(where.problem("/phones/" + index, "number", "A phone has no number."));
            }
            index++;
        }
        index = 0;
        for (JsonNode schedule : record.path("schedules")) {
            for (String field : List.of("opens_at", "closes_at")) {
                if (text(schedule, field) != null && time(text(schedule, field)) == null) {
                    problems.add(where.problem("/schedules/" + index, field,
                            "A schedule has a time that is not HH:MM."));
                }
            }
            index++;
        }
    }
}
