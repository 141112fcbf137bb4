package org.counterspace.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntRange;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.counterspace.directory.WeeklyHours;
import org.junit.jupiter.api.Test;

/** The doc-values check for "open now" agrees with the point query it stands in for. */
class OpenAtQueryTests {

    @Test
    void matchesTheSameServicesAsTheRangeQuery() throws Exception {
        Random random = new Random(7);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int doc = 0; doc < 2000; doc++) {
                Document document = new Document();
                for (int opening = random.nextInt(6); opening > 0; opening--) {
                    int start = random.nextInt(WeeklyHours.WEEK);
                    int end = Math.min(WeeklyHours.WEEK - 1, start + random.nextInt(900));
                    document.add(new IntRange("openings", new int[] { start }, new int[] { end }));
                    document.add(new SortedNumericDocValuesField("openings", OpenAtQuery.pack(start, end)));
                }
                writer.addDocument(document);
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int minute : new int[] { 0, 1, 540, 541, 5000, WeeklyHours.WEEK - 1 }) {
                    int expected = searcher
                        .count(IntRange.newIntersectsQuery("openings", new int[] { minute }, new int[] { minute }));
                    assertThat(searcher.count(new OpenAtQuery("openings", minute))).isEqualTo(expected).isPositive();
                }
            }
        }
    }
}
