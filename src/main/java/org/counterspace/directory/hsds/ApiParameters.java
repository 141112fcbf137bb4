package org.counterspace.directory.hsds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The HSDS API's query parameters, read strictly: a parameter the endpoint does not document, or a
 * value out of shape, is a {@link BadParameter} naming it (answered 400 by {@link HsdsApiController}).
 */
final class ApiParameters {

    static final int DEFAULT_PER_PAGE = 50;

    static final int MAX_PER_PAGE = 200;

    static final class BadParameter extends RuntimeException {

        BadParameter(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Refuses parameters the endpoint does not document (a client relying on a filter that is not
     * there would silently get everything) and formats other than JSON.
     */
    @SafeVarargs
    static void accept(Map<String, String> params, List<String>... documented) {
        for (String name : params.keySet()) {
            if (Arrays.stream(documented).noneMatch(names -> names.contains(name))) {
                throw new BadParameter(printable(name) + ": not a parameter of this endpoint");
            }
        }
        String format = params.get("format");
        if (format != null && !format.equals("json")) {
            throw new BadParameter("format: only json is offered");
        }
    }

    /** A parameter name as it may be echoed back: short, and only plain characters. */
    static String printable(String name) {
        String plain = name.replaceAll("[^A-Za-z0-9_\\-\\[\\].]", "?");
        return plain.length() > 40 ? plain.substring(0, 40) + "…" : plain;
    }

    static HsdsApi.Paging paging(Map<String, String> params) {
        int page = params.containsKey("page") ? (int) Math.max(1, Math.min(100_000, number(params, "page"))) : 1;
        int perPage = params.containsKey("per_page")
                ? (int) Math.max(1, Math.min(MAX_PER_PAGE, number(params, "per_page"))) : DEFAULT_PER_PAGE;
        return new HsdsApi.Paging(page, perPage);
    }

    static double number(Map<String, String> params, String name) {
        try {
            double value = Double.parseDouble(params.get(name).strip());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        }
        catch (NumberFormatException e) {
            throw new BadParameter(name + ": a number is needed");
        }
    }

    static boolean bool(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new BadParameter(name + ": true or false");
        };
    }

    static UUID uuid(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        }
        catch (IllegalArgumentException e) {
            throw new BadParameter(name + ": a UUID is needed");
        }
    }

    static Instant instant(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        }
        catch (DateTimeParseException e) {
            throw new BadParameter(name + ": a date (2024-05-16) or date-time (2024-05-16T10:00:00Z) is needed");
        }
    }

    private ApiParameters() {
    }
}
