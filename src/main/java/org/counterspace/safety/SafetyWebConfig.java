package org.counterspace.safety;

import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SafetyWebConfig {

    /** After Spring Security's filters (order -100), so it sees the signed-in person; error pages too. */
    @Bean
    FilterRegistrationBean<SafetyPageFilter> safetyPageFilter(
            @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout, SafetyProperties properties) {
        FilterRegistrationBean<SafetyPageFilter> registration = new FilterRegistrationBean<>(
                new SafetyPageFilter(sessionTimeout, properties.inactivityWarning()));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD);
        registration.setOrder(0);
        return registration;
    }
}
