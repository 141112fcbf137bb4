package org.counterspace.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A check-in ready for a page: mood and home pull as the numbers the pages print, its environments
 * by their current names, in display order.
 */
public record CheckInView(UUID id, LocalDate day, int mood, int homePull, String smallWin, String note, boolean toDiscuss,
        List<CounterEnvironment> environments) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    static CheckInView of(CheckIn checkIn, Map<UUID, CounterEnvironment> environments) {
        return of(checkIn.getId(), checkIn.getDay(), checkIn.getMood().value(), checkIn.getHomePull().value(),
                checkIn.getSmallWin(), checkIn.getNote(), checkIn.isToDiscuss(), checkIn.getEnvironmentIds(), environments);
    }

    static CheckInView of(UUID id, LocalDate day, int mood, int homePull, String smallWin, String note,
            boolean toDiscuss, Collection<UUID> environmentIds, Map<UUID, CounterEnvironment> environments) {
        List<CounterEnvironment> used = environmentIds.stream().map(environments::get)
            .filter(Objects::nonNull).sorted(CheckInService.DISPLAY_ORDER).toList();
        return new CheckInView(id, day, mood, homePull, smallWin, note, toDiscuss, used);
    }

    /** The day as a page heads the check-in: "Monday 7 December 2026". */
    public String dayText() {
        return DAY.format(day);
    }

    public boolean hardDay() {
        return new Mood(mood).isHardDayWith(new HomePull(homePull));
    }
}
