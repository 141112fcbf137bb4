package org.counterspace.web;

import java.time.LocalDate;

/**
 * Names for the files a person downloads. A download lands in a folder that others using the device
 * may look through, so in discreet mode the name says only "notes" and the day.
 */
public final class DownloadNames {

    private DownloadNames() {
    }

    /** {@code usual} as it is, or "notes-2026-12-06.csv" (with the given day and extension) in discreet mode. */
    public static String of(String usual, boolean discreet, LocalDate day, String extension) {
        return discreet ? "notes-" + day + "." + extension : usual;
    }
}
