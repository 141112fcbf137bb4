package org.counterspace.directory;

import org.counterspace.directory.hsds.DirectoryImportOption;
import org.counterspace.directory.search.DirectoryIndex;
import org.counterspace.directory.search.IndexAheadOfCommit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start (an index of an older layout has already been emptied, see {@link DirectoryIndex}):
 * first-start data, services kept at a bare UTC offset placed in a zone, an optional bulk import,
 * then a search index that matches the database (merged after seeding or a bulk load), or rebuilt whole when
 * {@code --counterspace.directory.reindex=true} asks or an import stopped with the process
 * ({@link IndexAheadOfCommit}). Instances sharing an index do this one at a time
 * ({@link StartupLock}), so only the first rebuilds it. The instance is ready for traffic once it is done.
 */
@Component
class DirectoryStartup implements ApplicationRunner {

    private final DirectorySeeder seeder;

    private final DirectoryIndex index;

    private final DirectoryImportOption importOption;

    private final FixedOffsetRepair fixedOffsets;

    private final StartupLock lock;

    private final boolean reindex;

    private final IndexAheadOfCommit indexAhead;

    DirectoryStartup(DirectorySeeder seeder, DirectoryIndex index, DirectoryImportOption importOption,
            FixedOffsetRepair fixedOffsets, StartupLock lock, IndexAheadOfCommit indexAhead,
            @Value("${counterspace.directory.reindex:false}") boolean reindex) {
        this.indexAhead = indexAhead;
        this.seeder = seeder;
        this.lock = lock;
        this.reindex = reindex;
        this.fixedOffsets = fixedOffsets;
        this.index = index;
        this.importOption = importOption;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        lock.run(() -> {
            boolean seeded = seeder.seedIfEmpty();
            fixedOffsets.run();
            boolean imported = importOption.runIfAsked();
            if (reindex || indexAhead.leftUnfinished()) {
                index.rebuild();
                indexAhead.forgetUnfinished();
            }
            else if (!index.rebuildIfStale() && (seeded || imported)) {
                index.mergeSegments();
            }
        });
    }
}
