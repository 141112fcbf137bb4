package org.counterspace.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Near-miss queries keep their rewrite only while the index's segments are the same. */
class NearMissesTests {

    @Test
    void aKeptRewriteFindsWhatAFuzzyQueryFindsWithTheSameScores() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            add(writer, "a", "free counselling for students");
            add(writer, "b", "counseling and council tax advice");
            add(writer, "c", "cooking club");
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query kept = NearMisses.of("text", "conselling", 2);
                Query plain = new FuzzyQuery(new Term("text", "conselling"), 2, 2);
                assertThat(scores(searcher, kept)).isEqualTo(scores(searcher, plain)).hasSize(2);
                assertThat(kept.rewrite(searcher)).isSameAs(kept.rewrite(new IndexSearcher(reader)));
            }
        }
    }

    @Test
    void aWordAddedToTheIndexIsFoundByTheSameTypoAfterwards() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            add(writer, "a", "samaritans listening line");
            writer.commit();
            Query typo = NearMisses.of("text", "samaritns", 2);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(ids(new IndexSearcher(reader), typo)).containsExactly("a");
            }
            add(writer, "b", "samaritan housing");
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(ids(new IndexSearcher(reader), typo)).containsExactlyInAnyOrder("a", "b");
            }
            writer.deleteDocuments(new Term("id", "a"));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(ids(new IndexSearcher(reader), typo)).containsExactly("b");
            }
        }
    }

    private static void add(IndexWriter writer, String id, String text) throws IOException {
        Document document = new Document();
        document.add(new StringField("id", id, Field.Store.YES));
        document.add(new TextField("text", text, Field.Store.NO));
        writer.addDocument(document);
    }

    private static List<String> scores(IndexSearcher searcher, Query query) throws IOException {
        return Arrays.stream(searcher.search(query, 10).scoreDocs).map(hit -> hit.doc + ":" + hit.score).toList();
    }

    private static String[] ids(IndexSearcher searcher, Query query) throws IOException {
        ScoreDoc[] hits = searcher.search(query, 10).scoreDocs;
        String[] ids = new String[hits.length];
        for (int i = 0; i < hits.length; i++) {
            ids[i] = searcher.storedFields().document(hits[i].doc).get("id");
        }
        return ids;
    }
}
