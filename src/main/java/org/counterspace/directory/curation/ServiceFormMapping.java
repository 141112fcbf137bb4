package org.counterspace.directory.curation;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.counterspace.directory.About;
import org.counterspace.directory.Access;
import org.counterspace.directory.Address;
import org.counterspace.directory.AgeGroup;
import org.counterspace.directory.Channel;
import org.counterspace.directory.Coverage;
import org.counterspace.directory.Fees;
import org.counterspace.directory.Location;
import org.counterspace.directory.Organization;
import org.counterspace.directory.Phone;
import org.counterspace.directory.Provenance;
import org.counterspace.directory.ServiceDetails;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.TaxonomyTerm;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The curator's form and a service, both ways: a service shown as a form, and a form read as
 * {@link ServiceDetails}. What the form does not show (other names, interpreting, ages, the area
 * served, where the listing comes from, languages) is kept as the service has it.
 */
final class ServiceFormMapping {

    static final Pattern OPENING = Pattern.compile("((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)\\s+(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private ServiceFormMapping() {
    }

    static ServiceForm formOf(SupportService s) {
        Address address = s.addresses().stream().findFirst().orElse(null);
        Location location = address == null ? null : address.getLocation();
        boolean located = location != null && location.hasCoordinates();
        List<String> hours = s.getSchedules().stream()
            .map(sc -> sc.getByday() + " " + HH_MM.format(sc.getOpensAt()) + "-" + HH_MM.format(sc.getClosesAt()))
            .toList();
        return new ServiceForm(s.getName(), s.getOrganization() == null ? null : s.getOrganization().getName(),
                s.about().description(), s.about().url(), s.about().email(),
                s.mainPhone().map(Phone::getNumber).orElse(null), s.textPhone().map(Phone::getNumber).orElse(null),
                s.fees().description(), s.fees().cost().code(), s.access().eligibilityDescription(),
                s.access().applicationProcess(), s.access().accessibility(), s.access().ageGroup().code(),
                s.getChannels().stream().map(Channel::code).toList(),
                s.getTerms().stream().map(TaxonomyTerm::getCode).toList(), s.coverage().country(),
                s.coverage().region(), s.getTimeZone().getId(), String.join("\n", hours),
                address == null ? null : address.getAddress1(), address == null ? null : address.getCity(),
                address == null ? null : address.getPostalCode(),
                located ? location.getLatitude().toString() : null, located ? location.getLongitude().toString() : null);
    }

    /** Checks what Bean Validation cannot: time zone, opening lines, coordinates. */
    static void check(ServiceForm form, BindingResult errors) {
        if (form.timeZone() != null && !form.timeZone().isBlank()) {
            try {
                ZoneId.of(form.timeZone().strip());
            }
            catch (DateTimeException e) {
                reject(errors, "timeZone", form.timeZone(), "curate.form.timeZone.invalid");
            }
        }
        if (form.hours() != null && lines(form.hours()).anyMatch(line -> !line.isBlank() && openingOf(line) == null)) {
            reject(errors, "hours", form.hours(), "curate.form.hours.invalid");
        }
        boolean anyCoordinate = form.latitude() != null && !form.latitude().isBlank()
                || form.longitude() != null && !form.longitude().isBlank();
        if (anyCoordinate && form.point() == null) {
            reject(errors, "latitude", form.latitude(), "curate.form.coordinates.invalid");
        }
    }

    /**
     * A field error with the value as given. When a value of the wrong type (a "free" that is neither
     * yes nor no) kept the binder from building the form, the binding has no form to read the value
     * from, and {@link BindingResult#rejectValue} would fail instead of adding the message.
     */
    private static void reject(BindingResult errors, String field, String value, String code) {
        if (errors.getTarget() != null) {
            errors.rejectValue(field, code);
            return;
        }
        errors.addError(new FieldError(errors.getObjectName(), field, value, false,
                errors.resolveMessageCodes(code, field), null, null));
    }

    /**
     * The form as details of a service run by {@code provider}, in these categories, keeping what the
     * form does not show from {@code current} (null for a new service).
     */
    static ServiceDetails details(ServiceForm form, SupportService current, Organization provider,
            Set<TaxonomyTerm> categories) {
        About kept = current == null ? About.NOTHING : current.about();
        Access access = current == null ? Access.ANYONE : current.access();
        String serviceArea = current == null ? null : current.coverage().serviceArea();
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        form.channelCodes().forEach(code -> Channel.fromCode(code).ifPresent(channels::add));
        return ServiceDetails.named(form.name().strip())
            .about(new About(kept.alternateName(), blank(form.description()), blank(form.url()), blank(form.email())))
            .access(new Access(blank(form.eligibility()), blank(form.applicationProcess()), blank(form.accessibility()),
                    access.interpretationServices(), access.minimumAge(), access.maximumAge(),
                    AgeGroup.fromCode(form.ageGroup()).orElse(AgeGroup.ALL)))
            .fees(new Fees(blank(form.fees()), form.costSaid()))
            .coverage(new Coverage(form.country(), blank(form.region()), ZoneId.of(form.timeZone().strip()),
                    serviceArea))
            .provenance(current == null ? Provenance.LOCAL : current.provenance())
            .channels(channels)
            .phones(phones(form))
            .openings(openings(form.hours()))
            .languages(current == null ? List.of() : current.getLanguages().stream()
                .map(l -> new ServiceDetails.SpokenLanguage(l.getId(), l.getName(), l.getCode(), l.getNote())).toList())
            .places(places(form, provider))
            .terms(categories)
            .build();
    }

    private static List<ServiceDetails.PhoneNumber> phones(ServiceForm form) {
        List<ServiceDetails.PhoneNumber> phones = new ArrayList<>();
        if (blank(form.phone()) != null) {
            phones.add(ServiceDetails.PhoneNumber.voice(form.phone().strip()));
        }
        if (blank(form.text()) != null) {
            phones.add(ServiceDetails.PhoneNumber.text(form.text().strip(), null));
        }
        return phones;
    }

    private static List<ServiceDetails.Opening> openings(String hours) {
        if (hours == null) {
            return List.of();
        }
        return lines(hours).filter(line -> !line.isBlank()).map(ServiceFormMapping::openingOf).filter(Objects::nonNull)
            .toList();
    }

    private static Stream<String> lines(String text) {
        return Arrays.stream(text.split("\\R"));
    }

    /** An address is kept when street, town and postcode are all given. */
    private static List<ServiceDetails.Place> places(ServiceForm form, Organization provider) {
        if (blank(form.street()) == null || blank(form.city()) == null || blank(form.postcode()) == null) {
            return List.of();
        }
        return List.of(ServiceDetails.Place.at(Location.physical(UUID.randomUUID(), UUID.randomUUID(), provider,
                form.name().strip(), blank(form.accessibility()), form.point(), form.street().strip(),
                form.city().strip(), form.region() == null ? "" : form.region().strip(), form.postcode().strip(),
                form.country())));
    }

    /** "MO,TU 09:00-17:00" as an opening, or null. */
    private static ServiceDetails.Opening openingOf(String line) {
        Matcher m = OPENING.matcher(line.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        try {
            return ServiceDetails.Opening.weekly(m.group(1), LocalTime.parse(m.group(2)), LocalTime.parse(m.group(3)));
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
