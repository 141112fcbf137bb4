package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import org.counterspace.directory.search.DirectoryIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The start-up bulk load option, here with the official CSV datapackage folder. */
@SpringBootTest(properties = "counterspace.directory.import=src/test/resources/hsds/examples/csv")
class DirectoryImportOptionTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DirectoryIndex index;

    @Test
    void theFolderWasImportedAndIndexedAtStartUp() {
        assertThat(jdbc.queryForObject("select count(*) from dir_service where name = 'Community Counselling'",
                Long.class)).isOne();
        assertThat(index.indexedCount()).isEqualTo(jdbc.queryForObject("select count(*) from dir_service", Long.class));
        assertThat(jdbc.queryForObject("select count(*) from dir_audit where actor = 'start-up import'", Long.class))
            .isOne();
    }
}
