package org.counterspace.directory.hsds;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.counterspace.directory.About;
import org.counterspace.directory.Access;
import org.counterspace.directory.Address;
import org.counterspace.directory.Categories;
import org.counterspace.directory.Channel;
import org.counterspace.directory.Language;
import org.counterspace.directory.Location;
import org.counterspace.directory.Organization;
import org.counterspace.directory.Phone;
import org.counterspace.directory.Schedule;
import org.counterspace.directory.ServiceAtLocation;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.Taxonomy;
import org.counterspace.directory.TaxonomyTerm;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes directory objects as HSDS 3 JSON objects (field names and nesting from the HSDS schemas).
 * Our own fields that HSDS has no place for travel in an {@code x_counterspace} extension object,
 * and categories as HSDS attributes linking taxonomy terms. Call inside a transaction.
 */
@Component
class HsdsMapper {

    static final String EXTENSION = "x_counterspace";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<LinkedHashMap<String, Object>> EXTRAS = new TypeReference<>() {
    };

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** The service_list shape: the service's own fields and its organization. */
    Map<String, Object> serviceSummary(SupportService s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.getId().toString());
        if (s.getOrganization() != null) {
            m.put("organization_id", s.getOrganization().getId().toString());
        }
        About about = s.about();
        Access access = s.access();
        m.put("name", s.getName());
        put(m, "alternate_name", about.alternateName());
        put(m, "description", about.description());
        put(m, "url", about.url());
        put(m, "email", about.email());
        m.put("status", s.getStatus());
        put(m, "interpretation_services", access.interpretationServices());
        put(m, "application_process", access.applicationProcess());
        put(m, "fees_description", s.fees().description());
        put(m, "eligibility_description", access.eligibilityDescription());
        put(m, "minimum_age", access.minimumAge());
        put(m, "maximum_age", access.maximumAge());
        if (s.assurance().date() != null) {
            m.put("assured_date", s.assurance().date().toString());
        }
        String assurer = s.assurance().assurer();
        if (assurer != null && assurer.contains("@")) {
            m.put("assurer_email", assurer);
        }
        m.put("last_modified", s.getLastModified().toString());
        if (s.getOrganization() != null) {
            m.put("organization", organizationSummary(s.getOrganization()));
        }
        return m;
    }

    /** The full service shape, with everything nested. */
    Map<String, Object> service(SupportService s) {
        Map<String, Object> m = serviceSummary(s);
        String id = s.getId().toString();
        m.put("phones", s.getPhones().stream().map(p -> phone(p, id)).toList());
        m.put("schedules", s.getSchedules().stream().map(sc -> schedule(sc, id)).toList());
        List<Map<String, Object>> areas = new ArrayList<>();
        if (s.coverage().serviceArea() != null) {
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("id", Categories.id("area:" + id).toString());
            area.put("service_id", id);
            area.put("name", s.coverage().serviceArea());
            areas.add(area);
        }
        m.put("service_areas", areas);
        m.put("service_at_locations", s.getServiceAtLocations().stream().map(this::serviceAtLocation).toList());
        m.put("languages", s.getLanguages().stream().map(l -> language(l, id)).toList());
        // in a fixed order: the terms are a set, and an export read twice should say the same
        m.put("attributes", s.getTerms().stream().sorted(Comparator.comparing(TaxonomyTerm::getId))
            .map(t -> attribute(t, id)).toList());
        m.put(EXTENSION, extension(s));
        if (s.getHsdsExtras() != null) {
            Map<String, Object> publisher = JSON.readValue(s.getHsdsExtras(), EXTRAS);
            // all the areas the publisher gave, while the first is still the one the service has
            if (publisher.get("service_areas") instanceof List<?> given && !given.isEmpty()
                    && given.get(0) instanceof Map<?, ?> first
                    && Objects.equals(first.get("name"), s.coverage().serviceArea())) {
                // each naming its service, as the tables need to place it
                m.put("service_areas", given.stream().map(area -> {
                    Map<Object, Object> linked = new LinkedHashMap<>((Map<?, ?>) area);
                    linked.putIfAbsent("service_id", id);
                    return linked;
                }).toList());
            }
            // the publisher's own fields, as they came; never in place of one the directory writes
            publisher.forEach(m::putIfAbsent);
        }
        return m;
    }

    /**
     * The full service as curators export it: with who last checked it (a curator's username), which the
     * public API leaves out so that no public answer names a curator.
     */
    Map<String, Object> exportedService(SupportService s) {
        Map<String, Object> m = service(s);
        @SuppressWarnings("unchecked")
        Map<String, Object> extension = (Map<String, Object>) m.get(EXTENSION);
        put(extension, "assured_by", s.assurance().assurer());
        return m;
    }

    /** Our own fields, read back by {@link HsdsExtension}. */
    private static Map<String, Object> extension(SupportService s) {
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("national", s.provenance().national());
        extension.put("demo", s.provenance().demo());
        put(extension, "source", s.provenance().source());
        extension.put("cost", s.fees().cost().code());
        extension.put("channels", s.getChannels().stream().map(Channel::code).toList());
        extension.put("age_group", s.access().ageGroup().code());
        extension.put("country", s.coverage().country());
        put(extension, "region", s.coverage().region());
        extension.put("time_zone", s.getTimeZone().getId());
        put(extension, "accessibility", s.access().accessibility());
        return extension;
    }

    Map<String, Object> organizationSummary(Organization o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.getId().toString());
        m.put("name", o.getName());
        put(m, "alternate_name", o.getAlternateName());
        m.put("description", o.getDescription());
        put(m, "email", o.getEmail());
        put(m, "website", o.getWebsite());
        return m;
    }

    Map<String, Object> phone(Phone p, String serviceId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.getId().toString());
        m.put("service_id", serviceId);
        m.put("number", p.getNumber());
        put(m, "type", p.getType());
        put(m, "description", p.getDescription());
        m.put("languages", List.of());
        return m;
    }

    Map<String, Object> schedule(Schedule sc, String serviceId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", sc.getId().toString());
        m.put("service_id", serviceId);
        m.put("freq", "WEEKLY");
        m.put("wkst", "MO");
        m.put("byday", sc.getByday());
        m.put("opens_at", TIME.format(sc.getOpensAt()));
        m.put("closes_at", TIME.format(sc.getClosesAt()));
        put(m, "description", sc.getDescription());
        return m;
    }

    Map<String, Object> language(Language l, String serviceId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.getId().toString());
        m.put("service_id", serviceId);
        m.put("name", l.getName());
        m.put("code", l.getCode());
        put(m, "note", l.getNote());
        return m;
    }

    Map<String, Object> attribute(TaxonomyTerm t, String serviceId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Categories.id("attribute:" + serviceId + ":" + t.getId()).toString());
        m.put("link_id", serviceId);
        m.put("taxonomy_term_id", t.getId().toString());
        m.put("link_type", "service");
        m.put("link_entity", "service");
        m.put("taxonomy_term", taxonomyTerm(t));
        return m;
    }

    Map<String, Object> serviceAtLocation(ServiceAtLocation sal) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", sal.getId().toString());
        m.put("service_id", sal.getService().getId().toString());
        m.put("location_id", sal.getLocation().getId().toString());
        put(m, "description", sal.getDescription());
        m.put("location", location(sal.getLocation()));
        return m;
    }

    Map<String, Object> location(Location l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.getId().toString());
        m.put("location_type", l.getLocationType());
        if (l.getOrganization() != null) {
            m.put("organization_id", l.getOrganization().getId().toString());
        }
        put(m, "name", l.getName());
        put(m, "description", l.getDescription());
        put(m, "latitude", l.getLatitude());
        put(m, "longitude", l.getLongitude());
        m.put("addresses", l.getAddresses().stream().map(this::address).toList());
        List<Map<String, Object>> accessibility = new ArrayList<>();
        if (l.getAccessibility() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", Categories.id("accessibility:" + l.getId()).toString());
            a.put("location_id", l.getId().toString());
            a.put("description", l.getAccessibility());
            accessibility.add(a);
        }
        m.put("accessibility", accessibility);
        return m;
    }

    Map<String, Object> address(Address a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.getId().toString());
        m.put("location_id", a.getLocation().getId().toString());
        m.put("address_1", a.getAddress1());
        put(m, "address_2", a.getAddress2());
        m.put("city", a.getCity());
        put(m, "region", a.getRegion());
        m.put("state_province", a.getStateProvince());
        m.put("postal_code", a.getPostalCode());
        m.put("country", a.getCountry());
        m.put("address_type", a.getAddressType());
        return m;
    }

    Map<String, Object> taxonomy(Taxonomy t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.getId().toString());
        m.put("name", t.getName());
        m.put("description", t.getDescription());
        put(m, "uri", t.getUri());
        put(m, "version", t.getVersion());
        return m;
    }

    Map<String, Object> taxonomyTerm(TaxonomyTerm t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.getId().toString());
        put(m, "code", t.getCode());
        m.put("name", t.getName());
        m.put("description", t.getDescription());
        if (t.getParentId() != null) {
            m.put("parent_id", t.getParentId().toString());
        }
        if (t.getTaxonomy() != null) {
            m.put("taxonomy", t.getTaxonomy().getName());
            m.put("taxonomy_id", t.getTaxonomy().getId().toString());
        }
        put(m, "term_uri", t.getTermUri());
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
