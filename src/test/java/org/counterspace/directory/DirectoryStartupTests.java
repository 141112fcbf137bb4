package org.counterspace.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.counterspace.directory.hsds.HsdsImporter;
import org.counterspace.directory.search.DirectorySearch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class DirectoryStartupTests {

    @Autowired
    DirectoryStartup startup;

    @Autowired
    HsdsImporter importer;

    @Autowired
    DirectorySearch search;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anImportTheProcessStoppedInHasTheNextStartRebuildTheIndexFromTheDatabase() throws Exception {
        UUID id = UUID.randomUUID();
        String json = """
                [{"id": "%s", "name": "Bladderwort Marigold", "status": "active",
                  "service_at_locations": [{"id": "%s", "location": {"id": "%s", "location_type": "virtual"}}]}]
                """.formatted(id, UUID.randomUUID(), UUID.randomUUID());
        assertThat(importer.importJson("stopped.json", json.getBytes(StandardCharsets.UTF_8), "test").accepted()).isTrue();
        // what the database says once an import's rollback has undone what the index had taken ahead of it
        jdbc.update("update dir_service set name = 'Bladderwort Tamarack' where id = ?", id);
        jdbc.update("insert into index_ahead_of_commit (id, started_at, what) values (?, ?, 'HSDS import of stopped.json')",
                UUID.randomUUID(), Timestamp.from(Instant.now()));
        // other tests' services share the database, so only this service's presence is asked
        assertThat(search.matchingIds("tamarack", 50)).doesNotContain(id);

        startup.run(null);

        assertThat(search.matchingIds("tamarack", 50)).contains(id);
        assertThat(search.matchingIds("marigold", 50)).doesNotContain(id);
        assertThat(jdbc.queryForObject("select count(*) from index_ahead_of_commit", Long.class)).isZero();
    }
}
