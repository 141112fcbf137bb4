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

    void validate(JsonNode record, List<String> problems) {
        if (!record.isObject()) {
            problems.add("Not a JSON object.");
            return;
        }
        identity(record, problems);
        parts(record, problems);
        JsonNode organization = record.path("organization");
        if (organization.isObject() && (text(organization, "id") == null || !isUuid(text(organization, "id"))
                || text(organization, "name") == null)) {
            problems.add("The organization needs a UUID id and a name.");
        }
        for (String field : List.of("description", "eligibility_description", "application_process")) {
            String value = text(record, field);
            if (value != null && value.length() > 4000) {
                problems.add("The " + field + " is longer than 4000 characters.");
            }
        }
        String control = fieldWithControlCharacter(record, "");
        if (control != null) {
            problems.add("The " + control + " holds a control character (such as NUL), which cannot be stored.");
        }
    }

    /** The first text value holding a control character, by its path in the record, or null. */
    private static String fieldWithControlCharacter(JsonNode node, String path) {
        if (node.isString()) {
            return ControlCharacters.in(node.asString()) ? path : null;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String found = fieldWithControlCharacter(field.getValue(), path.isEmpty() ? field.getKey()
                    : path + "." + field.getKey());
            if (found != null) {
                return found;
            }
        }
        int index = 0;
        for (JsonNode item : node.isArray() ? node : List.<JsonNode>of()) {
            String found = fieldWithControlCharacter(item, path + "[" + index++ + "]");
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private void identity(JsonNode record, List<String> problems) {
        String id = text(record, "id");
        if (id == null) {
            problems.add("Missing id.");
        }
        else if (!isUuid(id)) {
            problems.add("The id is not a UUID: " + abbreviate(id));
        }
        else if (!seen.add(id)) {
            problems.add("The id appears more than once in this file.");
        }
        String name = text(record, "name");
        if (name == null) {
            problems.add("Missing name.");
        }
        else if (name.length() > 300) {
            problems.add("The name is longer than 300 characters.");
        }
        String status = text(record, "status");
        if (status == null) {
            problems.add("Missing status.");
        }
        else if (!STATUSES.contains(status)) {
            problems.add("Unknown status: " + abbreviate(status));
        }
    }

    private static void parts(JsonNode record, List<String> problems) {
        for (String nested : NESTED) {
            for (JsonNode item : record.path(nested)) {
                String itemId = text(item, "id");
                if (itemId == null || !isUuid(itemId)) {
                    problems.add("A " + nested + " entry has no UUID id.");
                }
            }
        }
        for (JsonNode phone : record.path("phones")) {
            if (text(phone, "number") == null) {
                problems.add("A phone has no number.");
            }
        }
        for (JsonNode schedule : record.path("schedules")) {
            if (text(schedule, "opens_at") != null && time(text(schedule, "opens_at")) == null
                    || text(schedule, "closes_at") != null && time(text(schedule, "closes_at")) == null) {
                problems.add("A schedule has a time that is not HH:MM.");
            }
        }
    }
}
