package org.counterspace.directory.listing;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Ids in the directory's page paths. */
public final class PathIds {

    private PathIds() {
    }

    /** A malformed id is a page that does not exist. */
    public static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        }
        catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
