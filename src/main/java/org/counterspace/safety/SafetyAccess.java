package org.counterspace.safety;

import java.time.Duration;

import org.counterspace.web.HttpSecurityCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.stereotype.Component;

/**
 * Crisis help, privacy, the quick exit and the signed-out page must always work, signed in or not;
 * the safety plan and the session keep-alive are for a signed-in person only.
 */
@Component
class SafetyAccess implements HttpSecurityCustomizer {

    private final Duration sessionTimeout;

    private final SafetyProperties properties;

    SafetyAccess(@Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout, SafetyProperties properties) {
        this.sessionTimeout = sessionTimeout;
        this.properties = properties;
    }

    /**
     * The page filter sits just before Spring Security turns a missing sign-in into a redirect to
     * the login page, so it already knows who is signed in and that redirect keeps discreet mode.
     */
    @Override
    public void customize(HttpSecurity http) throws Exception {
        http.addFilterBefore(new SafetyPageFilter(sessionTimeout, properties.inactivityWarning()),
                ExceptionTranslationFilter.class);
        http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/help", "/privacy", "/exit", "/signed-out-for-inactivity").permitAll()
            .requestMatchers("/safety-plan", "/safety-plan/**", "/session/ping").authenticated());
    }
}
