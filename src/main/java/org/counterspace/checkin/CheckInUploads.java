package org.counterspace.checkin;

import org.counterspace.web.UploadLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The journal's two upload endpoints, each taking a file up to the import limit. */
@Configuration(proxyBeanMethods = false)
class CheckInUploads {

    @Bean
    UploadLimit journalUpload(CheckInLimits limits) {
        return new UploadLimit("/checkins/import", limits.importFileSize(), "/checkins/export");
    }

    @Bean
    UploadLimit daylioUpload(CheckInLimits limits) {
        return new UploadLimit("/checkins/import/daylio", limits.importFileSize(), "/checkins/export");
    }
}
