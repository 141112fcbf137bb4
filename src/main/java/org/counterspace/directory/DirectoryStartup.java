package org.counterspace.directory;

import org.counterspace.directory.hsds.DirectoryImportOption;
import org.counterspace.directory.search.DirectoryIndex;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start (an index of an older layout has already been emptied, see {@link DirectoryIndex}):
 * first-start data, an optional bulk import, then a search index that matches the database (merged
 * after a bulk load).
 */
@Component
class DirectoryStartup implements ApplicationRunner {

    private final DirectorySeeder seeder;

    private final DirectoryIndex index;

    private final DirectoryImportOption importOption;

    DirectoryStartup(DirectorySeeder seeder, DirectoryIndex index, DirectoryImportOption importOption) {
        this.seeder = seeder;
        this.index = index;
        this.importOption = importOption;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        seeder.seedIfEmpty();
        boolean imported = importOption.runIfAsked();
        if (!index.rebuildIfStale() && imported) {
            index.mergeSegments();
        }
    }
}
