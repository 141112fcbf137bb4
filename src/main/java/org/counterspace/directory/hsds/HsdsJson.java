package org.counterspace.directory.hsds;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/** Reading the values of HSDS JSON records, forgivingly: blank is absent, text is stripped. */
final class HsdsJson {

    /** A time's offset from UTC at its end: "Z", "+01:00" or "-0800". */
    private static final Pattern OFFSET = Pattern.compile("(Z|[+-]\\d{2}:?\\d{2})$");

    /** Compiled once: every id of every part of every record is asked (ten or more a service). */
    private static final Pattern UUID_TEXT = Pattern
        .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** An http(s) address with a host and no spaces. */
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)https?://[^\\s/?#]+\\S*");

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
        String t = OFFSET.matcher(value.strip()).replaceAll("");
        try {
            return LocalTime.parse(t.length() == 5 ? t : t.substring(0, Math.min(8, t.length())));
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The UTC offset a time ends with ("09:00Z", "09:00-08:00", "09:00:00+0100"), if any. */
    static Optional<ZoneOffset> offset(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = OFFSET.matcher(value.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        if (m.group().equals("Z")) {
            return Optional.of(ZoneOffset.UTC);
        }
        try {
            return Optional.of(ZoneOffset.of(m.group().length() == 5 ? m.group().substring(0, 3) + ":"
                    + m.group().substring(3) : m.group()));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static boolean isUuid(String value) {
        return UUID_TEXT.matcher(value).matches();
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

    /**
     * A web address field, kept only when it is an http or https address (at most {@code max}
     * characters): anything else ({@code javascript:}, {@code data:}, a bare word) would become a
     * link on the service page, so it is left out with a warning naming the field.
     */
    static String webAddress(JsonNode node, String field, List<String> warnings) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        if (!WEB_ADDRESS.matcher(value).matches() || value.length() > 1000) {
            warnings.add(field + " \"" + abbreviate(value) + "\" is not an http or https web address; it was left out.");
            return null;
        }
        return value;
    }
}
