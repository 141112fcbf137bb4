package org.counterspace.web.sweep;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.counterspace.web.sweep.SweepEndpoint.Role;
import org.jsoup.nodes.Document;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Finds what the sweep sends to, from the running app: every page each role can reach from "/" and
 * from the request mappings without path variables (their forms and links), then, once each form has
 * been sent as a person would fill it (so the person and the curator have data: a check-in, a saved
 * service, a safety plan, a report in the queue), the same crawl again to reach pages about that
 * data; and last every request mapping no page leads to, with its path variables set to ids seen on
 * pages or in the API's answers, asked as the least privileged role it answers.
 */
final class SweepDiscovery {

    /**
     * Handlers that take their parameters as a map say nothing of their names. The search page's come
     * from its form; the HSDS API's (no page links to it) are the ones docs/directory.md documents.
     */
    static final Map<String, List<String>> MAP_PARAMETER_NAMES = Map.of(
            "/api/services", List.of("search", "page", "per_page", "taxonomy_term_id", "taxonomy_id", "organization_id",
                    "modified_after", "minimal", "full", "format"),
            "/api/organizations", List.of("search", "full_service", "full", "page", "per_page", "format"),
            "/api/taxonomies", List.of("search", "page", "per_page", "format"),
            "/api/taxonomy_terms", List.of("search", "taxonomy_id", "top_only", "parent_id", "page", "per_page", "format"),
            "/api/service_at_locations", List.of("search", "taxonomy_term_id", "taxonomy_id", "organization_id",
                    "modified_after", "postcode", "proximity", "full", "page", "per_page", "format"));

    private static final int MAX_PAGES_PER_ROLE = 250;

    private static final int VISITS_PER_PATTERN = 3;

    private static final Pattern JSON_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    private record Mapping(PathPattern pattern, Set<String> methods, HandlerMethod handler) {
    }

    private final MockMvc mvc;

    private final SweepRoles roles;

    private final Set<String> skipped;

    private final List<Mapping> mappings = new ArrayList<>();

    private final Map<String, SweepEndpoint> endpoints = new LinkedHashMap<>();

    /** Real path variable values by the part of the path before the variable. */
    private final Map<String, Set<String>> seenIds = new HashMap<>();

    /** The latest file each download endpoint gave, to upload again with bad values in it. */
    private final Map<String, SweepDownloads.Download> downloads = new LinkedHashMap<>();

    /** Each form sent once before the second crawl, with the status it got. */
    private final List<String> seeded = new ArrayList<>();

    /** What went wrong while crawling: a 5xx or an exception on an ordinary page. */
    private final List<String> problems = new ArrayList<>();

    private int requests;

    SweepDiscovery(MockMvc mvc, RequestMappingHandlerMapping handlerMapping, SweepRoles roles, Set<String> skipped) {
        this.mvc = mvc;
        this.roles = roles;
        this.skipped = skipped;
        handlerMapping.getHandlerMethods().forEach((info, handler) -> {
            Set<String> methods = new LinkedHashSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.addAll(List.of(RequestMethod.GET.name(), RequestMethod.POST.name()));
            }
            for (String pattern : patterns(info)) {
                mappings.add(new Mapping(PathPatternParser.defaultInstance.parse(pattern), methods, handler));
            }
        });
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPatternValues();
    }

    int requests() {
        return requests;
    }

    List<String> problems() {
        return problems;
    }

    List<SweepDownloads.Download> downloads() {
        return new ArrayList<>(downloads.values());
    }

    /** Crawls, sends each form once, crawls again, then adds the mappings no page led to. */
    List<SweepEndpoint> discover() throws Exception {
        for (Role role : Role.values()) {
            crawl(role);
        }
        for (SweepEndpoint endpoint : new ArrayList<>(endpoints.values())) {
            if (!endpoint.isGet() && !endpoint.destructive() && !endpoint.multipart() && !skipped.contains(endpoint.key())) {
                seed(endpoint);
            }
        }
        for (Role role : Role.values()) {
            crawl(role);
        }
        addUnlinkedMappings();
        endpoints.values().removeIf(e -> skipped.contains(e.key()));
        List<SweepEndpoint> ordered = new ArrayList<>(endpoints.values());
        ordered.sort(Comparator.comparing(SweepEndpoint::destructive).thenComparing(e -> !e.isGet()));
        return ordered;
    }

    private void crawl(Role role) throws Exception {
        Deque<String> queue = new ArrayDeque<>();
        queue.add("/");
        mappings.stream().filter(m -> m.methods().contains("GET") && m.pattern().getPatternString().indexOf('{') < 0
                && m.pattern().getPatternString().indexOf('*') < 0)
            .forEach(m -> queue.add(m.pattern().getPatternString()));
        Set<String> visited = new HashSet<>();
        Map<String, Integer> visitsPerPattern = new HashMap<>();
        while (!queue.isEmpty() && visited.size() < MAX_PAGES_PER_ROLE) {
            String url = queue.poll();
            SweepPages.Target target = SweepPages.target("http://sweep.invalid" + url);
            if (target == null || !visited.add(url) || skipped.contains("GET " + patternOf("GET", target.path()))) {
                continue;
            }
            if (visitsPerPattern.merge(patternOf("GET", target.path()), 1, Integer::sum) > VISITS_PER_PATTERN) {
                continue;
            }
            MvcResult result;
            try {
                result = perform("GET", url, role, Map.of());
            }
            catch (Exception e) {
                problems.add("GET " + url + " as " + role + " while crawling: threw " + e);
                continue;
            }
            if (result.getResponse().getStatus() >= 500) {
                problems.add("GET " + url + " as " + role + " while crawling: answered " + result.getResponse().getStatus());
            }
            String body = result.getResponse().getContentAsString();
            String type = String.valueOf(result.getResponse().getContentType());
            if (result.getResponse().getStatus() != 200) {
                continue;
            }
            record("GET", target.path(), role, Map.of(), Set.of(), Set.of());
            // the download of the role the endpoint belongs to: the curator's own journal export is empty
            SweepDownloads.Download download = SweepDownloads.of(result.getResponse());
            String pattern = patternOf("GET", target.path());
            if (download != null && endpoints.get("GET " + pattern).role == role) {
                downloads.put(pattern, download);
            }
            if (type.startsWith("application/json")) {
                harvestJson(target.path(), body);
            }
            if (!type.startsWith("text/html")) {
                continue;
            }
            Document page = SweepPages.parse(body, url);
            for (SweepPages.Target link : SweepPages.links(page)) {
                Map<String, List<String>> values = new LinkedHashMap<>();
                link.query().forEach((name, v) -> values.put(name, new ArrayList<>(v)));
                record("GET", link.path(), role, values, Set.of(), Set.of());
                queue.add(link.url());
            }
            for (SweepPages.Form form : SweepPages.forms(page, roles.username(role))) {
                record(form.method(), form.action().path(), role, form.values(), form.otherNames(), form.files());
                if (form.method().equals("GET")) {
                    queue.add(form.action().path());
                }
            }
        }
    }

    /**
     * Sends a form as filled in. Where the page comes back with fields marked invalid (a typed-in
     * filler that is no opening time, say), it tries once more with those fields empty, and keeps
     * what was accepted as the baseline the battery starts from.
     */
    private void seed(SweepEndpoint endpoint) throws Exception {
        MvcResult result = perform(endpoint.method, endpoint.path(Map.of()), endpoint.role, endpoint.baseline);
        if (result.getResponse().getStatus() == 200) {
            Map<String, List<String>> retry = new LinkedHashMap<>(endpoint.baseline);
            SweepPages.parse(result.getResponse().getContentAsString(), endpoint.path(Map.of()))
                .select("[aria-invalid=true][name]").forEach(field -> retry.put(field.attr("name"), List.of("")));
            result = perform(endpoint.method, endpoint.path(Map.of()), endpoint.role, retry);
            if (result.getResponse().getStatus() == 302) {
                endpoint.baseline.putAll(retry);
            }
        }
        seeded.add(result.getResponse().getStatus() + " " + endpoint + " -> " + result.getResponse().getRedirectedUrl());
    }

    List<String> seeded() {
        return seeded;
    }

    /** Notes one sighting of an endpoint; the least privileged role that sees it keeps it. */
    private void record(String method, String path, Role role, Map<String, List<String>> values, Set<String> names,
            Set<String> files) {
        String pattern = patternOf(method, path);
        SweepEndpoint endpoint = endpoints.computeIfAbsent(method + " " + pattern,
                key -> new SweepEndpoint(method, pattern, role, "page"));
        if (endpoint.pathValues.isEmpty()) {
            endpoint.pathValues.putAll(variablesOf(pattern, path));
        }
        endpoint.merge(values, names, files);
        variablesOf(pattern, path).forEach((name, value) -> seenIds
            .computeIfAbsent(prefix(pattern, name), p -> new LinkedHashSet<>()).add(value));
    }

    private void harvestJson(String path, String body) {
        Matcher m = JSON_ID.matcher(body);
        while (m.find()) {
            seenIds.computeIfAbsent(path + "/", p -> new LinkedHashSet<>()).add(m.group(1));
        }
    }

    private void addUnlinkedMappings() throws Exception {
        for (Mapping mapping : mappings) {
            for (String method : mapping.methods()) {
                String pattern = mapping.pattern().getPatternString();
                if (pattern.contains("*") || !(method.equals("GET") || method.equals("POST"))) {
                    continue;
                }
                SweepEndpoint endpoint = endpoints.get(method + " " + pattern);
                if (endpoint == null) {
                    endpoint = new SweepEndpoint(method, pattern, Role.CURATOR, "mapping");
                    for (String variable : endpoint.variables()) {
                        endpoint.pathValues.put(variable, seenId(prefix(pattern, variable)));
                    }
                    if (!skipped.contains(endpoint.key())) {
                        endpoint.role = leastRole(endpoint);
                    }
                    endpoints.put(endpoint.key(), endpoint);
                }
                addHandlerNames(endpoint, mapping.handler());
            }
        }
    }

    private String seenId(String prefix) {
        Set<String> exact = seenIds.get(prefix);
        if (exact != null && !exact.isEmpty()) {
            return exact.iterator().next();
        }
        return seenIds.entrySet().stream().filter(e -> prefix.startsWith(e.getKey()) || e.getKey().startsWith(prefix))
            .flatMap(e -> e.getValue().stream()).findFirst()
            .orElse("7f4c6a52-1d3e-4b8a-9c0f-2e5d6b7a8c9d");
    }

    /** The first role that is neither sent to sign in nor refused (403). */
    private Role leastRole(SweepEndpoint endpoint) throws Exception {
        for (Role role : Role.values()) {
            MvcResult result = perform(endpoint.method, endpoint.path(Map.of()), role, Map.of());
            String redirect = result.getResponse().getRedirectedUrl();
            if (result.getResponse().getStatus() != 403 && (redirect == null || !redirect.contains("/login"))) {
                return role;
            }
        }
        return Role.CURATOR;
    }

    /** The names the handler binds: its request parameters, its form's fields, its uploads. */
    private static void addHandlerNames(SweepEndpoint endpoint, HandlerMethod handler) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> files = new LinkedHashSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                if (Map.class.isAssignableFrom(type)) {
                    names.addAll(MAP_PARAMETER_NAMES.getOrDefault(endpoint.pattern, List.of()));
                }
                else if (MultipartFile.class.isAssignableFrom(type)) {
                    files.add(name);
                }
                else {
                    names.add(name);
                }
            }
            else if (parameter.hasParameterAnnotation(ModelAttribute.class) || isForm(parameter)) {
                names.addAll(fieldsOf(type));
            }
        }
        endpoint.merge(Map.of(), names, files);
    }

    /** An unannotated parameter of one of our own types is a form object Spring binds. */
    private static boolean isForm(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return parameter.getParameterAnnotations().length == 0 && type.getPackageName().startsWith("org.counterspace")
                && !type.isEnum();
    }

    private static List<String> fieldsOf(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                names.add(field.getName());
            }
        }
        return names;
    }

    /** The most specific mapping pattern for this path, or the path itself (the sign-in and sign-out filters). */
    private String patternOf(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        Optional<PathPattern> best = mappings.stream()
            .filter(m -> m.methods().contains(method) && m.pattern().matches(container))
            .map(Mapping::pattern)
            .min(PathPattern.SPECIFICITY_COMPARATOR);
        return best.map(PathPattern::getPatternString).orElse(path);
    }

    private static Map<String, String> variablesOf(String pattern, String path) {
        PathPattern.PathMatchInfo info = PathPatternParser.defaultInstance.parse(pattern)
            .matchAndExtract(PathContainer.parsePath(path));
        return info == null ? Map.of() : info.getUriVariables();
    }

    private static String prefix(String pattern, String variable) {
        return pattern.substring(0, pattern.indexOf("{" + variable));
    }

    MvcResult perform(String method, String url, Role role, Map<String, List<String>> params) throws Exception {
        requests++;
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), URI.create(url))
            .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, MediaType.ALL);
        params.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
        roles.as(role).ifPresent(request::with);
        if (!method.equals("GET")) {
            request.with(csrf());
        }
        return mvc.perform(request).andReturn();
    }
}
