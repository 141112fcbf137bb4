package org.counterspace.directory.hsds;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The other HSDS objects a file given as services may hold instead, each known by fields a service
 * never has. Only a record without a status (which every service has) is asked which it is.
 */
enum HsdsKind {

    ORGANIZATION("an organization", "organizations", Set.of("services", "website", "legal_status", "year_incorporated",
            "tax_status", "tax_id", "organization_identifiers", "parent_organization_id", "logo")),
    SERVICE_AT_LOCATION("a service at a location", "services at locations", Set.of("service", "service_id",
            "location_id", "location")),
    LOCATION("a location", "locations", Set.of("location_type", "latitude", "longitude", "addresses",
            "transportation", "external_identifier")),
    TAXONOMY_TERM("a taxonomy term", "taxonomy terms", Set.of("taxonomy_id", "parent_id", "term_uri",
            "taxonomy_detail", "code", "taxonomy")),
    TAXONOMY("a taxonomy", "taxonomies", Set.of("uri", "version"));

    private final String one;

    private final String many;

    private final Set<String> fields;

    HsdsKind(String one, String many, Set<String> fields) {
        this.one = one;
        this.many = many;
        this.fields = fields;
    }

    /** What a record without a status looks like, if not a service. */
    static Optional<HsdsKind> of(JsonNode record) {
        if (!record.isObject() || record.has("status")) {
            return Optional.empty();
        }
        return ofFields(record.propertyNames());
    }

    /** What a table or object with these fields (or columns) looks like, if it has no status. */
    static Optional<HsdsKind> ofFields(Collection<String> names) {
        if (names.contains("status")) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(kind -> names.stream().anyMatch(kind.fields::contains)).findFirst();
    }

    /** The problem of one record: "This looks like an organization, not a service." */
    String notAService() {
        return "This looks like " + one + ", not a service.";
    }

    /** The problem of a whole file: "This looks like a list of organizations, not services." */
    String notServices() {
        return "This looks like a list of " + many + ", not services. Import a file of services (HSDS service "
                + "objects, with their organization nested) instead.";
    }
}
