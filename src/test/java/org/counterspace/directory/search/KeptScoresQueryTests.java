package org.counterspace.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Kept matches and scores are those of the query they stand for, in every way Lucene reads them (alone,
 * narrowed by a filter, as one of several clauses), and a write to the index is never answered from
 * what was kept before it.
 */
class KeptScoresQueryTests {

    private static final List<String> WORDS = List.of("counselling", "food", "housing", "youth", "crisis", "peer",
            "support", "group", "night", "listening");

    private final Random random = new Random(11);

    @Test
    void keptScoresAreTheQuerysOwnAloneFilteredAndCombined() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory,
                        new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            addServices(writer, 3000);
            writer.commit();
            addServices(writer, 500); // a second segment
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                assertSameAsPlain(new IndexSearcher(reader));
            }
            // deletions alone (no merges here): the same segments, fewer services
            writer.deleteDocuments(new Term("kind", "b"));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.numDeletedDocs()).isPositive();
                assertSameAsPlain(new IndexSearcher(reader));
            }
            // a new segment: new statistics, so new scores
            addServices(writer, 400);
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertSameAsPlain(new IndexSearcher(reader));
            }
        }
    }

    private void assertSameAsPlain(IndexSearcher searcher) throws IOException {
        Query unit = unit("support", "group");
        Query kept = new KeptScoresQuery(unit);
        assertSameHits(searcher, unit, kept);
        // narrowed by a filter: the kept matches are advanced to the filter's documents
        assertSameHits(searcher, filtered(unit), filtered(kept));
        // one unit among several, as a search of several words has them
        Query other = unit("crisis", "night");
        assertSameHits(searcher, anyOf(2, unit, other), anyOf(2, kept, new KeptScoresQuery(other)));
        assertSameHits(searcher, anyOf(1, unit, other), anyOf(1, kept, new KeptScoresQuery(other)));
        // the same unit three times, as "food food food" asks: Lucene merges them into one clause boosted by 3
        assertSameHits(searcher, anyOf(1, unit, unit, unit), anyOf(1, kept, kept, kept));
        assertSameHits(searcher, new BoostQuery(unit, 0.7f), new BoostQuery(kept, 0.7f));
        assertThat(searcher.count(kept)).isEqualTo(searcher.count(unit)).isPositive();
        ScoreDoc first = searcher.search(kept, 1).scoreDocs[0];
        assertThat(searcher.explain(kept, first.doc).getValue().floatValue()).isEqualTo(first.score);
    }

    private static void assertSameHits(IndexSearcher searcher, Query plain, Query kept) throws IOException {
        ScoreDoc[] expected = searcher.search(plain, 5000).scoreDocs;
        ScoreDoc[] actual = searcher.search(kept, 5000).scoreDocs;
        assertThat(expected).isNotEmpty();
        assertThat(Arrays.stream(actual).map(hit -> hit.doc + ":" + hit.score).toList())
            .isEqualTo(Arrays.stream(expected).map(hit -> hit.doc + ":" + hit.score).toList());
    }

    /**
     * A word in two fields, and a phrase, scored as one plus a constant for being matched: the shape of a
     * unit of words ({@link TypedWords}), small. A unit is a function of its clauses' score, so Lucene never
     * merges its clauses with another unit's.
     */
    private static Query unit(String word, String next) {
        return new FunctionScoreQuery(new BooleanQuery.Builder().add(new TermQuery(new Term("name", word)), Occur.SHOULD)
            .add(new TermQuery(new Term("description", word)), Occur.SHOULD)
            .add(new PhraseQuery("description", word, next), Occur.SHOULD)
            .build(), new LuceneSearchBackend.PlusScore(TypedWords.COVERAGE));
    }

    private static Query filtered(Query query) {
        return new BooleanQuery.Builder().add(query, Occur.MUST).add(new TermQuery(new Term("kind", "a")), Occur.FILTER)
            .build();
    }

    private static Query anyOf(int minimum, Query... units) {
        BooleanQuery.Builder any = new BooleanQuery.Builder().setMinimumNumberShouldMatch(minimum);
        Arrays.stream(units).forEach(unit -> any.add(unit, Occur.SHOULD));
        return any.build();
    }

    private void addServices(IndexWriter writer, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Document service = new Document();
            service.add(new TextField("name", words(3), Field.Store.NO));
            service.add(new TextField("description", words(5 + random.nextInt(20)), Field.Store.NO));
            service.add(new StringField("kind", random.nextInt(3) == 0 ? "b" : "a", Field.Store.NO));
            writer.addDocument(service);
        }
    }

    private String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
        }
        return text.toString();
    }
}
