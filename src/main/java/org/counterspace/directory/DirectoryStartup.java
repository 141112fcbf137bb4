package org.counterspace.directory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On start: first-start data, then a search index that matches the database. */
@Component
class DirectoryStartup implements ApplicationRunner {

    private final DirectorySeeder seeder;

    private final DirectoryIndex index;

    DirectoryStartup(DirectorySeeder seeder, DirectoryIndex index) {
        this.seeder = seeder;
        this.index = index;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        seeder.seedIfEmpty();
        index.rebuildIfStale();
    }
}
