package org.counterspace.directory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a page shows about a service, read inside the transaction so templates never touch
 * lazy associations. Who checked it is left out: the public page says only that a curator did.
 */
record ServiceView(UUID id, String name, String organization, String description, List<Term> categories,
        List<Channel> channels, boolean free, String fees, String eligibility, String applicationProcess,
        String accessibility, String serviceArea, String interpretation, AgeGroup ageGroup, List<PhoneLine> phones,
        String url, String email, List<String> languages, List<String> addresses, String country, String region,
        String timeZone, Map<DayOfWeek, List<Opening>> hours, boolean hoursKnown, boolean alwaysOpen,
        boolean openNow, boolean national, boolean demo, String source, LocalDate assuredDate, boolean checkedByCurator,
        boolean active) {

    record Term(String code, String name) {
    }

    record PhoneLine(String number, String dialable, boolean text, String description) {
    }

    record Opening(LocalTime opens, LocalTime closes) {
    }

    static ServiceView of(SupportService s, Instant now) {
        WeeklyHours hours = s.hours();
        Map<DayOfWeek, List<Opening>> byDay = new java.util.EnumMap<>(DayOfWeek.class);
        hours.byDay().forEach((day, intervals) -> byDay.put(day,
                intervals.stream().map(i -> new Opening(i.opens(), i.closes())).toList()));
        List<String> addresses = s.getServiceAtLocations().stream()
            .flatMap(sal -> sal.getLocation().getAddresses().stream())
            .map(Address::oneLine)
            .toList();
        String accessibility = s.getAccessibility();
        return new ServiceView(s.getId(), s.getName(),
                s.getOrganization() == null ? null : s.getOrganization().getName(), s.getDescription(),
                s.getTerms().stream().map(t -> new Term(t.getCode(), t.getName()))
                    .sorted(Comparator.comparing(Term::name)).toList(),
                s.getChannels(), s.isFree(), s.getFeesDescription(), s.getEligibilityDescription(),
                s.getApplicationProcess(), accessibility, s.getServiceArea(), s.getInterpretationServices(),
                s.getAgeGroup(),
                s.getPhones().stream()
                    .map(p -> new PhoneLine(p.getNumber(), p.dialable(), p.isText(), p.getDescription()))
                    .toList(),
                s.getUrl(), s.getEmail(), s.getLanguages().stream().map(Language::getName).toList(), addresses,
                s.getCountry(), s.getRegion(), s.getTimeZone().getId(), byDay, hours.isKnown(), hours.alwaysOpen(),
                hours.openAt(now, s.getTimeZone()), s.isNational(), s.isDemo(), s.getSource(), s.getAssuredDate(),
                checkedByCurator(s.getAssurerEmail()), s.isActive());
    }

    /** A curator's check records their username; an HSDS import may carry the publisher's email instead. */
    private static boolean checkedByCurator(String assurer) {
        return assurer != null && !assurer.contains("@");
    }
}
