package org.counterspace.checkin;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/** Parsed Daylio entries waiting in the session for the person to confirm the import. */
record DaylioPreview(List<DaylioCsv.Entry> entries) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    DaylioPreview {
        entries = List.copyOf(entries);
    }
}
