package org.counterspace.checkin;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** Parsed Daylio entries waiting in the session for their owner to confirm the import. */
record DaylioPreview(UUID accountId, List<DaylioCsv.Entry> entries) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    DaylioPreview {
        entries = List.copyOf(entries);
    }
}
