package org.counterspace.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;

/**
 * A multipart request whose body stays unread until {@link #open()}: until then its parameters
 * are only those of the query string, and it has no parts. See {@link UploadGate}.
 */
final class GatedRequest extends HttpServletRequestWrapper {

    private boolean open;

    private Map<String, String[]> query;

    GatedRequest(HttpServletRequest request) {
        super(request);
    }

    void open() {
        open = true;
    }

    @Override
    public String getParameter(String name) {
        if (open) {
            return super.getParameter(name);
        }
        String[] values = query().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        if (open) {
            return super.getParameterValues(name);
        }
        String[] values = query().get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return open ? super.getParameterMap() : query();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return open ? super.getParameterNames() : Collections.enumeration(query().keySet());
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        return open ? super.getParts() : List.of();
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        return open ? super.getPart(name) : null;
    }

    private Map<String, String[]> query() {
        if (query == null) {
            query = parse(getQueryString());
        }
        return query;
    }

    /** The query string's parameters, in order; a pair that is not valid percent-encoding is left out. */
    static Map<String, String[]> parse(String queryString) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (queryString != null) {
            for (String pair : queryString.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (name != null && !name.isEmpty() && value != null) {
                    values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
                }
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
        return Collections.unmodifiableMap(parameters);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }
}
