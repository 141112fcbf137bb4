package org.counterspace.directory.hsds;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/** Reading the values of HSDS JSON records, forgivingly: blank is absent, text is stripped. */
final class HsdsJson {

    private HsdsJson() {
    }

    /** The text of a value field, stripped; null when absent, null, blank or not a value. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.isValueNode() ? value.asString() : null;
        return text == null || text.isBlank() ? null : text.strip();
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asInt() : null;
    }

    /** "09:00", "09:00:00" or with an offset ("09:00Z", "09:00+01:00", which is dropped); null if neither. */
    static LocalTime time(String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip().replaceAll("(Z|[+-]\\d{2}:?\\d{2})$", "");
        try {
            return LocalTime.parse(t.length() == 5 ? t : t.substring(0, Math.min(8, t.length())));
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean isUuid(String value) {
        return value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    /** At most {@code max} characters, as the columns hold. */
    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A value quoted in a message, shortened. */
    static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
