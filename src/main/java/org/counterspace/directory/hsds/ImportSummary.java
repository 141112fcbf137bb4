package org.counterspace.directory.hsds;

import java.util.List;

/**
 * What a curator is shown of an import once it has ended: the report, cut to what a page can hold
 * (the first {@code shown} records with problems, and how many more). A job keeps this, not the
 * report, so a finished import of 100,000 records costs little to keep.
 */
public record ImportSummary(String file, boolean accepted, long imported, List<String> fileProblems,
        List<Record> rejected, int moreRejected, List<Record> warned, int moreWarned, List<String> notes) {

    /** One record: its position in the file, its name (or id), and what was said (at most {@code shown}). */
    public record Record(int position, String name, List<String> messages, int moreMessages) {
    }

    /** Records with problems (or notes) shown; a record's messages shown. */
    static final int SHOWN = 100;

    static final int MESSAGES_SHOWN = 20;

    static ImportSummary of(ImportReport report) {
        List<ImportReport.Entry> rejected = report.rejected();
        List<ImportReport.Entry> warned = report.accepted() ? report.withWarnings() : List.of();
        return new ImportSummary(report.file(), report.accepted(), report.imported(), report.fileProblems(),
                shown(rejected), Math.max(0, rejected.size() - SHOWN), shown(warned),
                Math.max(0, warned.size() - SHOWN), report.notes());
    }

    private static List<Record> shown(List<ImportReport.Entry> entries) {
        return entries.stream().limit(SHOWN).map(e -> new Record(e.position(), e.name() == null ? e.id() : e.name(),
                e.messages().stream().limit(MESSAGES_SHOWN).toList(),
                Math.max(0, e.messages().size() - MESSAGES_SHOWN))).toList();
    }
}
