package org.counterspace.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;

/**
 * No redirect is built from the {@code Host} a request names (anyone can name any host, and a cache
 * or a link could then send a person elsewhere): Tomcat keeps redirects relative
 * ({@code server.tomcat.use-relative-redirects}), Spring Security's sign-in page redirect is relative,
 * and the page asked for before signing in is reopened by its path. Where absolute redirects are
 * wanted, {@code counterspace.base-url} names the origin they start with; this filter puts it in front
 * of every redirect to a path of this site.
 */
@Configuration(proxyBeanMethods = false)
class BaseUrlRedirects {

    @Bean
    FilterRegistrationBean<Filter> baseUrlRedirectsRegistration(@Value("${counterspace.base-url:}") String baseUrl) {
        String origin = baseUrl.isBlank() ? "" : origin(baseUrl);
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> chain
            .doFilter(request, new Absolute((HttpServletResponse) response, origin)));
        registration.setEnabled(!origin.isEmpty());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** The scheme, host and port of the base URL; anything more is a mistake worth stopping for. */
    static String origin(String baseUrl) {
        URI uri = URI.create(baseUrl.strip());
        String path = uri.getRawPath();
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawUserInfo() != null || !(path == null || path.isEmpty() || path.equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalStateException(
                    "counterspace.base-url must be an origin such as https://counterspace.example, with no path");
        }
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** A response whose redirects to a path of this site start with the base URL. */
    static final class Absolute extends HttpServletResponseWrapper {

        private final String origin;

        Absolute(HttpServletResponse response, String origin) {
            super(response);
            this.origin = origin;
        }

        private String absolute(String location) {
            return location.startsWith("/") && !location.startsWith("//") ? origin + location : location;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            sendRedirect(location, SC_FOUND, true);
        }

        @Override
        public void sendRedirect(String location, int status) throws IOException {
            sendRedirect(location, status, true);
        }

        @Override
        public void sendRedirect(String location, boolean clearBuffer) throws IOException {
            sendRedirect(location, SC_FOUND, clearBuffer);
        }

        @Override
        public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
            super.sendRedirect(absolute(location), status, clearBuffer);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? absolute(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? absolute(value) : value);
        }
    }
}
