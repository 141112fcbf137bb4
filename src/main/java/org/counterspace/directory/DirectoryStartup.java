package org.counterspace.directory;

import org.counterspace.directory.hsds.DirectoryImportOption;
import org.counterspace.directory.search.DirectoryIndex;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start (an index of an older layout has already been emptied, see {@link DirectoryIndex}):
 * first-start data, services kept at a bare UTC offset placed in a zone, an optional bulk import,
 * then a search index that matches the database (merged after a bulk load).
 */
@Component
class DirectoryStartup implements ApplicationRunner {

    private final DirectorySeeder seeder;

    private final DirectoryIndex index;

    private final DirectoryImportOption importOption;

    private final FixedOffsetRepair fixedOffsets;

    DirectoryStartup(DirectorySeeder seeder, DirectoryIndex index, DirectoryImportOption importOption,
            FixedOffsetRepair fixedOffsets) {
        this.seeder = seeder;
        this.fixedOffsets = fixedOffsets;
        this.index = index;
        this.importOption = importOption;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        seeder.seedIfEmpty();
        fixedOffsets.run();
        boolean imported = importOption.runIfAsked();
        if (!index.rebuildIfStale() && imported) {
            index.mergeSegments();
        }
    }
}
