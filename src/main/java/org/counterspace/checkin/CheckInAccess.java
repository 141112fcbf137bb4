package org.counterspace.checkin;

import org.counterspace.web.HttpSecurityCustomizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/** The journal is personal: every page under /checkins needs a signed-in person. */
@Component
class CheckInAccess implements HttpSecurityCustomizer {

    @Override
    public void customize(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/checkins", "/checkins/**").authenticated());
    }
}
