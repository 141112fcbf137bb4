package org.counterspace.checkin;

import java.util.List;
import java.util.UUID;

/** A person's counter-environments by name, for other features such as the safety plan. */
public interface CounterEnvironments {

    /** The names of the counter-environments in use (archived ones left out), each group in display order. */
    Names names(UUID accountId);

    /**
     * @param practices things a person does (the article's practices)
     * @param spacesAndPeople safer spaces, then people outside home
     */
    record Names(List<String> practices, List<String> spacesAndPeople) {
    }
}
