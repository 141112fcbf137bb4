package org.counterspace.safety;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.counterspace.account.AccountPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives the layout what it needs on every page, error pages included (which is why this is a
 * filter and not a {@code @ControllerAdvice}: errors raised before or outside a controller never see
 * model attributes, and a discreet person's 404 must not say "Counterspace" in the tab):
 * <ul>
 * <li>{@code discreet}: neutral tab title and favicon. On for a signed-in person whose account setting
 * says so, or for anyone whose request carries {@code discreet=1}; that parameter is then carried in
 * every link and redirect the app builds (through {@link HttpServletResponse#encodeURL}), so the choice
 * needs no cookie and is gone as soon as the tab is.</li>
 * <li>{@code exitNotice}: the explanation of the quick exit, shown on the first page of a browser
 * session; a session cookie (no expiry date, HttpOnly) remembers that it was shown. The cookie is only
 * set when a page body is actually written (not on a redirect), so the notice is never skipped.</li>
 * <li>{@code inactivity}: for a signed-in person, when the session runs out and when to warn.</li>
 * <li>{@code viewer}: whether someone is signed in, and whether as an admin, asked when the page is
 * rendered (a page that signs out, such as the one after inactivity, shows the signed-out navigation).
 * Reading the security context costs a field access where the security dialect's access expressions
 * were parsed and evaluated on every page.</li>
 * </ul>
 * Runs inside Spring Security's filter chain (so it sees the signed-in person) and on error dispatches.
 */
class SafetyPageFilter extends OncePerRequestFilter {

    static final String DISCREET_PARAMETER = "discreet";

    static final String NOTICE_COOKIE = "notice";

    private static final String VISITOR_DISCREET = SafetyPageFilter.class.getName() + ".VISITOR_DISCREET";

    private static final Pattern CARRIES_DISCREET = Pattern.compile("[?&]" + DISCREET_PARAMETER + "=");

    private final Duration sessionTimeout;

    private final Duration warning;

    SafetyPageFilter(Duration sessionTimeout, Duration warning) {
        this.sessionTimeout = sessionTimeout;
        this.warning = warning;
    }

    /** When the session runs out; the page leaves for the signed-out page a few seconds later. */
    public record Inactivity(long timeoutSeconds, long warningSeconds) {

        public long refreshSeconds() {
            return timeoutSeconds + 5;
        }
    }

    /** Who is looking at the page, read from the security context each time a page asks. */
    public static final class Viewer {

        static final Viewer INSTANCE = new Viewer();

        private Viewer() {
        }

        public boolean isSignedIn() {
            return signedIn() != null;
        }

        public boolean isAdmin() {
            AccountPrincipal me = signedIn();
            return me != null && me.isAdmin();
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/assets/")) {
            chain.doFilter(request, response);
            return;
        }
        boolean visitorDiscreet = visitorDiscreet(request);
        AccountPrincipal me = signedIn();
        request.setAttribute("discreet", visitorDiscreet || (me != null && me.discreet()));
        request.setAttribute("viewer", Viewer.INSTANCE);
        if (me != null) {
            request.setAttribute("inactivity", new Inactivity(sessionTimeout.toSeconds(), warning.toSeconds()));
        }
        boolean notice = firstPageOfSession(request);
        if (notice) {
            request.setAttribute("exitNotice", true);
            request.setAttribute("exitNoticeDismiss", currentUrl(request));
        }
        chain.doFilter(request, new PageResponse(response, request.getContextPath(), visitorDiscreet, notice));
    }

    /**
     * Whether the visitor asked for discreet mode, decided once per request: an error dispatch (say
     * Spring Security's 403 page) no longer has the original query string but must stay discreet.
     */
    static boolean visitorDiscreet(HttpServletRequest request) {
        if (request.getAttribute(VISITOR_DISCREET) instanceof Boolean decided) {
            return decided;
        }
        boolean asked = asksForDiscreet(request.getQueryString());
        request.setAttribute(VISITOR_DISCREET, asked);
        return asked;
    }

    /**
     * Read from the query string only: links, redirects and GET forms carry it there, and reading a
     * POST body here would parse uploads before Spring MVC can apply its limits.
     */
    private static boolean asksForDiscreet(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equals(DISCREET_PARAMETER + "=1")) {
                return true;
            }
        }
        return false;
    }

    private static AccountPrincipal signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication.getPrincipal() instanceof AccountPrincipal me ? me : null;
    }

    /** A page view (not an asset, script request or the exit itself) by a browser that has not seen the notice. */
    private static boolean firstPageOfSession(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getDispatcherType() != DispatcherType.REQUEST
                || request.getRequestURI().equals(request.getContextPath() + "/exit")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains("text/html")) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NOTICE_COOKIE.equals(cookie.getName())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The page itself, to hide the notice without JavaScript; never a protocol-relative (off-site) URL. */
    private static String currentUrl(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.startsWith("/") || path.startsWith("//")) {
            path = request.getContextPath() + "/";
        }
        String query = request.getQueryString();
        return path + (query == null ? "" : "?" + query);
    }

    /**
     * Adds discreet=1 to every link and redirect within the app, as servlet URL rewriting would, and
     * remembers that the notice was shown once the page body is written. It never adds a session id to
     * a URL (where it would land in the history): Spring Security's DisableEncodeUrlFilter prevents that
     * on ordinary requests but does not run on error dispatches.
     */
    static final class PageResponse extends HttpServletResponseWrapper {

        private final String contextPath;

        private final boolean discreet;

        private boolean noticeToRemember;

        PageResponse(HttpServletResponse response, String contextPath, boolean discreet, boolean notice) {
            super(response);
            this.contextPath = contextPath;
            this.discreet = discreet;
            this.noticeToRemember = notice;
        }

        @Override
        public String encodeURL(String url) {
            return discreet ? carry(url, contextPath) : url;
        }

        @Override
        public String encodeRedirectURL(String url) {
            return discreet ? carry(url, contextPath) : url;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            rememberNotice();
            return super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            rememberNotice();
            return super.getOutputStream();
        }

        private void rememberNotice() {
            if (noticeToRemember && !isCommitted()) {
                noticeToRemember = false;
                addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NOTICE_COOKIE, "seen")
                    .path(contextPath + "/")
                    .httpOnly(true)
                    .sameSite("Lax")
                    .build()
                    .toString());
            }
        }

        static String carry(String url, String contextPath) {
            if (url == null || !url.startsWith("/") || url.startsWith("//")
                    || url.startsWith(contextPath + "/assets/") || CARRIES_DISCREET.matcher(url).find()) {
                return url;
            }
            int hash = url.indexOf('#');
            String path = hash < 0 ? url : url.substring(0, hash);
            String fragment = hash < 0 ? "" : url.substring(hash);
            return path + (path.contains("?") ? "&" : "?") + DISCREET_PARAMETER + "=1" + fragment;
        }
    }
}
