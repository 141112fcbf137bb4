package org.counterspace.directory.hsds;

/**
 * Where in the uploaded file a part of one record came from, for the report: a JSON pointer in a JSON
 * file, the table and line in a CSV package.
 */
@FunctionalInterface
interface RecordLocation {

    /**
     * {@code pointer}: a JSON pointer within the record ("" for the record, "/phones/0" for its first
     * phone); {@code field}: the field of that part, or null for the part as a whole.
     */
    String describe(String pointer, String field);

    /** A problem said with where it is: "services.json /3/phones/0/number: A phone has no number." */
    default String problem(String pointer, String field, String message) {
        return describe(pointer, field) + ": " + message;
    }

    /** A record of a JSON file, at {@code recordPointer} in it. */
    static RecordLocation json(String file, String recordPointer) {
        return (pointer, field) -> {
            String at = recordPointer + pointer + (field == null ? "" : "/" + field);
            return at.isEmpty() ? file : file + " " + at;
        };
    }
}
