package org.counterspace.directory;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.server.ResponseStatusException;

/** Curators' changes to the directory; each one is reindexed and written to the audit trail. */
@Service
class Curation {

    static final Pattern OPENING = Pattern.compile("((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)\\s+(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    record Row(UUID id, String name, String organization, String status, LocalDate assuredDate, boolean national,
            boolean demo) {
    }

    private final ServiceRepository services;

    private final OrganizationRepository organizations;

    private final LocationRepository locations;

    private final TaxonomyTermRepository terms;

    private final AuditRepository audit;

    private final DirectoryIndex index;

    Curation(ServiceRepository services, OrganizationRepository organizations, LocationRepository locations,
            TaxonomyTermRepository terms, AuditRepository audit, DirectoryIndex index) {
        this.services = services;
        this.organizations = organizations;
        this.locations = locations;
        this.terms = terms;
        this.audit = audit;
        this.index = index;
    }

    @Transactional(readOnly = true)
    Page<Row> list(String text, int page) {
        PageRequest request = PageRequest.of(page, 25, Sort.by("name", "id"));
        Page<SupportService> found = text == null || text.isBlank() ? services.findAll(request)
                : services.findAll((root, query, cb) -> cb.like(cb.lower(root.get("name")),
                        "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "") + "%"), request);
        return found.map(s -> new Row(s.getId(), s.getName(),
                s.getOrganization() == null ? null : s.getOrganization().getName(), s.getStatus(), s.getAssuredDate(),
                s.isNational(), s.isDemo()));
    }

    @Transactional(readOnly = true)
    ServiceForm form(UUID id) {
        SupportService s = find(id);
        Address address = s.getServiceAtLocations().stream().flatMap(sal -> sal.getLocation().getAddresses().stream())
            .findFirst().orElse(null);
        Location location = address == null ? null : address.getLocation();
        List<String> hours = s.getSchedules().stream()
            .map(sc -> sc.getByday() + " " + HH_MM.format(sc.getOpensAt()) + "-" + HH_MM.format(sc.getClosesAt()))
            .toList();
        return new ServiceForm(s.getName(), s.getOrganization() == null ? null : s.getOrganization().getName(),
                s.getDescription(), s.getUrl(), s.getEmail(),
                s.getPhones().stream().filter(p -> !p.isText()).map(Phone::getNumber).findFirst().orElse(null),
                s.getPhones().stream().filter(Phone::isText).map(Phone::getNumber).findFirst().orElse(null),
                s.getFeesDescription(), s.isFree(), s.getEligibilityDescription(), s.getApplicationProcess(),
                s.getAccessibility(), s.getAgeGroup().code(), s.getChannels().stream().map(Channel::code).toList(),
                s.getTerms().stream().map(TaxonomyTerm::getCode).toList(), s.getCountry(), s.getRegion(),
                s.getTimeZone().getId(), String.join("\n", hours), address == null ? null : address.getAddress1(),
                address == null ? null : address.getCity(), address == null ? null : address.getPostalCode(),
                location == null || !location.hasCoordinates() ? null : location.getLatitude().toString(),
                location == null || !location.hasCoordinates() ? null : location.getLongitude().toString());
    }

    /** Checks what Bean Validation cannot: time zone, opening lines, coordinates. */
    static void check(ServiceForm form, Errors errors) {
        if (form.timeZone() != null && !form.timeZone().isBlank()) {
            try {
                ZoneId.of(form.timeZone().strip());
            }
            catch (DateTimeException e) {
                errors.rejectValue("timeZone", "curate.form.timeZone.invalid");
            }
        }
        if (form.hours() != null) {
            for (String line : form.hours().split("\\R")) {
                if (!line.isBlank() && openingOf(line) == null) {
                    errors.rejectValue("hours", "curate.form.hours.invalid");
                    break;
                }
            }
        }
        boolean anyCoordinate = form.latitude() != null && !form.latitude().isBlank()
                || form.longitude() != null && !form.longitude().isBlank();
        if (anyCoordinate && form.point() == null) {
            errors.rejectValue("latitude", "curate.form.coordinates.invalid");
        }
    }

    private static String[] openingOf(String line) {
        Matcher m = OPENING.matcher(line.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        try {
            LocalTime.parse(m.group(2));
            LocalTime.parse(m.group(3));
        }
        catch (DateTimeParseException e) {
            return null;
        }
        return new String[] { m.group(1), m.group(2), m.group(3) };
    }

    @Transactional
    UUID create(ServiceForm form, String actor) {
        SupportService s = new SupportService(UUID.randomUUID(), organization(form.organization()), form.name().strip());
        apply(form, s);
        services.save(s);
        audit.save(new AuditEntry(actor, "create", "service", s.getId(), "Created " + s.getName()));
        return s.getId();
    }

    @Transactional
    void update(UUID id, ServiceForm form, String actor) {
        SupportService s = find(id);
        s.setOrganization(organization(form.organization()));
        s.setName(form.name().strip());
        s.getPhones().clear();
        s.getSchedules().clear();
        s.getTerms().clear();
        s.getServiceAtLocations().clear();
        services.flush();
        apply(form, s);
        s.touch();
        index.changed(s);
        audit.save(new AuditEntry(actor, "update", "service", id, "Edited " + s.getName()));
    }

    private void apply(ServiceForm form, SupportService s) {
        s.setDescription(blank(form.description()));
        s.setUrl(blank(form.url()));
        s.setEmail(blank(form.email()));
        s.setFeesDescription(blank(form.fees()));
        s.setFree(form.isFree());
        s.setEligibilityDescription(blank(form.eligibility()));
        s.setApplicationProcess(blank(form.applicationProcess()));
        s.setAccessibility(blank(form.accessibility()));
        s.setAgeGroup(AgeGroup.fromCode(form.ageGroup()).orElse(AgeGroup.ALL));
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        form.channelCodes().forEach(code -> Channel.fromCode(code).ifPresent(channels::add));
        s.setChannels(channels);
        s.setCountry(form.country());
        s.setRegion(blank(form.region()));
        s.setTimeZone(ZoneId.of(form.timeZone().strip()));
        if (blank(form.phone()) != null) {
            s.addPhone(UUID.randomUUID(), form.phone().strip(), "voice", null);
        }
        if (blank(form.text()) != null) {
            s.addPhone(UUID.randomUUID(), form.text().strip(), "text", null);
        }
        if (form.hours() != null) {
            for (String line : form.hours().split("\\R")) {
                String[] opening = line.isBlank() ? null : openingOf(line);
                if (opening != null) {
                    s.addSchedule(UUID.randomUUID(), opening[0], LocalTime.parse(opening[1]), LocalTime.parse(opening[2]));
                }
            }
        }
        form.categoryCodes().forEach(code -> terms.findById(Categories.termId(code)).ifPresent(s.getTerms()::add));
        if (blank(form.street()) != null && blank(form.city()) != null && blank(form.postcode()) != null) {
            Location location = new Location(UUID.randomUUID(), s.getOrganization(), "physical");
            location.setName(s.getName());
            location.setAccessibility(blank(form.accessibility()));
            Point point = form.point();
            if (point != null) {
                location.setCoordinates(point.latitude(), point.longitude());
            }
            location.addAddress(UUID.randomUUID(), form.street().strip(), form.city().strip(),
                    form.region() == null ? "" : form.region().strip(), form.postcode().strip(), form.country());
            locations.save(location);
            s.addLocation(UUID.randomUUID(), location);
        }
    }

    @Transactional
    void retire(UUID id, String actor) {
        SupportService s = find(id);
        s.setStatus(SupportService.INACTIVE);
        s.touch();
        index.changed(s);
        audit.save(new AuditEntry(actor, "retire", "service", id, "Retired " + s.getName()));
    }

    @Transactional
    void reactivate(UUID id, String actor) {
        SupportService s = find(id);
        s.setStatus(SupportService.ACTIVE);
        s.touch();
        index.changed(s);
        audit.save(new AuditEntry(actor, "reactivate", "service", id, "Listed again: " + s.getName()));
    }

    @Transactional
    void verify(UUID id, LocalDate today, String actor) {
        SupportService s = find(id);
        s.assure(today, actor);
        s.touch();
        index.changed(s);
        audit.save(new AuditEntry(actor, "verify", "service", id, "Checked " + s.getName() + " on " + today));
    }

    @Transactional(readOnly = true)
    Page<AuditEntry> auditTrail(int page) {
        return audit.findAllByOrderByChangedAtDesc(PageRequest.of(page, 50));
    }

    @Transactional
    void audit(String actor, String action, String summary) {
        audit.save(new AuditEntry(actor, action, "directory", null, summary));
    }

    private Organization organization(String name) {
        String wanted = name.strip();
        return organizations.findFirstByNameIgnoreCase(wanted)
            .orElseGet(() -> organizations.save(new Organization(UUID.randomUUID(), wanted, wanted)));
    }

    private SupportService find(UUID id) {
        return services.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
