package org.counterspace.directory;

import org.counterspace.web.TokenBuckets;
import org.counterspace.web.UploadLimit;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Rate limits for anonymous writes (reports, suggestions) and for the public API; the curators' uploads. */
@Configuration
class DirectoryConfig {

    @Bean
    RateLimits reportLimits(TokenBuckets buckets, DirectoryLimits limits) {
        return new RateLimits(buckets, "reports", limits.reports(), limits.reportPeriod());
    }

    @Bean
    RateLimits apiLimits(TokenBuckets buckets, DirectoryLimits limits) {
        return new RateLimits(buckets, "api", limits.apiRequests(), limits.apiPeriod());
    }

    /** HSDS files, up to the server-wide multipart limit (512 MB unless configured otherwise). */
    @Bean
    UploadLimit hsdsUpload(MultipartProperties multipart) {
        return new UploadLimit("/curate/files/import", multipart.getMaxFileSize(), "/curate/files");
    }

    /** A list of places: 10,000 lines fit well within 2 MB. */
    @Bean
    UploadLimit placesUpload() {
        return new UploadLimit("/curate/places/import", DataSize.ofMegabytes(2), "/curate/places");
    }
}
