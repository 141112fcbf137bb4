package org.counterspace.directory;

import java.util.List;
import java.util.UUID;

/** A person's saved outside support ("My outside support"), for other features such as the safety plan. */
public interface Bookmarks {

    /** The services this account saved, newest first; an empty list for anyone else's id. */
    List<SavedService> savedBy(UUID accountId);
}
