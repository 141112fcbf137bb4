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

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.counterspace.directory.Address;
import org.counterspace.directory.Location;
import org.counterspace.directory.Organization;
import org.counterspace.directory.OrganizationRepository;
import org.counterspace.directory.Point;
import org.counterspace.directory.ServiceAtLocation;
import org.counterspace.directory.ServiceAtLocationRepository;
import org.counterspace.directory.ServiceRepository;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.Taxonomy;
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

    /** The service filters /services and /service_at_locations share; each one narrows the list. */
    record ServiceFilter(String search, UUID taxonomyTermId, UUID taxonomyId, UUID organizationId,
            Instant modifiedAfter) {

        /** The best text matches, or null when there is no text to search for. */
        List<UUID> searchMatches(DirectorySearch directorySearch) {
            return search == null || search.isBlank() ? null : directorySearch.matchingIds(search, MAX_SEARCH_MATCHES);
        }

        Predicate predicate(Path<SupportService> service, List<UUID> matches, CriteriaQuery<?> query,
                CriteriaBuilder cb) {
            List<Predicate> all = new ArrayList<>();
            if (matches != null) {
                all.add(matches.isEmpty() ? cb.disjunction() : service.get("id").in(matches));
            }
            if (taxonomyTermId != null || taxonomyId != null) {
                // a subquery, not a join: a service with two terms of one taxonomy is listed once
                Subquery<UUID> tagged = query.subquery(UUID.class);
                Root<SupportService> other = tagged.from(SupportService.class);
                Join<SupportService, TaxonomyTerm> term = other.join("terms");
                tagged.select(other.get("id"))
                    .where(taxonomyTermId != null ? cb.equal(term.get("id"), taxonomyTermId)
                            : cb.equal(term.get("taxonomy").get("id"), taxonomyId));
                all.add(service.get("id").in(tagged));
            }
            if (organizationId != null) {
                all.add(cb.equal(service.get("organization").get("id"), organizationId));
            }
            if (modifiedAfter != null) {
                // "modified on or after" in the API description
                all.add(cb.greaterThanOrEqualTo(service.get("lastModified"), modifiedAfter));
            }
            return cb.and(all.toArray(Predicate[]::new));
        }
    }

    /**
     * Within {@code metres} of {@code centre}. Distances are equirectangular: within a fraction of a
     * per cent of the great-circle distance at the scale of a town or a county, and cheap enough for
     * the database to filter and order by.
     */
    record Nearby(Point centre, double metres) {

        static final double METRES_PER_DEGREE = Math.PI * Point.EARTH_RADIUS_KM * 1000 / 180;

        private double lonScale() {
            return Math.cos(Math.toRadians(centre.latitude()));
        }

        Expression<Double> squaredDegrees(Path<Location> location, CriteriaBuilder cb) {
            Expression<Double> dy = cb.diff(location.<Double>get("latitude"), centre.latitude());
            Expression<Double> dx = cb.prod(cb.diff(location.<Double>get("longitude"), centre.longitude()), lonScale());
            return cb.sum(cb.prod(dy, dy), cb.prod(dx, dx));
        }

        Predicate within(Path<Location> location, CriteriaBuilder cb) {
            double degrees = metres / METRES_PER_DEGREE;
            return cb.and(cb.isNotNull(location.get("latitude")), cb.isNotNull(location.get("longitude")),
                    cb.le(squaredDegrees(location, cb), degrees * degrees));
        }

        long metresTo(Location location) {
            double dy = location.getLatitude() - centre.latitude();
            double dx = (location.getLongitude() - centre.longitude()) * lonScale();
            return Math.round(Math.sqrt(dy * dy + dx * dx) * METRES_PER_DEGREE);
        }
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
        List<UUID> matches = filter.searchMatches(search);
        Specification<SupportService> where = (root, query, cb) -> filter.predicate(root, matches, query, cb);
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
        return envelope(page, o -> fullService ? organization(o, true) : mapper.organizationSummary(o));
    }

    Optional<Map<String, Object>> organization(UUID id, boolean fullService) {
        return organizations.findById(id).map(o -> organization(o, fullService));
    }

    private Map<String, Object> organization(Organization o, boolean fullService) {
        Map<String, Object> m = mapper.organizationSummary(o);
        m.put("services", services.findByOrganizationId(o.getId()).stream()
            .map(fullService ? mapper::service : mapper::serviceSummary).toList());
        return m;
    }

    Map<String, Object> taxonomies(String text, Paging paging) {
        Specification<Taxonomy> where = (root, query, cb) -> text == null || text.isBlank() ? cb.conjunction()
                : cb.or(contains(cb, root.get("name"), text), contains(cb, root.get("description"), text));
        return envelope(taxonomies.findAll(where, paging.request(Sort.by("name", "id"))), mapper::taxonomy);
    }

    Optional<Map<String, Object>> taxonomy(UUID id) {
        return taxonomies.findById(id).map(mapper::taxonomy);
    }

    Map<String, Object> taxonomyTerms(String text, UUID taxonomyId, UUID parentId, boolean topOnly, Paging paging) {
        Specification<TaxonomyTerm> where = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (text != null && !text.isBlank()) {
                all.add(cb.or(contains(cb, root.get("name"), text), contains(cb, root.get("code"), text),
                        contains(cb, root.get("description"), text)));
            }
            if (taxonomyId != null) {
                all.add(cb.equal(root.get("taxonomy").get("id"), taxonomyId));
            }
            if (parentId != null) {
                all.add(cb.equal(root.get("parentId"), parentId));
            }
            if (topOnly) {
                all.add(cb.isNull(root.get("parentId")));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        return envelope(terms.findAll(where, paging.request(Sort.by("name", "id"))), mapper::taxonomyTerm);
    }

    /** Case-insensitive "contains", with the text's own % and _ taken literally. */
    private static Predicate contains(CriteriaBuilder cb, Expression<String> field, String text) {
        String literal = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
            .replace("_", "\\_");
        return cb.like(cb.lower(field), "%" + literal + "%", '\\');
    }

    Optional<Map<String, Object>> taxonomyTerm(UUID id) {
        return terms.findById(id).map(mapper::taxonomyTerm);
    }

    Map<String, Object> serviceAtLocations(ServiceFilter filter, String postcodePrefix, Nearby nearby, Paging paging,
            boolean full) {
        List<UUID> matches = filter.searchMatches(search);
        Specification<ServiceAtLocation> where = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(filter.predicate(root.get("service"), matches, query, cb));
            if (postcodePrefix != null && !postcodePrefix.isBlank()) {
                Subquery<UUID> there = query.subquery(UUID.class);
                Root<Address> address = there.from(Address.class);
                Expression<String> postcode = cb.upper(
                        cb.function("replace", String.class, address.get("postalCode"), cb.literal(" "), cb.literal("")));
                there.select(address.get("location").get("id")).where(cb.like(postcode,
                        postcodePrefix.replaceAll("\\s+", "").toUpperCase(Locale.ROOT) + "%"));
                all.add(root.get("location").get("id").in(there));
            }
            if (nearby != null) {
                all.add(nearby.within(root.get("location"), cb));
                if (!Long.class.equals(query.getResultType())) {
                    query.orderBy(cb.asc(nearby.squaredDegrees(root.get("location"), cb)), cb.asc(root.get("id")));
                }
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        Page<ServiceAtLocation> page = serviceAtLocations.findAll(where,
                paging.request(nearby == null ? Sort.by("id") : Sort.unsorted()));
        Function<ServiceAtLocation, Map<String, Object>> shape = sal -> {
            Map<String, Object> m = mapper.serviceAtLocation(sal);
            m.put("service", full ? mapper.service(sal.getService()) : mapper.serviceSummary(sal.getService()));
            if (nearby != null) {
                m.put("distance", nearby.metresTo(sal.getLocation()));
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
