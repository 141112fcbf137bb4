package org.counterspace.web;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A feature's pages that are the same for every visitor who is not signed in: no personal content,
 * no form tokens, nothing that changes between requests while the app runs. {@link SharedPageCache}
 * keeps their rendered bytes so that most visits cost no template rendering at all.
 */
@FunctionalInterface
public interface SharedPages {

    /** Paths below the context path, each exactly as a link names it (e.g. {@code /guidance/some-guide}). */
    Set<String> sharedPagePaths();

    /**
     * Paths whose page is the same for every such visitor given the same query string while what it
     * reads stays the same (a search: the index, the minute): each path with what tells that state.
     * A rendering is replayed only for the same query string and an equal state; a state of null means
     * it cannot be known now, and the page is rendered and not kept.
     */
    default Map<String, Supplier<Object>> sharedQueryPages() {
        return Map.of();
    }
}
