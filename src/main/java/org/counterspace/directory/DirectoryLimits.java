package org.counterspace.directory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reports problem reports and suggestions one client may send per {@code reportPeriod}
 * @param apiRequests HSDS API requests one client may make per {@code apiPeriod}
 * @param savedServices services one person may save to "My outside support"
 */
@ConfigurationProperties("counterspace.directory.limits")
public record DirectoryLimits(@DefaultValue("5") long reports, @DefaultValue("10m") Duration reportPeriod,
        @DefaultValue("300") long apiRequests, @DefaultValue("1m") Duration apiPeriod,
        @DefaultValue("200") int savedServices) {
}
