package org.counterspace.safety;

import java.util.List;
import java.util.UUID;

/**
 * Seam for the plan's "professionals and services" step: the directory services a person has
 * bookmarked, listed beside their own notes. The directory module provides them through
 * {@code org.counterspace.directory.Bookmarks#savedBy(UUID)}; until it is wired in, the
 * {@link NoBookmarkedServices} placeholder lists none.
 */
interface BookmarkedServices {

    List<BookmarkedService> savedBy(UUID accountId);

    /** A bookmarked service: its name and the app-relative path of its page in the directory. */
    record BookmarkedService(String name, String path) {
    }
}
