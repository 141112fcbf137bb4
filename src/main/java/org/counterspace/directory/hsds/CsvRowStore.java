package org.counterspace.directory.hsds;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a package's tables, kept on disk and found by a key (a service's id for its phones, a
 * location's id for its addresses…), so a package of any size is joined into nested services one at
 * a time: memory holds one offset per row and one entry per key, never the tables' text.
 */
final class CsvRowStore implements Closeable {

    private static final int TAG_BITS = 8;

    private static final long OFFSET_MASK = (1L << (64 - TAG_BITS)) - 1;

    private static final int READ_AHEAD = 1024;

    private final Path file;

    private final DataOutputStream out;

    private FileChannel channel;

    private long size;

    /** Each index: a table and the column its rows are found by; its position is the tag of its offsets. */
    private final List<String> indexes = new ArrayList<>();

    /** Key → the tagged offsets of the rows found by it, in every index (a key is held once for all of them). */
    private final Map<String, long[]> offsets = new HashMap<>();

    /** The rows are kept in a file in {@code folder} ({@link ImportFolder}), deleted on closing. */
    CsvRowStore(Path folder) {
        try {
            file = Files.createTempFile(folder, "counterspace-hsds-rows", ".bin");
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps a row of {@code table}, found by the first of {@code columns} it has a value for (a phone by
     * its service, else its service_at_location, else its location); a row with none is not kept.
     */
    void add(String table, List<String> columns, CsvTable.Row row) {
        for (String column : columns) {
            String key = row.values().get(column);
            if (key != null) {
                long offset = write(row);
                long[] found = offsets.get(key);
                long[] more = found == null ? new long[1] : Arrays.copyOf(found, found.length + 1);
                more[more.length - 1] = (long) tag(table + "/" + column) << (64 - TAG_BITS) | offset;
                // a key already there stays the map's own: each key's text is held once
                offsets.put(key, more);
                return;
            }
        }
    }

    /** The rows of {@code table} found by {@code column} = {@code key}, in the order of the table. */
    List<CsvTable.Row> rows(String table, String column, String key) {
        long[] found = key == null ? null : offsets.get(key);
        if (found == null) {
            return List.of();
        }
        int tag = indexes.indexOf(table + "/" + column);
        List<CsvTable.Row> rows = new ArrayList<>();
        for (long tagged : found) {
            if (tagged >>> (64 - TAG_BITS) == tag) {
                rows.add(read(tagged & OFFSET_MASK));
            }
        }
        return rows;
    }

    /** The one row of {@code table} whose {@code column} is {@code key} (the last, should there be two). */
    CsvTable.Row row(String table, String column, String key) {
        List<CsvTable.Row> rows = rows(table, column, key);
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }

    private int tag(String index) {
        int tag = indexes.indexOf(index);
        if (tag < 0) {
            indexes.add(index);
            tag = indexes.size() - 1;
        }
        return tag;
    }

    private long write(CsvTable.Row row) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream record = new DataOutputStream(bytes);
            record.writeLong(row.line());
            record.writeInt(row.values().size());
            for (Map.Entry<String, String> value : row.values().entrySet()) {
                writeText(record, value.getKey());
                writeText(record, value.getValue());
            }
            long offset = size;
            out.writeInt(bytes.size());
            bytes.writeTo(out);
            size += 4 + bytes.size();
            return offset;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CsvTable.Row read(long offset) {
        try {
            if (channel == null) {
                out.flush();
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            // most rows are shorter than this: their length and body come in one read
            ByteBuffer record = ByteBuffer.allocate(READ_AHEAD);
            readAtLeast(record, offset, 4);
            int end = 4 + record.getInt(0);
            if (end > record.capacity()) {
                record = ByteBuffer.allocate(end).put(record.flip());
            }
            readAtLeast(record, offset, end);
            record.limit(end).position(4);
            long line = record.getLong();
            int count = record.getInt();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                values.put(readText(record), readText(record));
            }
            return new CsvTable.Row(line, values);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads into {@code buffer} from {@code position} on until it holds at least {@code bytes}. */
    private void readAtLeast(ByteBuffer buffer, long position, int bytes) throws IOException {
        while (buffer.position() < bytes) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("The row store ends early.");
            }
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(ByteBuffer record) {
        int length = record.getInt();
        String text = new String(record.array(), record.position(), length, StandardCharsets.UTF_8);
        record.position(record.position() + length);
        return text;
    }

    @Override
    public void close() {
        try {
            out.close();
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
