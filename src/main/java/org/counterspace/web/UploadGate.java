package org.counterspace.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.WebUtils;

/**
 * Multipart bodies are read only by the endpoints declared as {@link UploadLimit}s, and only after
 * Spring Security has let the request through. Tomcat parses a multipart body (into temporary
 * files) the first time anything asks for a parameter, and the CSRF filter asks for "_csrf" before
 * it knows whether the request may pass: any anonymous POST could make the server write 512 MB.
 * <ol>
 * <li>Before every other filter, and on error dispatches too, a multipart request is wrapped in a
 * {@link GatedRequest}: its parameters are those of the query string, and it has no parts. Upload
 * forms carry their CSRF token in the query string for this.</li>
 * <li>Last in Spring Security's chain (signed in, CSRF token checked, access granted), the gate
 * opens for an upload endpoint whose body is within its limit. A body declared larger stays unread:
 * it is drained (up to the server-wide multipart limit, so the browser gets to see the answer) and
 * the request fails with {@link MaxUploadSizeExceededException} before its controller method runs,
 * so the feature's own page or {@link UploadErrorPages} explains the limit.</li>
 * <li>Any other multipart request stays closed: its body is never parsed.</li>
 * </ol>
 * A body of unknown length (chunked) is left to the server-wide limits
 * ({@code spring.servlet.multipart.max-file-size}, {@code max-request-size}).
 */
@Configuration(proxyBeanMethods = false)
class UploadGate implements HttpSecurityCustomizer, WebMvcConfigurer {

    /** Request attribute holding the {@link UploadLimit} a body was refused by. */
    static final String REFUSED_BY = UploadGate.class.getName() + ".refusedBy";

    private final Map<String, UploadLimit> limits;

    private final long drainedAtMost;

    UploadGate(List<UploadLimit> limits, MultipartProperties multipart) {
        this.limits = limits.stream().collect(Collectors.toUnmodifiableMap(UploadLimit::path, Function.identity()));
        this.drainedAtMost = multipart.getMaxRequestSize().toBytes();
    }

    @Bean
    FilterRegistrationBean<Filter> uploadGateRegistration() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(UploadGate::close);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    /** Wraps a multipart request once (an error dispatch gets Tomcat's own request again); one parsed already is left be. */
    private static void close(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean multipart = StringUtils.startsWithIgnoreCase(request.getContentType(), "multipart/");
        boolean alreadyHandled = WebUtils.getNativeRequest(request, GatedRequest.class) != null
                || WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) != null;
        chain.doFilter(multipart && !alreadyHandled ? new GatedRequest((HttpServletRequest) request) : request, response);
    }

    @Override
    public void customize(HttpSecurity http) {
        http.addFilterAfter(new Opener(), AuthorizationFilter.class);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getAttribute(REFUSED_BY) instanceof UploadLimit limit) {
                    throw new MaxUploadSizeExceededException(limit.maxFileSize().toBytes());
                }
                return true;
            }
        });
    }

    /** Opens the gate of a request that reached the end of the security chain, if its endpoint takes files. */
    private final class Opener extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            GatedRequest gated = WebUtils.getNativeRequest(request, GatedRequest.class);
            String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
            UploadLimit limit = gated == null ? null : limits.get(path);
            if (limit != null && limit.refuses(request.getContentLengthLong())) {
                drain(request);
                request.setAttribute(REFUSED_BY, limit);
            }
            else if (limit != null) {
                gated.open();
            }
            chain.doFilter(request, response);
        }

        /**
         * Reads and discards a refused body. Left unread, Tomcat resets the connection after 2 MB
         * ({@code server.tomcat.max-swallow-size}), and a browser still sending over a slow link
         * then shows a broken connection instead of the answer.
         */
        private void drain(HttpServletRequest request) {
            if (request.getContentLengthLong() <= drainedAtMost) {
                try {
                    request.getInputStream().transferTo(OutputStream.nullOutputStream());
                }
                catch (IOException e) {
                    // the client has stopped sending: nothing left to drain
                }
            }
        }
    }
}
