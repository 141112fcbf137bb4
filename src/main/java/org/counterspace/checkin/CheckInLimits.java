package org.counterspace.checkin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one person can add to their journal, and how much the server holds for Daylio previews
 * ({@code counterspace.checkins.*}). "A day" is the last 24 hours.
 *
 * @param checkInsPerDay check-ins saved through the form (generous: nobody checks in 50 times a day)
 * @param importRowsPerDay check-ins added by CSV and Daylio imports (a decade of twice-daily Daylio entries fits)
 * @param importFileSize the largest CSV or Daylio file accepted
 * @param previewKeptFor how long an unconfirmed Daylio preview waits for its owner
 * @param previewsHeld the most text all waiting Daylio previews may hold together; the oldest give way
 */
@ConfigurationProperties("counterspace.checkins")
record CheckInLimits(@DefaultValue("50") int checkInsPerDay, @DefaultValue("10000") int importRowsPerDay,
        @DefaultValue("5MB") DataSize importFileSize, @DefaultValue("30m") Duration previewKeptFor,
        @DefaultValue("200MB") DataSize previewsHeld) {

    /** The file limit in whole megabytes, as the pages say it. */
    long importMegabytes() {
        return importFileSize.toMegabytes();
    }
}
