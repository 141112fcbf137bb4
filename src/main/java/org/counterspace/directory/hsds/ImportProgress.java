package org.counterspace.directory.hsds;

/**
 * How far an import has come, for a curator watching it: every record is checked first, then written.
 * Written by the import's thread, read by the page that shows it.
 */
public final class ImportProgress {

    public enum Phase {
        WAITING, CHECKING, IMPORTING, DONE
    }

    private volatile Phase phase = Phase.WAITING;

    private volatile int checked;

    private volatile int imported;

    void checked(int records) {
        phase = Phase.CHECKING;
        checked = records;
    }

    void imported(int records) {
        phase = Phase.IMPORTING;
        imported = records;
    }

    void done() {
        phase = Phase.DONE;
    }

    public Phase phase() {
        return phase;
    }

    public int checked() {
        return checked;
    }

    public int imported() {
        return imported;
    }

    /** Whole percent of the records written, once they have all been checked. */
    public int percent() {
        return checked == 0 ? 0 : (int) (100L * imported / checked);
    }
}
