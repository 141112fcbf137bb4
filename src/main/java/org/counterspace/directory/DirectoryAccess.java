package org.counterspace.directory;

import org.counterspace.web.HttpSecurityCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * Searching, reading a service, reporting a problem, suggesting a service and the HSDS API are
 * for everyone; "My outside support" needs sign-in (the default); curation needs the curator role.
 */
@Component
class DirectoryAccess implements HttpSecurityCustomizer {

    @Override
    public void customize(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.GET, "/support", "/support/services/*", "/support/suggest").permitAll()
            .requestMatchers(HttpMethod.POST, "/support/services/*/report", "/support/suggest").permitAll()
            .requestMatchers(HttpMethod.GET, "/api", "/api/**").permitAll()
            .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
            .requestMatchers("/curate", "/curate/**").hasRole("ADMIN"));
    }
}
