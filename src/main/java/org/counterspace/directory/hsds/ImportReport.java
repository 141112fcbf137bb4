package org.counterspace.directory.hsds;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did, record by record. A file is imported whole or not at all: {@link #accepted()}
 * is true only when no record was rejected. {@code notes}: what was said about the file's other parts
 * (the taxonomy terms of a CSV package), when it was imported.
 */
public record ImportReport(String file, List<Entry> entries, List<String> fileProblems, List<String> notes) {

    public ImportReport(String file, List<Entry> entries, List<String> fileProblems) {
        this(file, entries, fileProblems, List.of());
    }

    public enum Outcome {
        IMPORTED, REJECTED
    }

    /** One record: its position in the file (1-based), id and name as given, and what was said about it. */
    public record Entry(int position, String id, String name, Outcome outcome, List<String> messages) {
    }

    public static ImportReport fileProblem(String file, String problem) {
        return new ImportReport(file, List.of(), List.of(problem));
    }

    public boolean accepted() {
        return fileProblems.isEmpty() && entries.stream().noneMatch(e -> e.outcome() == Outcome.REJECTED);
    }

    public long imported() {
        return accepted() ? entries.size() : 0;
    }

    public List<Entry> rejected() {
        return entries.stream().filter(e -> e.outcome() == Outcome.REJECTED).toList();
    }

    public List<Entry> withWarnings() {
        List<Entry> warned = new ArrayList<>();
        entries.stream().filter(e -> e.outcome() == Outcome.IMPORTED && !e.messages().isEmpty()).forEach(warned::add);
        return warned;
    }
}
