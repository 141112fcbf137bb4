package org.counterspace.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

/**
 * While the database cannot be reached ({@link ErrorPages#storageUnreachable}), a request that needs
 * it answers 503 with the calm "we can't reach our storage" page, as soon as the pool gives up
 * ({@code spring.datasource.hikari.connection-timeout}), and the app needs nothing done to recover:
 * the pool drops the broken connections and opens new ones once the database answers again.
 * <p>
 * A controller's exception gets the page in the site's layout from {@link ErrorPages}. This filter,
 * before every other, answers those raised outside Spring MVC: in the postgres profile Spring Session
 * reads the session from the database before any controller runs, and saves it as the answer goes
 * out. They are answered here rather than through /error, whose dispatch would read the session
 * again and wait for the pool a second time.
 */
@Configuration(proxyBeanMethods = false)
class StorageOutagePage {

    private static final Logger log = LoggerFactory.getLogger(StorageOutagePage.class);

    /** Seconds a client is asked to wait before trying again. */
    static final String RETRY_AFTER = "30";

    @Bean
    FilterRegistrationBean<Filter> storageOutagePageRegistration(MessageSource messages,
            @Value("${server.servlet.context-path:}") String contextPath) {
        String html = RefusedRequestPage.calmPage(messages, "503", contextPath);
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                (request, response, chain) -> answer(html, request, response, chain));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    private static void answer(String html, ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        }
        catch (IOException | ServletException | RuntimeException exception) {
            if (!ErrorPages.storageUnreachable(exception)) {
                throw exception;
            }
            HttpServletRequest http = (HttpServletRequest) request;
            if (response.isCommitted()) {
                // the answer is out already (Spring Session failed saving the session after it): handing
                // the exception to Tomcat would only send it to /error, which reads the session again
                log.warn("Request {} {} answered, then storage failed: {}", http.getMethod(), http.getRequestURI(),
                        reason(exception));
                return;
            }
            log.warn("Request {} {} answered 503: {}", http.getMethod(), http.getRequestURI(), reason(exception));
            HttpServletResponse page = (HttpServletResponse) response;
            page.reset();
            page.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            RefusedRequestPage.securityHeaders(page);
            page.setHeader("Retry-After", RETRY_AFTER);
            page.setContentType("text/html");
            page.setCharacterEncoding(StandardCharsets.UTF_8.name());
            page.getWriter().write(html);
        }
    }

    /** The innermost cause, in one line: what the pool or the driver said. */
    static String reason(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
