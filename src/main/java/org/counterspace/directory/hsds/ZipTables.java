package org.counterspace.directory.hsds;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.util.FileSystemUtils;

/**
 * Unpacks the tables of an uploaded zip to temporary files within {@link ImportLimits}: at most
 * {@code maxUnpacked} in all and {@code maxRatio} times the zip's own size. Unpacking stops as soon as
 * either is passed, so a zip bomb is never unpacked whole, and no table is ever held in memory.
 */
final class ZipTables {

    /** The wanted tables by file name (in {@code folder}), or why the zip was not read. Closing deletes them. */
    static final class Unpacked implements Closeable {

        private final Path folder;

        private final Map<String, Path> tables;

        private final String problem;

        Unpacked(Path folder, Map<String, Path> tables, String problem) {
            this.folder = folder;
            this.tables = tables;
            this.problem = problem;
        }

        String problem() {
            return problem;
        }

        Map<String, HsdsRecordReader.Source> sources() {
            Map<String, HsdsRecordReader.Source> sources = new HashMap<>();
            tables.forEach((name, path) -> sources.put(name, () -> Files.newInputStream(path)));
            return sources;
        }

        @Override
        public void close() {
            try {
                FileSystemUtils.deleteRecursively(folder);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final ImportLimits limits;

    private final Path tempFolder;

    /** The tables are unpacked in a folder of their own in {@code tempFolder} ({@link ImportFolder}). */
    ZipTables(ImportLimits limits, Path tempFolder) {
        this.limits = limits;
        this.tempFolder = tempFolder;
    }

    /** The entries named in {@code wanted} (at the zip's root or in one folder); others are skipped. */
    Unpacked unpack(Path zip, Set<String> wanted) {
        Path folder;
        try {
            folder = Files.createTempDirectory(tempFolder, "counterspace-hsds-tables");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Path> tables = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            long zipBytes = Files.size(zip);
            long budget = Math.min(limits.maxUnpacked().toBytes(), zipBytes * limits.maxRatio());
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (entry.isDirectory() || !wanted.contains(name)) {
                    continue;
                }
                Path table = folder.resolve(name);
                // a size the zip declares is checked before a byte is unpacked; the count read is checked too
                long written = entry.getSize() > budget ? -1 : copy(in, table, budget);
                if (written < 0) {
                    return new Unpacked(folder, Map.of(), tooBig(zipBytes));
                }
                budget -= written;
                tables.put(name, table);
            }
        }
        catch (IOException | IllegalArgumentException e) {
            return new Unpacked(folder, Map.of(), "The file is not a readable zip archive.");
        }
        return new Unpacked(folder, tables, null);
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

    /** Copies the entry to {@code table}: the bytes written, or -1 as soon as they pass the budget. */
    private static long copy(InputStream in, Path table, long budget) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(table)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                written += read;
                if (written > budget) {
                    return -1;
                }
                out.write(buffer, 0, read);
            }
        }
        return written;
    }
}
