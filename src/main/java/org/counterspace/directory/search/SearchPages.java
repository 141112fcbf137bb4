package org.counterspace.directory.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.counterspace.web.SharedPages;
import org.springframework.stereotype.Component;

/**
 * The search page reads, for a visitor without a session, only its query string, the index, the places
 * curators added and the minute (open now): the shared-page cache may replay it while all are the same.
 * A curator's change or an import changes the index's state, so it shows on the next visit. A shared
 * index (OpenSearch, written by other instances too) has no state this instance can know: never replayed.
 */
@Component
class SearchPages implements SharedPages {

    private final DirectoryIndex index;

    private final Gazetteer gazetteer;

    SearchPages(DirectoryIndex index, Gazetteer gazetteer) {
        this.index = index;
        this.gazetteer = gazetteer;
    }

    @Override
    public Set<String> sharedPagePaths() {
        return Set.of();
    }

    @Override
    public Map<String, Supplier<Object>> sharedQueryPages() {
        return Map.of("/support", () -> index.state()
            .map(state -> List.of(state, gazetteer.curated(), Instant.now().truncatedTo(ChronoUnit.MINUTES)))
            .orElse(null));
    }
}
