package org.counterspace.checkin;

import org.counterspace.web.UploadLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The journal's three upload endpoints (CSV, JSON, Daylio), each taking a file up to the import limit. */
@Configuration(proxyBeanMethods = false)
class CheckInUploads {

    @Bean
    UploadLimit journalUpload(CheckInLimits limits) {
        return new UploadLimit("/checkins/import", limits.importFileSize(), "/checkins/export");
    }

    @Bean
    UploadLimit jsonUpload(CheckInLimits limits) {
        return new UploadLimit("/checkins/import/json", limits.importFileSize(), "/checkins/export");
    }

    @Bean
    UploadLimit daylioUpload(CheckInLimits limits) {
        return new UploadLimit("/checkins/import/daylio", limits.importFileSize(), "/checkins/export");
    }
}
