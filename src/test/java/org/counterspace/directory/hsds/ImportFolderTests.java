package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Imports keep their temporary files in the app's import folder, in a folder of the instance's own:
 * the folders of processes no longer running (an import stopped by a restart or a crash) are deleted
 * at start-up, the instance's own on shutdown, and nothing else there is touched.
 */
class ImportFolderTests {

    @TempDir
    Path root;

    @Test
    void theFilesOfAnImportStoppedBeforeItEndedAreDeletedAtStartUp() throws Exception {
        Path stopped = root.resolve(endedProcess() + "-0123abcd");
        Path tables = Files.createDirectories(stopped.resolve("counterspace-hsds-tables1"));
        Files.writeString(tables.resolve("services.csv"), "id,name,status\n");
        // a container's app has the same process id at every start: its start time tells them apart
        Path beforeRestart = Files.createDirectories(root.resolve(ProcessHandle.current().pid() + "-1-4567cdef"));
        Path otherApp = Files.createDirectories(
                root.resolve(ImportFolder.process(ProcessHandle.current()) + "-89abcdef"));
        Path notOurs = Files.writeString(root.resolve("notes.txt"), "someone else's");

        ImportFolder folder = new ImportFolder(root);

        assertThat(stopped).doesNotExist();
        assertThat(beforeRestart).doesNotExist();
        assertThat(otherApp).isDirectory();
        assertThat(notOurs).exists();
        assertThat(folder.path()).isDirectory().hasParent(root);
    }

    @Test
    void theInstanceFolderIsDeletedOnShutdown() throws Exception {
        ImportFolder folder = new ImportFolder(root);
        Files.writeString(folder.path().resolve("counterspace-import1.zip"), "an upload");
        folder.destroy();
        assertThat(folder.path()).doesNotExist();
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void unpackedTablesAndStoredRowsAreKeptInTheInstanceFolderUntilClosed() throws Exception {
        ImportFolder folder = new ImportFolder(root);
        Path zip = folder.path().resolve("upload.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("services.csv"));
            out.write("id,name,status\ns1,A service,active\n".getBytes(StandardCharsets.UTF_8));
        }
        ZipTables zipTables = new ZipTables(new ImportLimits(DataSize.ofMegabytes(1), 100), folder.path());
        try (ZipTables.Unpacked unpacked = zipTables.unpack(zip, Set.of("services.csv"));
                CsvRowStore store = new CsvRowStore(folder.path())) {
            assertThat(unpacked.problem()).isNull();
            assertThat(files(folder.path())).hasSize(3);
        }
        Files.delete(zip);
        assertThat(folder.path()).isEmptyDirectory();
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    /** The id and start time of a process that has ended. */
    private static String endedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        String ended = ImportFolder.process(process.toHandle());
        process.waitFor();
        return ended;
    }
}
