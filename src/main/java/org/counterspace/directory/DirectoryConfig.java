package org.counterspace.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rate limits for anonymous writes (reports, suggestions) and for the public API. */
@Configuration
class DirectoryConfig {

    @Bean
    RateLimits reportLimits(DirectoryLimits limits) {
        return new RateLimits(limits.reports(), limits.reportPeriod());
    }

    @Bean
    RateLimits apiLimits(DirectoryLimits limits) {
        return new RateLimits(limits.apiRequests(), limits.apiPeriod());
    }
}
