package org.counterspace.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How a feature adds its own rules (public pages, personal pages, sign-in) to the one filter
 * chain without the web module knowing the feature. Anything no feature mentions needs a
 * signed-in user.
 */
@FunctionalInterface
public interface HttpSecurityCustomizer {

    void customize(HttpSecurity http) throws Exception;
}
