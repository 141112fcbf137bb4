package org.counterspace.directory;

import org.counterspace.web.UploadLimit;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rate limits for anonymous writes (reports, suggestions) and for the public API; the curators' upload. */
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

    /** HSDS files, up to the server-wide multipart limit (50 MB unless configured otherwise). */
    @Bean
    UploadLimit hsdsUpload(MultipartProperties multipart) {
        return new UploadLimit("/curate/files/import", multipart.getMaxFileSize(), "/curate/files");
    }
}
