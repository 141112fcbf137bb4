package org.counterspace.safety;

import org.counterspace.web.HttpSecurityCustomizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * Crisis help, privacy, the quick exit and the signed-out page must always work, signed in or not;
 * the safety plan and the session keep-alive are for a signed-in person only.
 */
@Component
class SafetyAccess implements HttpSecurityCustomizer {

    @Override
    public void customize(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
            .requestMatchers("/help", "/privacy", "/exit", "/signed-out-for-inactivity").permitAll()
            .requestMatchers("/safety-plan", "/safety-plan/**", "/session/ping").authenticated());
    }
}
