package org.counterspace.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

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
 * Replays the first rendering of a {@link SharedPages shared page} to later visitors who are not signed in.
 * A guide page costs about a millisecond of CPU through Spring Security and Thymeleaf; replaying the
 * same bytes and headers costs a few microseconds, so the site stays quick for everyone at once.
 * <p>
 * Only a rendering that could have been given to anyone is kept: a 200 HTML answer to a GET without
 * query string, sign-in or session, that set no cookie and created no session. A page declared with
 * {@link SharedPages#sharedQueryPages() its state} (the search page) is also kept per query string, and
 * replayed only while that state is equal; those renderings are dropped all at once when too many. A request that carries
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

    /** The safety module's discreet mode, asked for in the query string: a discreet page is never replayed. */
    private static final String DISCREET = "discreet";

    /** Longer query strings are rendered each time: no one shares such a link twice in a minute. */
    private static final int MAX_QUERY_CHARS = 1000;

    private final Set<String> paths;

    private final Map<String, Supplier<Object>> queryPages;

    private final Map<Variant, Rendering> renderings = new ConcurrentHashMap<>();

    private final Map<Variant, Rendering> queryRenderings = new ConcurrentHashMap<>();

    private final boolean compress;

    /** {@code compress}: whether the server compresses responses ({@code server.compression.enabled}). */
    SharedPageCache(Collection<SharedPages> features, boolean compress) {
        this.compress = compress;
        Set<String> all = new TreeSet<>();
        Map<String, Supplier<Object>> withQuery = new HashMap<>();
        features.forEach(feature -> {
            all.addAll(feature.sharedPagePaths());
            withQuery.putAll(feature.sharedQueryPages());
        });
        this.paths = Set.copyOf(all);
        this.queryPages = Map.copyOf(withQuery);
    }

    /**
     * What a shared page may differ by for a visitor without a session; {@code query} and {@code state}
     * are null but for the pages of {@link SharedPages#sharedQueryPages()}.
     */
    record Variant(String path, boolean acceptsHtml, String cookieNames, String query, Object state) {
    }

    /**
     * The page as rendered, and gzipped once, on its first replay to a browser that takes gzip (never
     * when compression is off) rather than on every visit. Not when it is kept: most search answers
     * are asked for once and never replayed, and compressing each was a sixteenth of a new search's work.
     */
    private static final class Rendering {

        private final String contentType;

        private final Locale locale;

        private final List<Map.Entry<String, String>> headers;

        private final byte[] body;

        private final boolean compressible;

        /** Two first replays at once may both compress it; either result is the same. */
        private volatile byte[] gzipped;

        Rendering(String contentType, Locale locale, List<Map.Entry<String, String>> headers, byte[] body,
                boolean compressible) {
            this.contentType = contentType;
            this.locale = locale;
            this.headers = headers;
            this.body = body;
            this.compressible = compressible;
        }

        void writeTo(HttpServletResponse response, boolean gzip) throws IOException {
            for (Map.Entry<String, String> header : headers) {
                response.addHeader(header.getKey(), header.getValue());
            }
            response.setLocale(locale);
            response.setContentType(contentType);
            byte[] bytes = body;
            if (compressible) {
                response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
                if (gzip) {
                    response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                    bytes = gzipped();
                }
            }
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }

        private byte[] gzipped() throws IOException {
            byte[] compressed = gzipped;
            if (compressed == null) {
                compressed = gzip(body);
                gzipped = compressed;
            }
            return compressed;
        }
    }

    private final AtomicLong replays = new AtomicLong();

    /** The state of the query pages last asked for ({@link #dropEarlierStates}). */
    private volatile Object lastState;

    int size() {
        return renderings.size() + queryRenderings.size();
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
        Map<Variant, Rendering> kept = variant.query() == null ? renderings : queryRenderings;
        if (kept == queryRenderings) {
            dropEarlierStates(variant.state());
        }
        Rendering replay = kept.get(variant);
        if (replay != null) {
            replays.incrementAndGet();
            replay.writeTo(response, compress && acceptsGzip(request));
            return;
        }
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        Rendering rendering = keepable(request, capture);
        if (rendering != null) {
            if (kept == queryRenderings && kept.size() >= MAX_ENTRIES) {
                kept.clear(); // most are of an earlier state (another minute, an older index) anyway
            }
            if (kept.size() < MAX_ENTRIES) {
                kept.putIfAbsent(variant, rendering);
            }
        }
        capture.copyBodyToResponse();
    }

    /**
     * Drops the query pages of an earlier state (another minute, an older index) once a new one is seen:
     * they can never be replayed, and a search's query string may say where someone is.
     */
    private void dropEarlierStates(Object state) {
        Object last = lastState;
        if (!state.equals(last)) {
            lastState = state;
            if (last != null) {
                queryRenderings.keySet().removeIf(variant -> !variant.state().equals(state));
            }
        }
    }

    /** The key for a request that may be answered from memory, or null when it must be rendered. */
    private Variant variantOf(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getRequestedSessionId() != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || SecurityContextHolder.getContext().getAuthentication() != null) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Supplier<Object> state = queryPages.get(path);
        String query = request.getQueryString();
        if (state == null ? query != null || request.getParameterNames().hasMoreElements() || !paths.contains(path)
                : query == null ? request.getParameterNames().hasMoreElements()
                        : query.length() > MAX_QUERY_CHARS || query.toLowerCase(Locale.ROOT).contains(DISCREET)) {
            return null;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null && cookies.length > MAX_COOKIES) {
            return null;
        }
        String cookieNames = cookies == null ? ""
                : String.join(";", new TreeSet<>(Arrays.stream(cookies).map(Cookie::getName).toList()));
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (state == null) {
            return new Variant(path, accept != null && accept.contains("text/html"), cookieNames, null, null);
        }
        Object now = state.get();
        return now == null ? null : new Variant(path, accept != null && accept.contains("text/html"), cookieNames,
                query == null ? "" : query, now);
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.split(";");
            if (parts[0].trim().equals("gzip")) {
                return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private Rendering keepable(HttpServletRequest request, ContentCachingResponseWrapper response) {
        String contentType = response.getContentType();
        if (response.getStatus() != HttpServletResponse.SC_OK || request.getSession(false) != null
                || response.containsHeader(HttpHeaders.SET_COOKIE) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return null;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                    && !name.equalsIgnoreCase(HttpHeaders.VARY)) {
                response.getHeaders(name).forEach(value -> headers.add(Map.entry(name, value)));
            }
        }
        byte[] body = response.getContentAsByteArray();
        return new Rendering(contentType, response.getLocale(), List.copyOf(headers), body, compress);
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(body);
        }
        return compressed.toByteArray();
    }
}
