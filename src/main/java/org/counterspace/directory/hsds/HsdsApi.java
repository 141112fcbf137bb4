package org.counterspace.directory.hsds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;

import org.counterspace.directory.Organization;
import org.counterspace.directory.OrganizationRepository;
import org.counterspace.directory.Point;
import org.counterspace.directory.ServiceAtLocation;
import org.counterspace.directory.ServiceAtLocationRepository;
import org.counterspace.directory.ServiceRepository;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.TaxonomyRepository;
import org.counterspace.directory.TaxonomyTerm;
import org.counterspace.directory.TaxonomyTermRepository;
import org.counterspace.directory.search.DirectorySearch;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reads behind the HSDS API, as JSON-ready maps in the spec's paging envelope. */
@Service
@Transactional(readOnly = true)
class HsdsApi {

    /** Text search narrows the list to at most this many best matches before the other filters. */
    static final int MAX_SEARCH_MATCHES = 1000;

    record Paging(int page, int perPage) {

        PageRequest request(Sort sort) {
            return PageRequest.of(page - 1, perPage, sort);
        }
    }

    record ServiceFilter(String search, UUID taxonomyTermId, UUID taxonomyId, UUID organizationId,
            Instant modifiedAfter) {
    }

    private final ServiceRepository services;

    private final OrganizationRepository organizations;

    private final TaxonomyRepository taxonomies;

    private final TaxonomyTermRepository terms;

    private final ServiceAtLocationRepository serviceAtLocations;

    private final DirectorySearch search;

    private final HsdsMapper mapper;

    HsdsApi(ServiceRepository services, OrganizationRepository organizations, TaxonomyRepository taxonomies,
            TaxonomyTermRepository terms, ServiceAtLocationRepository serviceAtLocations, DirectorySearch search,
            HsdsMapper mapper) {
        this.services = services;
        this.organizations = organizations;
        this.taxonomies = taxonomies;
        this.terms = terms;
        this.serviceAtLocations = serviceAtLocations;
        this.search = search;
        this.mapper = mapper;
    }

    Map<String, Object> services(ServiceFilter filter, Paging paging, boolean full, boolean minimal) {
        Specification<SupportService> where = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (filter.search() != null && !filter.search().isBlank()) {
                List<UUID> matches = search.matchingIds(filter.search(), MAX_SEARCH_MATCHES);
                all.add(matches.isEmpty() ? cb.disjunction() : root.get("id").in(matches));
            }
            if (filter.taxonomyTermId() != null || filter.taxonomyId() != null) {
                Join<SupportService, TaxonomyTerm> term = root.join("terms");
                if (filter.taxonomyTermId() != null) {
                    all.add(cb.equal(term.get("id"), filter.taxonomyTermId()));
                }
                if (filter.taxonomyId() != null) {
                    all.add(cb.equal(term.get("taxonomy").get("id"), filter.taxonomyId()));
                }
            }
            if (filter.organizationId() != null) {
                all.add(cb.equal(root.get("organization").get("id"), filter.organizationId()));
            }
            if (filter.modifiedAfter() != null) {
                all.add(cb.greaterThan(root.get("lastModified"), filter.modifiedAfter()));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        Page<SupportService> page = services.findAll(where, paging.request(Sort.by("name", "id")));
        Function<SupportService, Map<String, Object>> shape = minimal ? this::minimalService
                : full ? mapper::service : mapper::serviceSummary;
        return envelope(page, shape);
    }

    private Map<String, Object> minimalService(SupportService s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.getId().toString());
        m.put("name", s.getName());
        m.put("status", s.getStatus());
        m.put("last_modified", s.getLastModified().toString());
        return m;
    }

    Optional<Map<String, Object>> service(UUID id) {
        return services.findById(id).map(mapper::service);
    }

    Map<String, Object> organizations(String text, Paging paging, boolean fullService) {
        Page<Organization> page = text == null || text.isBlank()
                ? organizations.findAll(paging.request(Sort.by("name", "id")))
                : organizations.findByNameContainingIgnoreCase(text.strip(), paging.request(Sort.by("name", "id")));
        return envelope(page, o -> fullService ? organization(o) : mapper.organizationSummary(o));
    }

    Optional<Map<String, Object>> organization(UUID id) {
        return organizations.findById(id).map(this::organization);
    }

    private Map<String, Object> organization(Organization o) {
        Map<String, Object> m = mapper.organizationSummary(o);
        m.put("services", services.findByOrganizationId(o.getId()).stream().map(mapper::serviceSummary).toList());
        return m;
    }

    Map<String, Object> taxonomies(Paging paging) {
        return envelope(taxonomies.findAll(paging.request(Sort.by("name", "id"))), mapper::taxonomy);
    }

    Optional<Map<String, Object>> taxonomy(UUID id) {
        return taxonomies.findById(id).map(mapper::taxonomy);
    }

    Map<String, Object> taxonomyTerms(UUID taxonomyId, UUID parentId, boolean topOnly, Paging paging) {
        PageRequest request = paging.request(Sort.by("name", "id"));
        Page<TaxonomyTerm> page;
        if (parentId != null) {
            page = terms.findByParentId(parentId, request);
        }
        else if (taxonomyId != null) {
            page = topOnly ? terms.findByTaxonomyIdAndParentIdIsNull(taxonomyId, request)
                    : terms.findByTaxonomyId(taxonomyId, request);
        }
        else {
            page = topOnly ? terms.findByParentIdIsNull(request) : terms.findAll(request);
        }
        return envelope(page, mapper::taxonomyTerm);
    }

    Optional<Map<String, Object>> taxonomyTerm(UUID id) {
        return terms.findById(id).map(mapper::taxonomyTerm);
    }

    Map<String, Object> serviceAtLocations(String postcode, Point near, double proximityKm, Paging paging,
            boolean full) {
        Page<ServiceAtLocation> page;
        if (postcode != null && !postcode.isBlank()) {
            String prefix = postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT) + "%";
            page = serviceAtLocations.findByPostcodePrefix(prefix, paging.request(Sort.by("id")));
        }
        else {
            page = serviceAtLocations.findAll(paging.request(Sort.by("id")));
        }
        Function<ServiceAtLocation, Map<String, Object>> shape = sal -> {
            Map<String, Object> m = mapper.serviceAtLocation(sal);
            m.put("service", full ? mapper.service(sal.getService()) : mapper.serviceSummary(sal.getService()));
            if (near != null && sal.getLocation().hasCoordinates()) {
                m.put("distance", Math.round(near.kilometresTo(
                        new Point(sal.getLocation().getLatitude(), sal.getLocation().getLongitude())) * 10) / 10.0);
            }
            return m;
        };
        return envelope(page, shape);
    }

    Optional<Map<String, Object>> serviceAtLocation(UUID id) {
        return serviceAtLocations.findById(id).map(sal -> {
            Map<String, Object> m = mapper.serviceAtLocation(sal);
            m.put("service", mapper.service(sal.getService()));
            return m;
        });
    }

    /** The HSDS API paging envelope (components/schemas/Page in the OpenAPI description). */
    static <T> Map<String, Object> envelope(Page<T> page, Function<T, Map<String, Object>> shape) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total_items", page.getTotalElements());
        m.put("total_pages", page.getTotalPages());
        m.put("page_number", page.getNumber() + 1);
        m.put("size", page.getNumberOfElements());
        m.put("first_page", page.isFirst());
        m.put("last_page", page.isLast());
        m.put("empty", page.isEmpty());
        m.put("contents", page.getContent().stream().map(shape).toList());
        return m;
    }
}
