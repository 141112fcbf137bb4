package org.counterspace.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports HSDS 3 services (an array of fully nested service objects, as the official
 * service_full.json; a single object is accepted too). Each file is one transaction: if any
 * record is rejected nothing is kept, and the report says which records and why. Optional
 * references that point nowhere (as in the official examples) import with a warning. A service
 * whose id already exists is replaced. Every record is checked before the first is written; during
 * the import the search index takes each batch as it goes (so huge files fit in memory), and should
 * the database still refuse the transaction, the next start-up rebuilds the index to match.
 */
@Service
class HsdsImporter {

    static final Set<String> STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final int BATCH = 500;

    @PersistenceContext
    private EntityManager em;

    private final DirectoryIndex index;

    private final AuditRepository audit;

    HsdsImporter(DirectoryIndex index, AuditRepository audit) {
        this.index = index;
        this.audit = audit;
    }

    /** Strict UTF-8: a file with broken bytes is refused rather than imported with replacement characters. */
    static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Opens the file again: an import reads it twice, first to check every record, then to import. */
    @FunctionalInterface
    interface Source {

        InputStream open() throws IOException;
    }

    /** Records of one file, visited in order; answers a problem with the whole file, or null. */
    @FunctionalInterface
    private interface Records {

        String forEach(Consumer<JsonNode> visit);
    }

    @Transactional
    ImportReport importJson(String file, byte[] content, String actor) {
        return importJson(file, () -> new ByteArrayInputStream(content), actor);
    }

    /** Streams the file, so even a very large one is never held as a whole. */
    @Transactional
    ImportReport importJson(String file, Source source, String actor) {
        return importRecords(file, visit -> eachRecord(source, visit), actor);
    }

    /** Imports already-parsed HSDS service objects as one all-or-nothing batch. */
    @Transactional
    ImportReport importServices(String file, List<JsonNode> records, String actor) {
        return importRecords(file, visit -> {
            records.forEach(visit);
            return null;
        }, actor);
    }

    private ImportReport importRecords(String file, Records records, String actor) {
        List<ImportReport.Entry> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String problem = records.forEach(record -> {
            List<String> problems = new ArrayList<>();
            validate(record, seen, problems);
            checked.add(new ImportReport.Entry(checked.size() + 1, text(record, "id"), text(record, "name"),
                    problems.isEmpty() ? ImportReport.Outcome.IMPORTED : ImportReport.Outcome.REJECTED, problems));
        });
        if (problem != null) {
            return ImportReport.fileProblem(file, problem);
        }
        ImportReport report = new ImportReport(file, checked,
                checked.isEmpty() ? List.of("The file holds no services.") : List.of());
        if (!report.accepted()) {
            return report;
        }
        List<ImportReport.Entry> entries = new ArrayList<>();
        records.forEach(record -> {
            List<String> warnings = new ArrayList<>();
            index.changed(upsert(record, warnings));
            entries.add(new ImportReport.Entry(entries.size() + 1, text(record, "id"), text(record, "name"),
                    ImportReport.Outcome.IMPORTED, warnings));
            if (entries.size() % BATCH == 0) {
                // every record was checked first, so the index may take each batch now; the persistence
                // context is emptied, so a file of any size stays within memory
                em.flush();
                Search.session(em).indexingPlan().execute();
                em.clear();
            }
        });
        audit.save(new AuditEntry(actor, "import", "service", null,
                "Imported " + entries.size() + " services from " + file));
        return new ImportReport(file, entries, List.of());
    }

    private static String eachRecord(Source source, Consumer<JsonNode> visit) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(source.open(), strict); JsonParser parser = JSON.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                visit.accept(parser.readValueAsTree());
                return null;
            }
            if (first != JsonToken.START_ARRAY) {
                return first == null ? "The file is empty." : "Expected an array of HSDS service objects.";
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                visit.accept(parser.readValueAsTree());
            }
            return null;
        }
        catch (JacksonException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                return "The file is not valid UTF-8 text.";
            }
            return "The file is not valid JSON (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ").";
        }
        catch (CharacterCodingException e) {
            return "The file is not valid UTF-8 text.";
        }
        catch (IOException e) {
            return "The file could not be read.";
        }
    }

    private static void validate(JsonNode record, Set<String> seen, List<String> problems) {
        if (!record.isObject()) {
            problems.add("Not a JSON object.");
            return;
        }
        String id = text(record, "id");
        if (id == null) {
            problems.add("Missing id.");
        }
        else if (!isUuid(id)) {
            problems.add("The id is not a UUID: " + abbreviate(id));
        }
        else if (!seen.add(id)) {
            problems.add("The id appears more than once in this file.");
        }
        if (text(record, "name") == null) {
            problems.add("Missing name.");
        }
        else if (text(record, "name").length() > 300) {
            problems.add("The name is longer than 300 characters.");
        }
        String status = text(record, "status");
        if (status == null) {
            problems.add("Missing status.");
        }
        else if (!STATUSES.contains(status)) {
            problems.add("Unknown status: " + abbreviate(status));
        }
        for (String nested : List.of("phones", "schedules", "languages", "service_at_locations", "attributes")) {
            for (JsonNode item : record.path(nested)) {
                String itemId = text(item, "id");
                if (itemId == null || !isUuid(itemId)) {
                    problems.add("A " + nested + " entry has no UUID id.");
                }
            }
        }
        for (JsonNode phone : record.path("phones")) {
            if (text(phone, "number") == null) {
                problems.add("A phone has no number.");
            }
        }
        for (JsonNode schedule : record.path("schedules")) {
            if (text(schedule, "opens_at") != null && time(text(schedule, "opens_at")) == null
                    || text(schedule, "closes_at") != null && time(text(schedule, "closes_at")) == null) {
                problems.add("A schedule has a time that is not HH:MM.");
            }
        }
        JsonNode organization = record.path("organization");
        if (organization.isObject() && (text(organization, "id") == null || !isUuid(text(organization, "id"))
                || text(organization, "name") == null)) {
            problems.add("The organization needs a UUID id and a name.");
        }
        for (String field : List.of("description", "eligibility_description", "application_process")) {
            String value = text(record, field);
            if (value != null && value.length() > 4000) {
                problems.add("The " + field + " is longer than 4000 characters.");
            }
        }
    }

    private SupportService upsert(JsonNode r, List<String> warnings) {
        UUID id = UUID.fromString(text(r, "id"));
        Organization organization = organization(r, warnings);
        SupportService s = em.find(SupportService.class, id);
        boolean isNew = s == null;
        if (isNew) {
            s = new SupportService(id, organization, text(r, "name"));
        }
        else {
            // replaced in place, so bookmarks and reports on this service survive a re-import
            s.getPhones().clear();
            s.getSchedules().clear();
            s.getLanguages().clear();
            s.getServiceAtLocations().clear();
            s.getTerms().clear();
            em.flush();
            s.setOrganization(organization);
            s.setName(text(r, "name"));
            s.touch();
        }
        s.setAlternateName(cut(text(r, "alternate_name"), 300));
        s.setDescription(text(r, "description"));
        s.setUrl(cut(text(r, "url"), 1000));
        s.setEmail(cut(text(r, "email"), 300));
        s.setStatus(text(r, "status"));
        s.setInterpretationServices(cut(text(r, "interpretation_services"), 1000));
        s.setApplicationProcess(cut(text(r, "application_process"), 2000));
        s.setFeesDescription(cut(text(r, "fees_description"), 1000));
        s.setEligibilityDescription(cut(text(r, "eligibility_description"), 2000));
        s.setAges(integer(r, "minimum_age"), integer(r, "maximum_age"));
        String assured = text(r, "assured_date");
        if (assured != null) {
            try {
                s.assure(LocalDate.parse(assured), cut(text(r, "assurer_email"), 300));
            }
            catch (DateTimeParseException e) {
                warnings.add("assured_date is not a date and was left out.");
            }
        }
        JsonNode areas = r.path("service_areas");
        if (areas.size() > 0) {
            s.setServiceArea(cut(text(areas.get(0), "name"), 500));
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (JsonNode p : r.path("phones")) {
            String type = text(p, "type") == null ? "voice" : text(p, "type");
            s.addPhone(UUID.fromString(text(p, "id")), cut(text(p, "number"), 60), cut(type, 20),
                    cut(text(p, "description"), 1000));
            channels.add("text".equals(type) ? Channel.TEXT : Channel.PHONE);
        }
        ZoneId zone = null;
        for (JsonNode sc : r.path("schedules")) {
            LocalTime opens = time(text(sc, "opens_at"));
            LocalTime closes = time(text(sc, "closes_at"));
            String byday = text(sc, "byday");
            if (opens == null || closes == null || byday == null) {
                warnings.add("A schedule without byday, opens_at and closes_at was left out.");
                continue;
            }
            if (!"WEEKLY".equalsIgnoreCase(text(sc, "freq")) && text(sc, "freq") != null) {
                warnings.add("A schedule that is not weekly was read as weekly.");
            }
            s.addSchedule(UUID.fromString(text(sc, "id")), cut(byday, 40), opens, closes)
                .setDescription(cut(text(sc, "description"), 1000));
            if (sc.path("timezone").isNumber()) {
                zone = ZoneId.ofOffset("UTC", ZoneOffset.ofTotalSeconds((int) (sc.path("timezone").asDouble() * 3600)));
            }
        }
        for (JsonNode l : r.path("languages")) {
            String code = text(l, "code");
            String languageName = text(l, "name");
            if (code == null && languageName == null) {
                warnings.add("A language without name or code was left out.");
                continue;
            }
            s.addLanguage(UUID.fromString(text(l, "id")), cut(languageName == null ? code : languageName, 100),
                    cut(code == null ? languageName.toLowerCase(Locale.ROOT) : code, 20))
                .setNote(cut(text(l, "note"), 500));
        }
        String country = null;
        for (JsonNode sal : r.path("service_at_locations")) {
            JsonNode l = sal.path("location");
            if (!l.isObject() || text(l, "id") == null || !isUuid(text(l, "id"))) {
                warnings.add("A service_at_location without a nested location was left out.");
                continue;
            }
            Location location = location(l, organization, warnings);
            if (!"virtual".equals(location.getLocationType())) {
                channels.add(Channel.IN_PERSON);
            }
            for (Address a : location.getAddresses()) {
                country = country == null ? a.getCountry() : country;
            }
            s.addLocation(UUID.fromString(text(sal, "id")), location).setDescription(cut(text(sal, "description"), 2000));
        }
        for (JsonNode attribute : r.path("attributes")) {
            TaxonomyTerm term = term(attribute.path("taxonomy_term"), text(attribute, "taxonomy_term_id"), warnings);
            if (term != null) {
                s.getTerms().add(term);
            }
        }
        if (s.getUrl() != null) {
            channels.add(Channel.ONLINE);
        }
        String fees = s.getFeesDescription();
        s.setFree(fees == null || fees.toLowerCase(Locale.ROOT).startsWith("free"));
        s.setChannels(channels);
        s.setCountry(country != null && country.matches("[A-Za-z]{2}") ? country.toUpperCase(Locale.ROOT) : "ZZ");
        s.setTimeZone(zone != null ? zone : ZoneId.of("UTC"));
        extension(r.path(HsdsMapper.EXTENSION), s, warnings);
        if (text(r, "organization_id") != null && organization == null) {
            warnings.add("organization_id points to an organization not in this file; left unlinked.");
        }
        if (text(r, "program_id") != null) {
            warnings.add("Programs are not kept; program_id was left out.");
        }
        if (isNew) {
            em.persist(s);
        }
        return s;
    }

    /** Our own fields, when the file came from a Counterspace export. */
    private static void extension(JsonNode x, SupportService s, List<String> warnings) {
        if (!x.isObject()) {
            return;
        }
        s.setNational(x.path("national").asBoolean(false));
        s.setDemo(x.path("demo").asBoolean(false));
        s.setSource(cut(text(x, "source"), 1000));
        if (x.has("free")) {
            s.setFree(x.path("free").asBoolean());
        }
        if (x.path("channels").isArray()) {
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            x.path("channels").forEach(c -> Channel.fromCode(c.asString()).ifPresent(channels::add));
            s.setChannels(channels);
        }
        AgeGroup.fromCode(text(x, "age_group")).ifPresent(s::setAgeGroup);
        String country = text(x, "country");
        if (country != null && country.matches("[A-Z]{2}")) {
            s.setCountry(country);
        }
        s.setRegion(cut(text(x, "region"), 100));
        s.setAccessibility(cut(text(x, "accessibility"), 1000));
        String zone = text(x, "time_zone");
        if (zone != null) {
            try {
                s.setTimeZone(ZoneId.of(zone));
            }
            catch (java.time.DateTimeException e) {
                warnings.add("Unknown time zone " + abbreviate(zone) + "; UTC used.");
            }
        }
        if (text(x, "assured_by") != null && s.getAssuredDate() != null) {
            s.assure(s.getAssuredDate(), cut(text(x, "assured_by"), 300));
        }
    }

    private Organization organization(JsonNode r, List<String> warnings) {
        JsonNode o = r.path("organization");
        if (!o.isObject()) {
            String organizationId = text(r, "organization_id");
            return organizationId != null && isUuid(organizationId)
                    ? em.find(Organization.class, UUID.fromString(organizationId)) : null;
        }
        UUID id = UUID.fromString(text(o, "id"));
        Organization organization = em.find(Organization.class, id);
        String description = text(o, "description");
        if (description == null) {
            warnings.add("The organization has no description; its name is used.");
            description = text(o, "name");
        }
        if (organization == null) {
            organization = new Organization(id, cut(text(o, "name"), 300), cut(description, 4000));
            em.persist(organization);
        }
        organization.setName(cut(text(o, "name"), 300));
        organization.setDescription(cut(description, 4000));
        organization.setAlternateName(cut(text(o, "alternate_name"), 300));
        organization.setEmail(cut(text(o, "email"), 300));
        organization.setWebsite(cut(text(o, "website"), 1000));
        organization.touch();
        if (text(o, "parent_organization_id") != null) {
            warnings.add("parent_organization_id is not kept.");
        }
        return organization;
    }

    private Location location(JsonNode l, Organization organization, List<String> warnings) {
        UUID id = UUID.fromString(text(l, "id"));
        Location existing = em.find(Location.class, id);
        if (existing != null) {
            return existing;
        }
        String type = text(l, "location_type");
        Location location = new Location(id, organization,
                type == null || !Set.of("physical", "postal", "virtual").contains(type) ? "physical" : type);
        location.setName(cut(text(l, "name"), 300));
        location.setDescription(cut(text(l, "description"), 2000));
        if (l.path("latitude").isNumber() && l.path("longitude").isNumber()
                && Point.valid(l.path("latitude").asDouble(), l.path("longitude").asDouble())) {
            location.setCoordinates(l.path("latitude").asDouble(), l.path("longitude").asDouble());
        }
        JsonNode accessibility = l.path("accessibility");
        if (accessibility.size() > 0) {
            location.setAccessibility(cut(text(accessibility.get(0), "description"), 1000));
        }
        for (JsonNode a : l.path("addresses")) {
            if (text(a, "id") == null || !isUuid(text(a, "id")) || text(a, "address_1") == null) {
                warnings.add("An address without a UUID id or address_1 was left out.");
                continue;
            }
            String country = text(a, "country");
            Address address = location.addAddress(UUID.fromString(text(a, "id")), cut(text(a, "address_1"), 300),
                    cut(orEmpty(text(a, "city")), 200), cut(orEmpty(text(a, "state_province")), 200),
                    cut(orEmpty(text(a, "postal_code")), 40),
                    country != null && country.length() == 2 ? country.toUpperCase(Locale.ROOT) : "ZZ");
            address.setAddress2(cut(text(a, "address_2"), 300));
            address.setRegion(cut(text(a, "region"), 200));
            String addressType = text(a, "address_type");
            address.setAddressType(addressType != null && Set.of("physical", "postal", "virtual").contains(addressType)
                    ? addressType : "physical");
        }
        em.persist(location);
        return location;
    }

    private TaxonomyTerm term(JsonNode t, String fallbackId, List<String> warnings) {
        String termId = t.isObject() ? text(t, "id") : fallbackId;
        if (termId == null || !isUuid(termId)) {
            warnings.add("An attribute without a taxonomy term was left out.");
            return null;
        }
        TaxonomyTerm existing = em.find(TaxonomyTerm.class, UUID.fromString(termId));
        if (existing != null) {
            return existing;
        }
        if (!t.isObject() || text(t, "name") == null) {
            warnings.add("taxonomy_term_id " + abbreviate(termId) + " is not in the directory; left out.");
            return null;
        }
        Taxonomy taxonomy = null;
        JsonNode detail = t.path("taxonomy_detail");
        String taxonomyId = detail.isObject() ? text(detail, "id") : text(t, "taxonomy_id");
        if (taxonomyId != null && isUuid(taxonomyId)) {
            taxonomy = em.find(Taxonomy.class, UUID.fromString(taxonomyId));
            if (taxonomy == null && detail.isObject() && text(detail, "name") != null) {
                taxonomy = new Taxonomy(UUID.fromString(taxonomyId), cut(text(detail, "name"), 200),
                        cut(orEmpty(text(detail, "description")), 1000), cut(text(detail, "uri"), 1000),
                        cut(text(detail, "version"), 50));
                em.persist(taxonomy);
            }
            else if (taxonomy == null) {
                warnings.add("taxonomy_id " + abbreviate(taxonomyId) + " is not in the directory; term kept without it.");
            }
        }
        UUID parent = null;
        String parentId = text(t, "parent_id");
        if (parentId != null && isUuid(parentId)) {
            if (em.find(TaxonomyTerm.class, UUID.fromString(parentId)) != null) {
                parent = UUID.fromString(parentId);
            }
            else {
                warnings.add("parent_id " + abbreviate(parentId) + " of term " + abbreviate(text(t, "name"))
                        + " is not in the directory; term kept without a parent.");
            }
        }
        TaxonomyTerm term = new TaxonomyTerm(UUID.fromString(termId), taxonomy, parent, cut(text(t, "code"), 100),
                cut(text(t, "name"), 200), cut(orEmpty(text(t, "description")), 1000));
        term.setTermUri(cut(text(t, "term_uri"), 1000));
        em.persist(term);
        return term;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.isValueNode() ? value.asString() : null;
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asInt() : null;
    }

    static LocalTime time(String value) {
        if (value == null) {
            return null;
        }
        String t = value.strip().replaceAll("(Z|[+-]\\d{2}:?\\d{2})$", "");
        try {
            return LocalTime.parse(t.length() == 5 ? t : t.substring(0, Math.min(8, t.length())));
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean isUuid(String value) {
        return value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
