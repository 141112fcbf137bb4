package org.counterspace.directory.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code /actuator/health/readiness}): the directory's index answers a search. In the
 * cluster profile that is a round trip to OpenSearch, so an instance that cannot reach it takes no traffic.
 */
@Component
class SearchIndexHealthIndicator implements HealthIndicator {

    private final DirectoryIndex index;

    SearchIndexHealthIndicator(DirectoryIndex index) {
        this.index = index;
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetail("services", index.indexedCount()).build();
        }
        catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
