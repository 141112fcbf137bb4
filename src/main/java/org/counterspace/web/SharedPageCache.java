package org.counterspace.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Replays the last rendering of a {@link SharedPages shared page} to visitors who are not signed in.
 * A guide page costs about a millisecond of CPU through Spring Security and Thymeleaf; replaying the
 * same bytes and headers costs a few microseconds, so the site stays quick for everyone at once.
 * <p>
 * Only a rendering that could have been given to anyone is kept: a 200 HTML answer to a GET without
 * query string, sign-in or session, that set no cookie and created no session. A request that carries
 * a session (or already knows who is asking) is always rendered afresh. Anything a page may
 * vary on without a session (whether the browser asked for HTML, which cookies it sent, by name) is part
 * of the key, so a page that shows a one-time notice (and sets a cookie to remember it) is never replayed.
 * The whole response is replayed, security headers included, so a replay is the page Spring Security
 * would have sent.
 */
final class SharedPageCache extends OncePerRequestFilter {

    /** Keys are bounded by paths × variants anyway; this only guards against odd cookie names. */
    static final int MAX_ENTRIES = 512;

    private static final int MAX_COOKIES = 4;

    private final Set<String> paths;

    private final Map<Variant, Rendering> renderings = new ConcurrentHashMap<>();

    SharedPageCache(Collection<SharedPages> features) {
        Set<String> all = new TreeSet<>();
        features.forEach(feature -> all.addAll(feature.sharedPagePaths()));
        this.paths = Set.copyOf(all);
    }

    /** What a shared page may differ by for a visitor without a session. */
    record Variant(String path, boolean acceptsHtml, String cookieNames) {
    }

    private record Rendering(String contentType, Locale locale, List<Map.Entry<String, String>> headers,
            byte[] body) {

        void writeTo(HttpServletResponse response) throws IOException {
            for (Map.Entry<String, String> header : headers) {
                response.addHeader(header.getKey(), header.getValue());
            }
            response.setLocale(locale);
            response.setContentType(contentType);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private final AtomicLong replays = new AtomicLong();

    int size() {
        return renderings.size();
    }

    long replays() {
        return replays.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Variant variant = variantOf(request);
        if (variant == null) {
            chain.doFilter(request, response);
            return;
        }
        Rendering kept = renderings.get(variant);
        if (kept != null) {
            kept.writeTo(response);
            replays.incrementAndGet();
            return;
        }
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        Rendering rendering = keepable(request, capture);
        if (rendering != null && renderings.size() < MAX_ENTRIES) {
            renderings.putIfAbsent(variant, rendering);
        }
        capture.copyBodyToResponse();
    }

    /** The key for a request that may be answered from memory, or null when it must be rendered. */
    private Variant variantOf(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null
                || request.getParameterNames().hasMoreElements()
                || request.getRequestedSessionId() != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || SecurityContextHolder.getContext().getAuthentication() != null) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!paths.contains(path)) {
            return null;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null && cookies.length > MAX_COOKIES) {
            return null;
        }
        String cookieNames = cookies == null ? ""
                : String.join(";", new TreeSet<>(Arrays.stream(cookies).map(Cookie::getName).toList()));
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return new Variant(path, accept != null && accept.contains("text/html"), cookieNames);
    }

    private static Rendering keepable(HttpServletRequest request, ContentCachingResponseWrapper response) {
        String contentType = response.getContentType();
        if (response.getStatus() != HttpServletResponse.SC_OK || request.getSession(false) != null
                || response.containsHeader(HttpHeaders.SET_COOKIE) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return null;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                response.getHeaders(name).forEach(value -> headers.add(Map.entry(name, value)));
            }
        }
        return new Rendering(contentType, response.getLocale(), List.copyOf(headers), response.getContentAsByteArray());
    }
}
