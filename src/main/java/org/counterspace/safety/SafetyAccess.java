package org.counterspace.safety;

import org.counterspace.web.HttpSecurityCustomizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/** Crisis help, privacy and the quick exit must always work, signed in or not. */
@Component
class SafetyAccess implements HttpSecurityCustomizer {

    @Override
    public void customize(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/help", "/privacy", "/exit").permitAll());
    }
}
