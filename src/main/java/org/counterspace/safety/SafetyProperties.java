package org.counterspace.safety;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param exitUrl where the quick exit sends a person: a neutral, everyday page
 * @param defaultRegion the country whose crisis lines are shown first when a visitor has not chosen one
 * @param inactivityWarning how long before the session runs out a signed-in person is warned (with JavaScript)
 * @param planVersionsKept how many versions of a person's safety plan are kept (the newest; saving never fails for it)
 */
@ConfigurationProperties("counterspace.safety")
public record SafetyProperties(@DefaultValue("https://www.bbc.co.uk/weather") String exitUrl,
        @DefaultValue("GB") String defaultRegion, @DefaultValue("2m") Duration inactivityWarning,
        @DefaultValue("100") int planVersionsKept) {
}
