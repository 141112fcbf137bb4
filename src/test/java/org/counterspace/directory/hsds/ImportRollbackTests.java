package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.counterspace.directory.search.DirectoryIndex;
import org.counterspace.directory.search.DirectorySearch;
import org.h2.api.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import the database refuses after the search index has taken some of its batches (the file is
 * larger than one batch): nothing of it is kept, a service it replaced keeps what it said, and the
 * index says what the database says.
 */
@SpringBootTest
class ImportRollbackTests {

    private static final String BREAKS = "Breaks the database";

    @Autowired
    HsdsImporter importer;

    @Autowired
    DirectoryIndex index;

    @Autowired
    DirectorySearch search;

    @Autowired
    JdbcTemplate jdbc;

    /** Refuses to insert the service named {@link #BREAKS}, as a database error would. */
    public static class RefusesOneService implements Trigger {

        private int nameColumn;

        @Override
        public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
                throws SQLException {
            try (ResultSet column = connection.getMetaData().getColumns(null, schema, table, "NAME")) {
                column.next();
                nameColumn = column.getInt("ORDINAL_POSITION") - 1;
            }
        }

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            if (BREAKS.equals(newRow[nameColumn])) {
                throw new SQLException("refused by the test");
            }
        }
    }

    @AfterEach
    void dropTrigger() {
        jdbc.execute("drop trigger if exists refuses_one_service");
    }

    @Test
    void anImportRefusedAfterTheIndexTookBatchesLeavesTheDirectoryAndTheIndexAsTheyWere() {
        UUID replaced = UUID.randomUUID();
        assertThat(importJson("[" + ImportSafetyTests.service(replaced, "Quillwort Marigold", UUID.randomUUID()) + "]")
            .accepted()).isTrue();
        long servicesBefore = services();
        List<String> records = new ArrayList<>();
        records.add(ImportSafetyTests.service(replaced, "Quillwort Tamarack", UUID.randomUUID()));
        for (int i = 1; i < HsdsImporter.BATCH + 100; i++) {
            records.add(ImportSafetyTests.service(UUID.randomUUID(), "Sundew probe " + i, UUID.randomUUID()));
        }
        records.add(ImportSafetyTests.service(UUID.randomUUID(), BREAKS, UUID.randomUUID()));
        jdbc.execute("create trigger refuses_one_service before insert on dir_service for each row call '"
                + RefusesOneService.class.getName() + "'");

        assertThatThrownBy(() -> importJson("[" + String.join(",", records) + "]")).isInstanceOf(RuntimeException.class);

        assertThat(services()).isEqualTo(servicesBefore);
        assertThat(jdbc.queryForObject("select name from dir_service where id = ?", String.class, replaced))
            .isEqualTo("Quillwort Marigold");
        assertThat(index.indexedCount()).isEqualTo(servicesBefore);
        assertThat(search.matchingIds("sundew", 10)).isEmpty();
        assertThat(search.matchingIds("marigold", 10)).containsExactly(replaced);
        assertThat(search.matchingIds("tamarack", 10)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from index_ahead_of_commit", Long.class)).isZero();
    }

    private long services() {
        return jdbc.queryForObject("select count(*) from dir_service", Long.class);
    }

    private ImportReport importJson(String json) {
        return importer.importJson("rollback.json", json.getBytes(StandardCharsets.UTF_8), "test");
    }
}
