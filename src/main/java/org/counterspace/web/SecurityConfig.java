package org.counterspace.web;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * One filter chain for the whole site. Each feature contributes its rules through an
 * {@link HttpSecurityCustomizer}; whatever no feature declares public needs a signed-in user.
 * Actuator endpoints other than health are never public: admins, and for the Prometheus endpoint
 * alone a scraper's token ({@link MetricsToken}).
 */
@Configuration
class SecurityConfig {

    /** No inline script or style anywhere, so the policy allows neither. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), "
            + "interest-cohort=()";

    /**
     * No tracing observation around Spring Security's filters: nobody reads them, and wrapping each
     * filter of every request cost a tenth of a millisecond (measured on the guide page).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, List<HttpSecurityCustomizer> features,
            @Value("${counterspace.metrics.token:}") String metricsToken) throws Exception {
        http.authorizeHttpRequests(auth -> auth
            .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
            .requestMatchers("/assets/**", "/favicon.ico", "/robots.txt", "/error").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers(MetricsToken.PATH).hasAnyRole("ADMIN", MetricsToken.ROLE)
            .requestMatchers("/actuator/**").hasRole("ADMIN"));
        http.addFilterBefore(new MetricsToken(metricsToken), AuthorizationFilter.class);
        for (HttpSecurityCustomizer feature : features) {
            feature.customize(http);
        }
        http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        http.headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
            .frameOptions(frame -> frame.deny())
            .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
            .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
        return http.build();
    }
}
