package org.counterspace.directory.hsds;

import static org.counterspace.directory.hsds.HsdsJson.cut;
import static org.counterspace.directory.hsds.HsdsJson.integer;
import static org.counterspace.directory.hsds.HsdsJson.isUuid;
import static org.counterspace.directory.hsds.HsdsJson.text;
import static org.counterspace.directory.hsds.HsdsJson.time;
import static org.counterspace.directory.hsds.HsdsJson.webAddress;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.counterspace.directory.About;
import org.counterspace.directory.Access;
import org.counterspace.directory.Address;
import org.counterspace.directory.Channel;
import org.counterspace.directory.Coverage;
import org.counterspace.directory.Location;
import org.counterspace.directory.Organization;
import org.counterspace.directory.ServiceDetails;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.TaxonomyTerm;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a checked HSDS service record as {@link ServiceDetails}, with a warning for each thing left
 * out or guessed. Fields are cut to what the directory keeps; channels, country, cost and time zone are
 * derived from the phones, places, website, cost options and fees, and schedules and coordinates
 * ({@link HsdsCost}, {@link HsdsZones}) unless our own extension says them.
 */
@Component
class HsdsRecordMapper {

    /**
     * The service fields the directory reads into its own; any other is kept as it came (see extras).
     * cost_options are read for the cost and kept as they came, as the export has no other place for them.
     */
    static final Set<String> MODELLED = Set.of("id", "organization_id", "name", "alternate_name", "description", "url",
            "email", "status", "interpretation_services", "application_process", "fees_description",
            "eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email", "last_modified",
            "organization", "phones", "schedules", "languages", "service_areas", "service_at_locations",
            "attributes", HsdsMapper.EXTENSION);

    static final int MAX_EXTRAS_CHARS = 65_536;

    /** A record as the importer writes it: the details, plus status and check date that are not details. */
    record ImportedService(Organization organization, ServiceDetails details, String status, LocalDate assuredOn,
            String assurerEmail, String assuredBy, String extras) {

        /** Sets what is not a detail: the status, what the file keeps beyond HSDS, and the check date. */
        void complete(SupportService service) {
            service.changeStatus(status);
            service.keepHsdsExtras(extras);
            if (assuredOn != null) {
                service.assure(assuredOn, assurerEmail);
            }
            if (assuredBy != null && service.assurance().date() != null) {
                service.assure(service.assurance().date(), assuredBy);
            }
        }
    }

    /** The places of a record, whether any is somewhere to go, and the country of the first address. */
    private record Places(List<ServiceDetails.Place> places, boolean inPerson, String country) {
    }

    private final HsdsReferences references;

    HsdsRecordMapper(HsdsReferences references) {
        this.references = references;
    }

    /**
     * {@code current}: the service with this id already in the directory, or null; {@code zones}: the
     * import's; {@code batch}: what the record's batch found in the directory.
     */
    ImportedService map(JsonNode r, SupportService current, HsdsZones zones, HsdsReferences.Batch batch,
            List<String> warnings) {
        Organization organization = references.organization(r, batch, warnings);
        LocalDate assuredOn = assuredDate(r, warnings);
        JsonNode areas = r.path("service_areas");
        String serviceArea = areas.size() > 0 ? cut(text(areas.get(0), "name"), 500) : null;
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        JsonNode withPlaceItems = HsdsPlaceItems.lift(r, warnings);
        List<ServiceDetails.PhoneNumber> phones = phones(withPlaceItems, channels, warnings);
        List<ServiceDetails.Opening> openings = openings(withPlaceItems, warnings);
        List<ServiceDetails.SpokenLanguage> languages = languages(withPlaceItems, warnings);
        Places places = places(r, organization, batch, warnings);
        Set<TaxonomyTerm> terms = terms(r, batch, warnings);
        String url = webAddress(r, "url", warnings);
        if (places.inPerson()) {
            channels.add(Channel.IN_PERSON);
        }
        if (url != null) {
            channels.add(Channel.ONLINE);
        }
        String country = places.country() != null && places.country().matches("[A-Za-z]{2}")
                ? places.country().toUpperCase(Locale.ROOT) : "ZZ";
        HsdsExtension x = HsdsExtension.of(r, current);
        ServiceDetails details = ServiceDetails.named(text(r, "name"))
            .about(new About(cut(text(r, "alternate_name"), 300), text(r, "description"), url,
                    cut(text(r, "email"), 300)))
            .access(new Access(cut(text(r, "eligibility_description"), 2000), cut(text(r, "application_process"), 2000),
                    x.accessibility(), cut(text(r, "interpretation_services"), 1000), integer(r, "minimum_age"),
                    integer(r, "maximum_age"), x.ageGroup()))
            .fees(HsdsCost.fees(r, x.cost()))
            .coverage(new Coverage(x.country(country), x.region(),
                    zones.zoneOf(r, x.timeZone(), "ZZ".equals(country) ? null : country, warnings), serviceArea))
            .provenance(x.provenance(warnings))
            .channels(x.channels(channels))
            .phones(phones).openings(openings).languages(languages).places(places.places()).terms(terms)
            .build();
        if (text(r, "organization_id") != null && organization == null) {
            warnings.add("organization_id points to an organization not in this file; left unlinked.");
        }
        return new ImportedService(organization, details, text(r, "status"), assuredOn,
                cut(text(r, "assurer_email"), 300), x.assuredBy(), extras(r, warnings));
    }

    private static LocalDate assuredDate(JsonNode r, List<String> warnings) {
        String assured = text(r, "assured_date");
        if (assured == null) {
            return null;
        }
        try {
            return LocalDate.parse(assured);
        }
        catch (DateTimeParseException e) {
            warnings.add("assured_date is not a date and was left out.");
            return null;
        }
    }

    /**
     * The record's fields the directory has none of its own for, as a JSON object (or null when there
     * are none), so they are exported again as they came. Up to {@link #MAX_EXTRAS_CHARS}.
     */
    static String extras(JsonNode r, List<String> warnings) {
        ObjectNode extras = JsonNodeFactory.instance.objectNode();
        r.properties().forEach(field -> {
            // an empty list or a null says nothing worth keeping
            boolean empty = field.getValue().isNull() || field.getValue().isArray() && field.getValue().isEmpty();
            if (!MODELLED.contains(field.getKey()) && !empty) {
                extras.set(field.getKey(), field.getValue());
            }
        });
        if (!r.path("service_areas").isEmpty()) {
            // the directory keeps the first area's name; the publisher's whole list goes back out with it
            extras.set("service_areas", r.path("service_areas"));
        }
        if (extras.isEmpty()) {
            return null;
        }
        String json = extras.toString();
        if (json.length() > MAX_EXTRAS_CHARS) {
            warnings.add("The fields " + String.join(", ", extras.propertyNames()) + " are longer than "
                    + MAX_EXTRAS_CHARS + " characters together and were not kept.");
            return null;
        }
        return json;
    }

    /** Phones, each a way to call or text the service. */
    private static List<ServiceDetails.PhoneNumber> phones(JsonNode r, Set<Channel> channels, List<String> warnings) {
        List<ServiceDetails.PhoneNumber> phones = new ArrayList<>();
        for (JsonNode p : r.path("phones")) {
            if (text(p, "number") == null) {
                // the validator refuses these on the service; on a location they are only left out
                warnings.add("A phone without a number on a location was left out.");
                continue;
            }
            String type = text(p, "type") == null ? "voice" : text(p, "type");
            phones.add(new ServiceDetails.PhoneNumber(UUID.fromString(text(p, "id")), cut(text(p, "number"), 60),
                    cut(type, 20), cut(text(p, "description"), 1000)));
            channels.add("text".equals(type) ? Channel.TEXT : Channel.PHONE);
        }
        return phones;
    }

    private static List<ServiceDetails.Opening> openings(JsonNode r, List<String> warnings) {
        List<ServiceDetails.Opening> openings = new ArrayList<>();
        for (JsonNode sc : r.path("schedules")) {
            if (!isWeeklyOpening(sc)) {
                warnings.add("A schedule without byday, opens_at and closes_at was left out.");
                continue;
            }
            if (!"WEEKLY".equalsIgnoreCase(text(sc, "freq")) && text(sc, "freq") != null) {
                warnings.add("A schedule that is not weekly was read as weekly.");
            }
            openings.add(new ServiceDetails.Opening(UUID.fromString(text(sc, "id")), cut(text(sc, "byday"), 40),
                    time(text(sc, "opens_at")), time(text(sc, "closes_at")), cut(text(sc, "description"), 1000)));
        }
        return openings;
    }

    private static boolean isWeeklyOpening(JsonNode schedule) {
        return time(text(schedule, "opens_at")) != null && time(text(schedule, "closes_at")) != null
                && text(schedule, "byday") != null;
    }

    private static List<ServiceDetails.SpokenLanguage> languages(JsonNode r, List<String> warnings) {
        List<ServiceDetails.SpokenLanguage> languages = new ArrayList<>();
        for (JsonNode l : r.path("languages")) {
            String code = text(l, "code");
            String name = text(l, "name");
            if (code == null && name == null) {
                warnings.add("A language without name or code was left out.");
                continue;
            }
            languages.add(new ServiceDetails.SpokenLanguage(UUID.fromString(text(l, "id")),
                    cut(name == null ? code : name, 100), cut(code == null ? name.toLowerCase(Locale.ROOT) : code, 20),
                    cut(text(l, "note"), 500)));
        }
        return languages;
    }

    private Places places(JsonNode r, Organization organization, HsdsReferences.Batch batch, List<String> warnings) {
        List<ServiceDetails.Place> places = new ArrayList<>();
        boolean inPerson = false;
        String country = null;
        for (JsonNode sal : r.path("service_at_locations")) {
            JsonNode l = sal.path("location");
            if (!l.isObject() || text(l, "id") == null || !isUuid(text(l, "id"))) {
                warnings.add("A service_at_location without a nested location was left out.");
                continue;
            }
            Location location = references.location(l, organization, batch, warnings);
            inPerson |= !"virtual".equals(location.getLocationType());
            for (Address a : location.getAddresses()) {
                country = country == null ? a.getCountry() : country;
            }
            places.add(new ServiceDetails.Place(UUID.fromString(text(sal, "id")), location,
                    cut(text(sal, "description"), 2000)));
        }
        return new Places(places, inPerson, country);
    }

    private Set<TaxonomyTerm> terms(JsonNode r, HsdsReferences.Batch batch, List<String> warnings) {
        Set<TaxonomyTerm> terms = new LinkedHashSet<>();
        for (JsonNode attribute : r.path("attributes")) {
            TaxonomyTerm term = references.term(attribute.path("taxonomy_term"), text(attribute, "taxonomy_term_id"),
                    batch, warnings);
            if (term != null) {
                terms.add(term);
            }
        }
        return terms;
    }
}
