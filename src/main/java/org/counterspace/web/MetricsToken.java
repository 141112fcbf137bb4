package org.counterspace.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a Prometheus server scrape {@code /actuator/prometheus} with {@code Authorization: Bearer
 * <token>} ({@code counterspace.metrics.token}, at least 32 characters; empty: no token works), as
 * it cannot sign in through a form. The token grants {@link #ROLE} for that one request and nothing
 * else: no session, no other endpoint. Admins signed in as usual need no token.
 */
final class MetricsToken extends OncePerRequestFilter {

    static final String PATH = "/actuator/prometheus";

    static final String ROLE = "METRICS";

    private final byte[] token;

    MetricsToken(String token) {
        if (!token.isEmpty() && token.length() < 32) {
            throw new IllegalArgumentException("counterspace.metrics.token needs at least 32 characters (e.g. openssl rand -hex 32).");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return token.length == 0 || !PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ")
                && MessageDigest.isEqual(token, header.substring(7).getBytes(StandardCharsets.UTF_8))) {
            // a context of its own: the one a session holds (a signed-in cookie sent along) stays as it was
            SecurityContext scraper = SecurityContextHolder.createEmptyContext();
            scraper.setAuthentication(new PreAuthenticatedAuthenticationToken(
                    "prometheus", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
            SecurityContextHolder.setContext(scraper);
        }
        chain.doFilter(request, response);
    }
}
