package org.counterspace.web;

import java.util.Set;

/**
 * A feature's pages that are the same for every visitor who is not signed in: no personal content,
 * no form tokens, nothing that changes between requests while the app runs. {@link SharedPageCache}
 * keeps their rendered bytes so that most visits cost no template rendering at all.
 */
@FunctionalInterface
public interface SharedPages {

    /** Paths below the context path, each exactly as a link names it (e.g. {@code /guidance/some-guide}). */
    Set<String> sharedPagePaths();
}
