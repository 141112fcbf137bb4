package org.counterspace.guidance;

import org.counterspace.web.HttpSecurityCustomizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/** Guidance is for everyone, signed in or not. */
@Component
class GuidanceAccess implements HttpSecurityCustomizer {

    @Override
    public void customize(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/", "/guidance", "/guidance/**").permitAll());
    }
}
