package org.counterspace.directory.hsds;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one CSV table of an HSDS package row by row, never whole: strict UTF-8 (a byte-order mark
 * allowed), any line ending, blank lines skipped. Each row comes with the line it starts on, and a
 * problem with the file is said in the curator's words, naming the table and the line.
 */
final class CsvTable {

    /** One row: the line it starts on, and its values by column (empty cells are absent). */
    record Row(long line, Map<String, String> values) {
    }

    /** A table the directory cannot read; the message names it. */
    static final class Unreadable extends RuntimeException {

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private CsvTable() {
    }

    /**
     * The header's column names (after {@code checkHeader}), then every row in order; throws
     * {@link Unreadable} for a table that is not well-formed CSV or not UTF-8.
     */
    static void read(String name, HsdsRecordReader.Source source, Consumer<List<String>> checkHeader,
            Consumer<Row> visit) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(source.open(),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
                CSVParser parser = parser(name, withoutByteOrderMark(reader))) {
            List<String> header = parser.getHeaderNames();
            checkHeader.accept(header);
            long lineAfter = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                long line = lineAfter + 1;
                lineAfter = parser.getCurrentLineNumber();
                Map<String, String> values = new LinkedHashMap<>();
                for (String column : header) {
                    String value = record.isSet(column) ? record.get(column) : null;
                    if (value != null && !value.isEmpty()) {
                        values.put(column, value);
                    }
                }
                // a blank line, or one with cells only past the header's columns (a spreadsheet's trailing commas)
                if (!values.isEmpty()) {
                    visit.accept(new Row(line, values));
                }
            }
        }
        catch (UncheckedIOException e) {
            throw unreadable(name, e.getCause());
        }
        catch (IOException | IllegalStateException e) {
            throw unreadable(name, e);
        }
    }

    /** The columns of {@code required} the header lacks, as a problem of the table; or null. */
    static String missingColumns(String name, List<String> header, Set<String> required) {
        List<String> missing = required.stream().filter(c -> !header.contains(c)).sorted().toList();
        return missing.isEmpty() ? null : name + " lacks the column(s) " + String.join(", ", missing) + ".";
    }

    private static Unreadable unreadable(String name, Throwable cause) {
        if (cause instanceof CharacterCodingException) {
            return new Unreadable(name + " is not valid UTF-8 text.");
        }
        // commons-csv's CSVException (an IOException) for a broken quote, in the header too
        return new Unreadable(name + " is not well-formed CSV.");
    }

    private static BufferedReader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Reads the header row; one with an empty or repeated column name is the file's problem, said in our words. */
    private static CSVParser parser(String name, BufferedReader reader) throws IOException {
        try {
            // empty lines are records here, skipped above, so every row's line is counted right; "\r\r\n"
            // line ends give such empty records too
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(false).get().parse(reader);
        }
        catch (IllegalArgumentException e) {
            throw new Unreadable(name + " has a column without a name, or two of the same name.");
        }
    }
}
