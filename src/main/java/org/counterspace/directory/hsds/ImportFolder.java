package org.counterspace.directory.hsds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The folder of the app's own where imports keep their temporary files: a curator's upload, the tables
 * unpacked from a zip, the rows kept on disk while services are joined. An import stopped by a restart
 * or a crash would otherwise leave them in the system's temporary folder for good. Each instance works
 * in a folder of its own inside it, named by its process ({@link #path()}); at start-up the folders of
 * processes no longer running are deleted, and the instance's own on shutdown. A process is known by
 * its id and start time: in a container every start has the same process id. Nothing else in the
 * folder is touched, so it is safe even when set to a folder shared with other programs.
 * {@code counterspace.directory.import-folder}: by default counterspace-imports in the system's
 * temporary folder.
 */
@Component
public class ImportFolder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportFolder.class);

    /**
     * An instance's folder: its process's id and start time, and an id of its own (one process may run
     * several apps, as tests do).
     */
    private static final Pattern INSTANCE = Pattern.compile("(\\d+)-(\\d+)-[0-9a-f]{8}");

    private final Path folder;

    ImportFolder(@Value("${counterspace.directory.import-folder:${java.io.tmpdir}/counterspace-imports}") Path root) {
        try {
            Files.createDirectories(root);
            deleteLeftBehind(root);
            this.folder = Files.createDirectory(root.resolve(process(ProcessHandle.current()) + "-"
                    + UUID.randomUUID().toString().substring(0, 8)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This instance's folder, for its imports' temporary files. */
    public Path path() {
        return folder;
    }

    private static void deleteLeftBehind(Path root) throws IOException {
        List<Path> left;
        try (Stream<Path> entries = Files.list(root)) {
            left = entries.filter(ImportFolder::leftBehind).toList();
        }
        for (Path instance : left) {
            FileSystemUtils.deleteRecursively(instance);
        }
        if (!left.isEmpty()) {
            log.info("Deleted the temporary files of {} import(s) stopped before they ended, in {}", left.size(), root);
        }
    }

    /** A process's id and start time (0 where the system does not say it). */
    static String process(ProcessHandle process) {
        return process.pid() + "-" + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static boolean leftBehind(Path entry) {
        Matcher instance = INSTANCE.matcher(entry.getFileName().toString());
        return instance.matches() && !ProcessHandle.of(Long.parseLong(instance.group(1)))
            .map(running -> process(running).equals(instance.group(1) + "-" + instance.group(2)))
            .orElse(false);
    }

    @Override
    public void destroy() throws IOException {
        FileSystemUtils.deleteRecursively(folder);
    }
}
