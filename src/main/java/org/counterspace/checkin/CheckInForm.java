package org.counterspace.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the check-in form sends, as the text typed, so a bad value never stops the rest of the
 * input from coming back to the person. Never carries an id or an owner: those come from the URL
 * and the session.
 */
record CheckInForm(
        @NotBlank(message = "{checkin.error.day.required}") String day,
        @NotNull(message = "{checkin.error.mood}") @Pattern(regexp = "[1-5]", message = "{checkin.error.mood}") String mood,
        @NotNull(message = "{checkin.error.homePull}") @Pattern(regexp = "[0-9]|10", message = "{checkin.error.homePull}") String homePull,
        List<String> environments,
        @Size(max = CheckIn.SMALL_WIN_MAX, message = "{checkin.error.smallWin.size}") String smallWin,
        @Size(max = CheckIn.NOTE_MAX, message = "{checkin.error.note.size}") String note,
        String toDiscuss) {

    static CheckInForm blank(LocalDate today) {
        return new CheckInForm(today.toString(), null, null, List.of(), null, null, null);
    }

    static CheckInForm of(CheckIn checkIn) {
        return new CheckInForm(checkIn.getDay().toString(), String.valueOf(checkIn.getMood()),
                String.valueOf(checkIn.getHomePull()), checkIn.getEnvironmentIds().stream().map(UUID::toString).toList(),
                checkIn.getSmallWin(), checkIn.getNote(), checkIn.isToDiscuss() ? "true" : null);
    }

    /** The date, or null when it is not a real ISO date. */
    LocalDate date() {
        try {
            return day == null ? null : LocalDate.parse(day.strip());
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The chosen environment ids that are well-formed ids. */
    public List<UUID> chosen() {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String id : environments == null ? List.<String>of() : environments) {
            try {
                ids.add(UUID.fromString(id.strip()));
            }
            catch (IllegalArgumentException e) {
                // reported by malformedEnvironments()
            }
        }
        return new ArrayList<>(ids);
    }

    boolean malformedEnvironments() {
        return environments != null && chosen().size() != environments.stream().filter(id -> !id.isBlank()).distinct().count();
    }

    public boolean discuss() {
        return "true".equals(toDiscuss) || "on".equals(toDiscuss);
    }

    public boolean isMood(int value) {
        return String.valueOf(value).equals(mood == null ? null : mood.strip());
    }

    public boolean isHomePull(int value) {
        return String.valueOf(value).equals(homePull == null ? null : homePull.strip());
    }

    /** Only for a form that passed validation. */
    CheckInEntry toEntry() {
        return new CheckInEntry(date(), Integer.parseInt(mood.strip()), Integer.parseInt(homePull.strip()),
                blankToNull(smallWin), blankToNull(note), discuss(), Set.copyOf(chosen()));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
