package org.counterspace.web.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriUtils;

/**
 * One thing the sweep sends bad input to: a method and path pattern, asked as one role, with the
 * values a page filled in (the baseline each bad value replaces one of), the other parameter names
 * known for it, its upload fields and real values for its path variables.
 */
final class SweepEndpoint {

    enum Role {
        ANONYMOUS, PERSON, CURATOR
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/:]+)(:[^}]*)?}");

    /** Last path segments of actions that remove or end something the rest of the sweep reaches. */
    private static final Set<String> DESTRUCTIVE_ENDINGS = Set.of("delete", "remove", "archive", "retire", "revoke",
            "resolve", "cancel");

    final String method;

    final String pattern;

    Role role;

    /** Where it was found: a page's form or link, or only the request mappings. */
    String source;

    final Map<String, String> pathValues = new LinkedHashMap<>();

    final Map<String, List<String>> baseline = new LinkedHashMap<>();

    final Set<String> otherNames = new LinkedHashSet<>();

    final Set<String> fileFields = new LinkedHashSet<>();

    SweepEndpoint(String method, String pattern, Role role, String source) {
        this.method = method;
        this.pattern = pattern;
        this.role = role;
        this.source = source;
    }

    String key() {
        return method + " " + pattern;
    }

    boolean isGet() {
        return "GET".equals(method);
    }

    boolean multipart() {
        return !fileFields.isEmpty();
    }

    List<String> variables() {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Every parameter name the battery goes through: the baseline's, then the others. */
    List<String> parameterNames() {
        Set<String> names = new LinkedHashSet<>(baseline.keySet());
        names.addAll(otherNames);
        names.addAll(fileFields);
        return new ArrayList<>(names);
    }

    /** Actions whose success takes away what later requests use, so they are swept last. */
    boolean destructive() {
        if (isGet()) {
            return false;
        }
        String last = pattern.substring(pattern.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return DESTRUCTIVE_ENDINGS.contains(last);
    }

    /** The path with each variable set: the real value unless the caller replaces one. */
    String path(Map<String, String> replaced) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = replaced.getOrDefault(name, pathValues.getOrDefault(name, "7f4c6a52-1d3e-4b8a-9c0f-2e5d6b7a8c9d"));
            m.appendReplacement(path, Matcher.quoteReplacement(UriUtils.encodePathSegment(value, "UTF-8")));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** Adds what another sighting of this endpoint shows; the first baseline value seen stays. */
    void merge(Map<String, List<String>> values, Set<String> names, Set<String> files) {
        values.forEach(baseline::putIfAbsent);
        otherNames.addAll(names);
        fileFields.addAll(files);
        otherNames.removeAll(baseline.keySet());
    }

    @Override
    public String toString() {
        return key() + " as " + role.name().toLowerCase(Locale.ROOT);
    }
}
