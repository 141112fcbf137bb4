package org.counterspace.directory.hsds;

import static org.counterspace.directory.hsds.HsdsJson.abbreviate;
import static org.counterspace.directory.hsds.HsdsJson.cut;
import static org.counterspace.directory.hsds.HsdsJson.isUuid;
import static org.counterspace.directory.hsds.HsdsJson.orEmpty;
import static org.counterspace.directory.hsds.HsdsJson.text;
import static org.counterspace.directory.hsds.HsdsJson.webAddress;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.counterspace.directory.Address;
import org.counterspace.directory.Location;
import org.counterspace.directory.Organization;
import org.counterspace.directory.Point;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.Taxonomy;
import org.counterspace.directory.TaxonomyTerm;
import org.hibernate.Session;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The entities a service record refers to by id (its organization, locations, taxonomy terms and
 * their taxonomies): found when the directory has them, else created from the record and saved, so
 * the next record in the file finds them too. Call inside the import's transaction.
 */
@Component
class HsdsReferences {

    private static final Set<String> PLACE_TYPES = Set.of("physical", "postal", "virtual");

    @PersistenceContext
    private EntityManager em;

    /**
     * Loads the services, organizations, locations and taxonomy terms that these records name and the
     * directory has, a query for each kind, so reading the records finds them without one query each.
     * The batch it answers knows which of them the directory lacks, so a new one is not looked for again
     * (a query for every new location, organization and term, until the batch's end empties the session).
     */
    Batch load(List<JsonNode> records) {
        Set<UUID> services = new HashSet<>();
        Set<UUID> organizations = new HashSet<>();
        Set<UUID> locations = new HashSet<>();
        Set<UUID> terms = new HashSet<>();
        for (JsonNode r : records) {
            addId(services, text(r, "id"));
            addId(organizations, r.path("organization").isObject() ? text(r.path("organization"), "id")
                    : text(r, "organization_id"));
            r.path("service_at_locations").forEach(sal -> addId(locations, text(sal.path("location"), "id")));
            r.path("attributes").forEach(attribute -> addId(terms, attribute.path("taxonomy_term").isObject()
                    ? text(attribute.path("taxonomy_term"), "id") : text(attribute, "taxonomy_term_id")));
        }
        Batch batch = new Batch();
        batch.lacking(Organization.class, organizations, Organization::getId);
        batch.lacking(Location.class, locations, Location::getId);
        batch.lacking(TaxonomyTerm.class, terms, TaxonomyTerm::getId);
        batch.lacking(SupportService.class, services, SupportService::getId);
        return batch;
    }

    /**
     * The ids of one batch's organizations, locations, terms and services that the directory lacked when
     * the batch began, less those written since. Valid until the session is emptied at the batch's end.
     */
    final class Batch {

        private final Map<Class<?>, Set<UUID>> lacking = new HashMap<>();

        private <T> void lacking(Class<T> type, Set<UUID> named, Function<T, UUID> id) {
            Set<UUID> missing = new HashSet<>(named);
            em.unwrap(Session.class).findMultiple(type, List.copyOf(named)).stream().filter(Objects::nonNull)
                .forEach(found -> missing.remove(id.apply(found)));
            lacking.put(type, missing);
        }

        /** The entity with this id: none without a query when the directory lacked it and it was not written since. */
        <T> T find(Class<T> type, UUID id) {
            return lacking.getOrDefault(type, Set.of()).contains(id) ? null : em.find(type, id);
        }

        /** Whether the directory has this service (as of the batch's start, or written since). */
        boolean hasService(UUID id) {
            return !lacking.getOrDefault(SupportService.class, Set.of()).contains(id);
        }

        /** An entity this batch has saved: found from now on, in the session. */
        void written(Class<?> type, UUID id) {
            lacking.getOrDefault(type, new HashSet<>()).remove(id);
        }
    }

    /** A batch that knows nothing yet: every entity is looked for. */
    Batch unknown() {
        return new Batch();
    }

    private static void addId(Set<UUID> ids, String id) {
        if (id != null && isUuid(id)) {
            ids.add(UUID.fromString(id));
        }
    }

    /** The nested organization, created or updated; else the one organization_id names, if we have it. */
    Organization organization(JsonNode r, Batch batch, List<String> warnings) {
        JsonNode o = r.path("organization");
        if (!o.isObject()) {
            String organizationId = text(r, "organization_id");
            return organizationId != null && isUuid(organizationId)
                    ? batch.find(Organization.class, UUID.fromString(organizationId)) : null;
        }
        UUID id = UUID.fromString(text(o, "id"));
        Organization found = batch.find(Organization.class, id);
        String description = text(o, "description");
        if (description == null) {
            warnings.add("The organization has no description; its name is used.");
            description = text(o, "name");
        }
        // a new organization is saved once all is set, so it is inserted with it rather than inserted and updated
        Organization organization = found != null ? found
                : new Organization(id, cut(text(o, "name"), 300), cut(description, 4000));
        organization.describe(cut(text(o, "name"), 300), cut(text(o, "alternate_name"), 300), cut(description, 4000),
                cut(text(o, "email"), 300), webAddress(o, "website", warnings));
        if (text(o, "parent_organization_id") != null) {
            warnings.add("parent_organization_id is not kept.");
        }
        if (found == null) {
            em.persist(organization);
            batch.written(Organization.class, id);
        }
        return organization;
    }

    /**
     * The location with this id: created, or (when the directory has it) brought up to date with the
     * file: type, name, description, coordinates and accessibility when given, and its addresses,
     * changed in place by id, added, or removed when the file lists other usable ones.
     */
    Location location(JsonNode l, Organization organization, Batch batch, List<String> warnings) {
        UUID id = UUID.fromString(text(l, "id"));
        String type = text(l, "location_type");
        Location existing = batch.find(Location.class, id);
        Location location = existing != null ? existing
                : new Location(id, organization, type == null || !PLACE_TYPES.contains(type) ? "physical" : type);
        if (type != null && PLACE_TYPES.contains(type)) {
            location.setLocationType(type);
        }
        if (existing == null || text(l, "name") != null) {
            location.setName(cut(text(l, "name"), 300));
        }
        if (existing == null || text(l, "description") != null) {
            location.setDescription(cut(text(l, "description"), 2000));
        }
        if (l.path("latitude").isNumber() && l.path("longitude").isNumber()
                && Point.valid(l.path("latitude").asDouble(), l.path("longitude").asDouble())) {
            location.setCoordinates(l.path("latitude").asDouble(), l.path("longitude").asDouble());
        }
        JsonNode accessibility = l.path("accessibility");
        if (accessibility.size() > 0) {
            location.setAccessibility(cut(text(accessibility.get(0), "description"), 1000));
        }
        Set<UUID> given = new HashSet<>();
        for (JsonNode a : l.path("addresses")) {
            if (text(a, "id") == null || !isUuid(text(a, "id")) || text(a, "address_1") == null) {
                warnings.add("An address without a UUID id or address_1 was left out.");
                continue;
            }
            given.add(address(location, a).getId());
        }
        if (existing == null) {
            em.persist(location);
            batch.written(Location.class, id);
        }
        else if (!given.isEmpty()) {
            // only a list that gave at least one usable address replaces the location's
            location.keepAddresses(given);
        }
        return location;
    }

    private static Address address(Location location, JsonNode a) {
        String country = text(a, "country");
        Address address = location.putAddress(UUID.fromString(text(a, "id")), cut(text(a, "address_1"), 300),
                cut(orEmpty(text(a, "city")), 200), cut(orEmpty(text(a, "state_province")), 200),
                cut(orEmpty(text(a, "postal_code")), 40),
                country != null && country.length() == 2 ? country.toUpperCase(Locale.ROOT) : "ZZ");
        address.setAddress2(cut(text(a, "address_2"), 300));
        address.setRegion(cut(text(a, "region"), 200));
        String addressType = text(a, "address_type");
        address.setAddressType(addressType != null && PLACE_TYPES.contains(addressType) ? addressType : "physical");
        return address;
    }

    /** The term an attribute links, found or created from its nested object; null (with a warning) if neither. */
    TaxonomyTerm term(JsonNode t, String fallbackId, Batch batch, List<String> warnings) {
        String termId = t.isObject() ? text(t, "id") : fallbackId;
        if (termId == null || !isUuid(termId)) {
            warnings.add("An attribute without a taxonomy term was left out.");
            return null;
        }
        TaxonomyTerm existing = batch.find(TaxonomyTerm.class, UUID.fromString(termId));
        if (existing != null) {
            return existing;
        }
        if (!t.isObject() || text(t, "name") == null) {
            warnings.add("taxonomy_term_id " + abbreviate(termId) + " is not in the directory; left out.");
            return null;
        }
        TaxonomyTerm term = new TaxonomyTerm(UUID.fromString(termId), taxonomy(t, warnings), parent(t, batch, warnings),
                cut(text(t, "code"), 100), cut(text(t, "name"), 200), cut(orEmpty(text(t, "description")), 1000));
        term.setTermUri(cut(text(t, "term_uri"), 1000));
        em.persist(term);
        batch.written(TaxonomyTerm.class, term.getId());
        return term;
    }

    private Taxonomy taxonomy(JsonNode t, List<String> warnings) {
        JsonNode detail = t.path("taxonomy_detail");
        String taxonomyId = detail.isObject() ? text(detail, "id") : text(t, "taxonomy_id");
        if (taxonomyId == null || !isUuid(taxonomyId)) {
            return null;
        }
        Taxonomy taxonomy = em.find(Taxonomy.class, UUID.fromString(taxonomyId));
        if (taxonomy == null && detail.isObject() && text(detail, "name") != null) {
            taxonomy = new Taxonomy(UUID.fromString(taxonomyId), cut(text(detail, "name"), 200),
                    cut(orEmpty(text(detail, "description")), 1000), cut(text(detail, "uri"), 1000),
                    cut(text(detail, "version"), 50));
            em.persist(taxonomy);
        }
        else if (taxonomy == null) {
            warnings.add("taxonomy_id " + abbreviate(taxonomyId) + " is not in the directory; term kept without it.");
        }
        return taxonomy;
    }

    private UUID parent(JsonNode t, Batch batch, List<String> warnings) {
        String parentId = text(t, "parent_id");
        if (parentId == null || !isUuid(parentId)) {
            return null;
        }
        if (batch.find(TaxonomyTerm.class, UUID.fromString(parentId)) != null) {
            return UUID.fromString(parentId);
        }
        warnings.add("parent_id " + abbreviate(parentId) + " of term " + abbreviate(text(t, "name"))
                + " is not in the directory; term kept without a parent.");
        return null;
    }
}
