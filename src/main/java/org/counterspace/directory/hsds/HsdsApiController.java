package org.counterspace.directory.hsds;

import static org.counterspace.directory.hsds.ApiParameters.accept;
import static org.counterspace.directory.hsds.ApiParameters.bool;
import static org.counterspace.directory.hsds.ApiParameters.instant;
import static org.counterspace.directory.hsds.ApiParameters.number;
import static org.counterspace.directory.hsds.ApiParameters.paging;
import static org.counterspace.directory.hsds.ApiParameters.uuid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.counterspace.directory.Point;
import org.counterspace.directory.RateLimits;
import org.counterspace.directory.search.Gazetteer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * The read-only HSDS 3 API (paths and parameter names from the HSDS OpenAPI description), open to
 * any origin for GET and rate-limited per client address. Every parameter the description documents
 * for an endpoint works; anything else, and any value out of shape, answers 400 with a short JSON
 * message naming the parameter; unknown ids 404.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@CrossOrigin(origins = "*", methods = RequestMethod.GET, allowCredentials = "false")
class HsdsApiController {

    /** The widest {@code proximity} accepted, in metres: about the length of Great Britain. */
    static final double MAX_PROXIMITY_METRES = 1_000_000;

    private static final List<String> PAGED = List.of("page", "per_page", "format");

    private static final List<String> SERVICE_FILTERS = List.of("search", "taxonomy_term_id", "taxonomy_id",
            "organization_id", "modified_after", "full");

    private final HsdsApi api;

    private final Gazetteer gazetteer;

    private final RateLimits apiLimits;

    HsdsApiController(HsdsApi api, Gazetteer gazetteer, @Qualifier("apiLimits") RateLimits apiLimits) {
        this.api = api;
        this.gazetteer = gazetteer;
        this.apiLimits = apiLimits;
    }

    static final class TooManyRequests extends RuntimeException {

        TooManyRequests() {
            super(null, null, false, false);
        }
    }

    @ModelAttribute
    void limit(HttpServletRequest request) {
        if (!apiLimits.tryAcquire(request.getRemoteAddr())) {
            throw new TooManyRequests();
        }
    }

    @GetMapping({ "", "/" })
    Map<String, Object> about() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", "3.0");
        m.put("profile", "https://docs.openreferral.org/en/latest/hsds/");
        m.put("openapi_url", "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json");
        return m;
    }

    @GetMapping("/services")
    Map<String, Object> services(@RequestParam Map<String, String> params) {
        accept(params, PAGED, SERVICE_FILTERS, List.of("minimal"));
        return api.services(serviceFilter(params), paging(params), bool(params, "full"), bool(params, "minimal"));
    }

    @GetMapping("/services/{id}")
    Map<String, Object> service(@PathVariable String id, @RequestParam Map<String, String> params) {
        accept(params);
        return found(api.service(pathId(id)));
    }

    @GetMapping("/organizations")
    Map<String, Object> organizations(@RequestParam Map<String, String> params) {
        accept(params, PAGED, List.of("search", "full_service", "full"));
        return api.organizations(params.get("search"), paging(params),
                bool(params, "full_service") || bool(params, "full"));
    }

    @GetMapping("/organizations/{id}")
    Map<String, Object> organization(@PathVariable String id, @RequestParam Map<String, String> params) {
        accept(params, List.of("full_service"));
        return found(api.organization(pathId(id), bool(params, "full_service")));
    }

    @GetMapping("/taxonomies")
    Map<String, Object> taxonomies(@RequestParam Map<String, String> params) {
        accept(params, PAGED, List.of("search"));
        return api.taxonomies(params.get("search"), paging(params));
    }

    @GetMapping("/taxonomies/{id}")
    Map<String, Object> taxonomy(@PathVariable String id, @RequestParam Map<String, String> params) {
        accept(params);
        return found(api.taxonomy(pathId(id)));
    }

    @GetMapping("/taxonomy_terms")
    Map<String, Object> taxonomyTerms(@RequestParam Map<String, String> params) {
        accept(params, PAGED, List.of("search", "taxonomy_id", "top_only", "parent_id"));
        return api.taxonomyTerms(params.get("search"), uuid(params, "taxonomy_id"), uuid(params, "parent_id"), bool(params, "top_only"),
                paging(params));
    }

    @GetMapping("/taxonomy_terms/{id}")
    Map<String, Object> taxonomyTerm(@PathVariable String id, @RequestParam Map<String, String> params) {
        accept(params);
        return found(api.taxonomyTerm(pathId(id)));
    }

    /**
     * {@code postcode} alone keeps the locations whose postcode starts with it; with {@code proximity}
     * (metres, as the description says) it keeps those within that distance of the postcode's
     * centre instead, nearest first, each with its {@code distance} in metres.
     */
    @GetMapping("/service_at_locations")
    Map<String, Object> serviceAtLocations(@RequestParam Map<String, String> params) {
        accept(params, PAGED, SERVICE_FILTERS, List.of("postcode", "proximity"));
        String postcode = params.get("postcode");
        if (postcode != null && (postcode.length() > 12 || !postcode.matches("[A-Za-z0-9 ]*"))) {
            throw new ApiParameters.BadParameter("postcode: letters, digits and spaces, at most 12");
        }
        HsdsApi.Nearby nearby = null;
        if (params.containsKey("proximity")) {
            double metres = number(params, "proximity");
            if (metres <= 0 || metres > MAX_PROXIMITY_METRES) {
                throw new ApiParameters.BadParameter("proximity: metres, more than 0 and at most " + (long) MAX_PROXIMITY_METRES);
            }
            if (postcode == null || postcode.isBlank()) {
                throw new ApiParameters.BadParameter("proximity: needs a postcode to measure from");
            }
            Point centre = gazetteer.find(postcode).map(Gazetteer.Place::point)
                .orElseThrow(() -> new ApiParameters.BadParameter("postcode: not a place this directory knows, so proximity cannot be measured"));
            nearby = new HsdsApi.Nearby(centre, metres);
        }
        return api.serviceAtLocations(serviceFilter(params), nearby == null ? postcode : null, nearby, paging(params),
                bool(params, "full"));
    }

    @GetMapping("/service_at_locations/{id}")
    Map<String, Object> serviceAtLocation(@PathVariable String id) {
        return found(api.serviceAtLocation(pathId(id)));
    }

    private static HsdsApi.ServiceFilter serviceFilter(Map<String, String> params) {
        return new HsdsApi.ServiceFilter(params.get("search"), uuid(params, "taxonomy_term_id"),
                uuid(params, "taxonomy_id"), uuid(params, "organization_id"), instant(params, "modified_after"));
    }

    private static Map<String, Object> found(Optional<Map<String, Object>> object) {
        return object.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static UUID pathId(String id) {
        try {
            return UUID.fromString(id);
        }
        catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** API errors are JSON, never the HTML error pages. */
    @RestControllerAdvice(assignableTypes = HsdsApiController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Errors {

        @ExceptionHandler(ApiParameters.BadParameter.class)
        ResponseEntity<Map<String, Object>> bad(ApiParameters.BadParameter e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }

        @ExceptionHandler(TooManyRequests.class)
        ResponseEntity<Map<String, Object>> tooMany() {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60")
                .body(Map.of("error", "Too many requests from this address; please slow down."));
        }

        @ExceptionHandler(ResponseStatusException.class)
        ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
            return error(HttpStatus.valueOf(e.getStatusCode().value()),
                    e.getStatusCode().value() == 404 ? "Not found" : "Request not accepted");
        }

        private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
            return ResponseEntity.status(status).body(Map.of("error", message));
        }
    }
}
