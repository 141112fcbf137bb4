package org.counterspace.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.counterspace.CounterspaceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An index on disk written with an earlier layout of fields is started anew, even where a field kept
 * its name but changed its kind: Lucene remembers a field's kind after its documents are deleted, so
 * writing services into the old files would fail.
 */
class DirectoryIndexUpgradeTests {

    @TempDir
    Path indexRoot;

    /** An in-memory database that outlives one start of the app, as a file would. */
    final String database = "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void anUpgradedAppRebuildsAnIndexOfAnEarlierLayout() throws Exception {
        long services;
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(CounterspaceApplication.class)
            .run("--server.port=0", "--spring.datasource.url=" + database)) {
            services = first.getBean(DirectoryIndex.class).indexedCount();
        }
        // as many documents as services, so only the layout tells the index is out of date
        writeEarlierLayout(services);
        try (ConfigurableApplicationContext upgraded = startOnIndexFiles()) {
            assertRebuilt(upgraded);
        }
    }

    @Test
    void anEmptyDatabaseIsSeededBesideAnIndexOfAnEarlierLayout() throws Exception {
        writeEarlierLayout(1);
        try (ConfigurableApplicationContext app = startOnIndexFiles()) {
            assertRebuilt(app);
        }
    }

    private ConfigurableApplicationContext startOnIndexFiles() {
        return new SpringApplicationBuilder(CounterspaceApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.jpa.properties.hibernate.search.backend.directory.type=local-filesystem",
                "--spring.jpa.properties.hibernate.search.backend.directory.root=" + indexRoot);
    }

    /** Documents as an earlier version wrote them: "body" text, and "zone" without doc values. */
    private void writeEarlierLayout(long documents) throws Exception {
        try (FSDirectory files = FSDirectory.open(indexRoot.resolve("service"));
                IndexWriter writer = new IndexWriter(files, new IndexWriterConfig())) {
            for (long i = 0; i < documents; i++) {
                Document service = new Document();
                service.add(new TextField("body", "Listening support, day and night", Store.NO));
                service.add(new StringField(ServiceIndexBinder.ZONE, "Europe/London", Store.YES));
                writer.addDocument(service);
            }
        }
    }

    private void assertRebuilt(ConfigurableApplicationContext app) throws Exception {
        long services = app.getBean(JdbcTemplate.class).queryForObject("select count(*) from dir_service", Long.class);
        assertThat(services).isPositive();
        assertThat(app.getBean(DirectoryIndex.class).indexedCount()).isEqualTo(services);
        try (FSDirectory files = FSDirectory.open(indexRoot.resolve("service"));
                DirectoryReader reader = DirectoryReader.open(files)) {
            FieldInfos fields = FieldInfos.getMergedFieldInfos(reader);
            assertThat(fields.fieldInfo("body")).as("a retired field").isNull();
            assertThat(fields.fieldInfo(ServiceIndexBinder.LAYOUT)).isNotNull();
            assertThat(fields.fieldInfo(ServiceIndexBinder.ZONE).getDocValuesType()).isEqualTo(DocValuesType.SORTED_SET);
        }
        DirectorySearch.Results results = app.getBean(DirectorySearch.class)
            .search(SearchQuery.text("samaritans", Instant.parse("2026-11-25T12:00:00Z")));
        assertThat(results.hits()).extracting(ServiceCard::name).first().isEqualTo("Samaritans");
    }
}
