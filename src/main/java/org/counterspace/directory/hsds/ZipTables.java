package org.counterspace.directory.hsds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks the tables of an uploaded zip within {@link ImportLimits}: at most {@code maxUnpacked} in
 * all and {@code maxRatio} times the zip's own size. Unpacking stops as soon as either is passed, so a
 * zip bomb is never read whole.
 */
final class ZipTables {

    /** The wanted tables by file name, or why the zip was not read. */
    record Unpacked(Map<String, byte[]> tables, String problem) {
    }

    private final ImportLimits limits;

    ZipTables(ImportLimits limits) {
        this.limits = limits;
    }

    /** The entries named in {@code wanted} (at the zip's root or in one folder); others are skipped. */
    Unpacked unpack(byte[] zip, Set<String> wanted) {
        Map<String, byte[]> tables = new HashMap<>();
        long budget = Math.min(limits.maxUnpacked().toBytes(), (long) zip.length * limits.maxRatio());
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (entry.isDirectory() || !wanted.contains(name)) {
                    continue;
                }
                // a size the zip declares is checked before a byte is unpacked; the count read is checked too
                byte[] content = entry.getSize() > budget ? null : read(in, budget);
                if (content == null) {
                    return new Unpacked(Map.of(), tooBig(zip.length));
                }
                budget -= content.length;
                tables.put(name, content);
            }
        }
        catch (IOException | IllegalArgumentException e) {
            return new Unpacked(Map.of(), "The file is not a readable zip archive.");
        }
        return new Unpacked(tables, null);
    }

    private String tooBig(long zipBytes) {
        long ratioLimit = zipBytes * limits.maxRatio();
        if (ratioLimit < limits.maxUnpacked().toBytes()) {
            return "The zip unpacks to more than " + limits.maxRatio() + " times its own size (" + megabytes(ratioLimit)
                    + "), which only a zip bomb or a broken file does; it was not read.";
        }
        return "The zip unpacks to more than " + megabytes(limits.maxUnpacked().toBytes())
                + ", more than the directory reads at once; it was not read. Import the tables in smaller parts.";
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }

    /** The entry's bytes, or null as soon as it passes the budget. */
    private static byte[] read(InputStream in, long budget) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget + 1));
        return content.length > budget ? null : content;
    }
}
