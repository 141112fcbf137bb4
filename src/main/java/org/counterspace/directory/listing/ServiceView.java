package org.counterspace.directory.listing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.counterspace.directory.About;
import org.counterspace.directory.Access;
import org.counterspace.directory.Address;
import org.counterspace.directory.AgeGroup;
import org.counterspace.directory.Channel;
import org.counterspace.directory.Cost;
import org.counterspace.directory.Coverage;
import org.counterspace.directory.Language;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.TimeZones;
import org.counterspace.directory.WeeklyHours;

/**
 * Everything a page shows about a service, read inside the transaction so templates never touch
 * lazy associations. Its hours are in {@code timeZone}, which the page names ({@code timeZoneName},
 * {@code timeZoneCity}: "Pacific Time (Los Angeles)"). Who checked it is left out: the public page says
 * only that a curator did.
 */
public record ServiceView(UUID id, String name, String organization, String description, List<Term> categories,
        List<Channel> channels, boolean free, Cost cost, String fees, String eligibility, String applicationProcess,
        String accessibility, String serviceArea, String interpretation, AgeGroup ageGroup, List<PhoneLine> phones,
        String url, String email, List<String> languages, List<String> addresses, String country, String region,
        String timeZone, String timeZoneName, String timeZoneCity, Map<DayOfWeek, List<Opening>> hours,
        boolean hoursKnown, boolean alwaysOpen, boolean openNow, boolean national, boolean demo, String source,
        LocalDate assuredDate, boolean checkedByCurator, boolean active) {

    public record Term(String code, String name) {
    }

    public record PhoneLine(String number, String dialable, boolean text, String description) {
    }

    public record Opening(LocalTime opens, LocalTime closes) {
    }

    static ServiceView of(SupportService s, Instant now) {
        WeeklyHours hours = s.hours();
        Map<DayOfWeek, List<Opening>> byDay = new EnumMap<>(DayOfWeek.class);
        hours.byDay().forEach((day, intervals) -> byDay.put(day,
                intervals.stream().map(i -> new Opening(i.opens(), i.closes())).toList()));
        About about = s.about();
        Access access = s.access();
        Coverage coverage = s.coverage();
        return new ServiceView(s.getId(), s.getName(),
                s.getOrganization() == null ? null : s.getOrganization().getName(), about.description(),
                s.getTerms().stream().map(t -> new Term(t.getCode(), t.getName()))
                    .sorted(Comparator.comparing(Term::name)).toList(),
                s.getChannels(), s.fees().free(), s.fees().cost(), s.fees().description(),
                access.eligibilityDescription(), access.applicationProcess(), access.accessibility(), coverage.serviceArea(),
                access.interpretationServices(), access.ageGroup(),
                s.getPhones().stream()
                    .map(p -> new PhoneLine(p.getNumber(), p.dialable(), p.isText(), p.getDescription()))
                    .toList(),
                about.url(), about.email(), s.getLanguages().stream().map(Language::getName).toList(),
                s.addresses().stream().map(Address::oneLine).toList(), coverage.country(), coverage.region(),
                coverage.timeZone().getId(), TimeZones.displayName(coverage.timeZone()),
                TimeZones.city(coverage.timeZone()), byDay, hours.isKnown(), hours.alwaysOpen(),
                hours.openAt(now, coverage.timeZone()), s.provenance().national(), s.provenance().demo(),
                s.provenance().source(), s.assurance().date(), checkedByCurator(s.assurance().assurer()), s.isActive());
    }

    /** A curator's check records their username; an HSDS import may carry the publisher's email instead. */
    private static boolean checkedByCurator(String assurer) {
        return assurer != null && !assurer.contains("@");
    }
}
