package org.counterspace.safety;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Placeholder until the directory's bookmarks are wired in (replace with an adapter over Bookmarks#savedBy). */
@Component
class NoBookmarkedServices implements BookmarkedServices {

    @Override
    public List<BookmarkedService> savedBy(UUID accountId) {
        return List.of();
    }
}
