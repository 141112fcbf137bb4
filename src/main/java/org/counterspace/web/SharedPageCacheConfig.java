package org.counterspace.web;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

@Configuration(proxyBeanMethods = false)
class SharedPageCacheConfig {

    @Bean
    SharedPageCache sharedPageCache(List<SharedPages> features,
            @Value("${server.compression.enabled:false}") boolean compress) {
        return new SharedPageCache(features, compress);
    }

    /**
     * Just after Spring Session's filter (when the postgres profile has one), so the session cookie
     * it reads counts as a session here too, and before Spring Security, whose work a replay saves.
     */
    @Bean
    FilterRegistrationBean<SharedPageCache> sharedPageCacheRegistration(SharedPageCache cache) {
        FilterRegistrationBean<SharedPageCache> registration = new FilterRegistrationBean<>(cache);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        return registration;
    }
}
