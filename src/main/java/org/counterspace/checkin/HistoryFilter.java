package org.counterspace.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** History filters from the query string; every part is optional, and unreadable parts are dropped. */
public record HistoryFilter(LocalDate from, LocalDate to, UUID environment, boolean invalid) {

    static HistoryFilter parse(String from, String to, String environment) {
        boolean[] invalid = { false };
        LocalDate fromDay = parseDay(from, invalid);
        LocalDate toDay = parseDay(to, invalid);
        UUID environmentId = null;
        if (environment != null && !environment.isBlank()) {
            try {
                environmentId = UUID.fromString(environment.strip());
            }
            catch (IllegalArgumentException e) {
                invalid[0] = true;
            }
        }
        return new HistoryFilter(fromDay, toDay, environmentId, invalid[0]);
    }

    private static LocalDate parseDay(String text, boolean[] invalid) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            invalid[0] = true;
            return null;
        }
    }

    static int pageNumber(String page) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(page.strip()), 1_000_000));
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }

    boolean active() {
        return from != null || to != null || environment != null;
    }
}
