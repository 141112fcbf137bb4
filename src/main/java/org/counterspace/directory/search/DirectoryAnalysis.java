package org.counterspace.directory.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.core.FlattenGraphFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.synonym.SynonymGraphFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.springframework.core.io.ClassPathResource;

/**
 * English analysis for the directory. Synonyms (therapy ~ counselling ~ counseling, DV ~ domestic
 * abuse, ...) are expanded when a service is indexed, so the query side only stems: a query in any
 * of the words finds services written with any other. The plain analyzer keeps whole words (no
 * stemming) for typo-tolerant fuzzy matching; its query side, like the stemmed one, leaves the
 * synonyms to the index (expanding them again would add a clause per synonym to every search). Public
 * because Hibernate Search instantiates it by reflection (see application.properties).
 */
public class DirectoryAnalysis implements LuceneAnalysisConfigurer {

    static final String INDEX = "directory_index";

    static final String QUERY = "directory_query";

    static final String PLAIN = "directory_plain";

    static final String PLAIN_QUERY = "directory_plain_query";

    static final String SORT = "directory_sort";

    static final String SYNONYMS = "directory/synonyms.txt";

    /**
     * The one-word entries of the synonym sets, lower case: the kinds of help people search for
     * (counselling, dv, crisis), as opposed to places. The words of phrases are left out, as many are
     * everyday words ("support" in "peer support", "line" in "phone line").
     */
    static Set<String> topicWords() {
        try (InputStream in = new ClassPathResource(SYNONYMS).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .flatMap(line -> Arrays.stream(line.toLowerCase(Locale.ROOT).split(",")))
                .map(String::strip)
                .filter(entry -> entry.matches("\\p{L}+"))
                .collect(Collectors.toUnmodifiableSet());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(INDEX).custom()
            .tokenizer(StandardTokenizerFactory.class)
            .tokenFilter(LowerCaseFilterFactory.class)
            .tokenFilter(ASCIIFoldingFilterFactory.class)
            .tokenFilter(SynonymGraphFilterFactory.class)
            .param("synonyms", SYNONYMS)
            .param("expand", "true")
            .param("ignoreCase", "true")
            .tokenFilter(FlattenGraphFilterFactory.class)
            .tokenFilter(EnglishPossessiveFilterFactory.class)
            .tokenFilter(StopFilterFactory.class)
            .tokenFilter(PorterStemFilterFactory.class);
        context.analyzer(QUERY).custom()
            .tokenizer(StandardTokenizerFactory.class)
            .tokenFilter(LowerCaseFilterFactory.class)
            .tokenFilter(ASCIIFoldingFilterFactory.class)
            .tokenFilter(EnglishPossessiveFilterFactory.class)
            .tokenFilter(StopFilterFactory.class)
            .tokenFilter(PorterStemFilterFactory.class);
        context.analyzer(PLAIN).custom()
            .tokenizer(StandardTokenizerFactory.class)
            .tokenFilter(LowerCaseFilterFactory.class)
            .tokenFilter(ASCIIFoldingFilterFactory.class)
            .tokenFilter(SynonymGraphFilterFactory.class)
            .param("synonyms", SYNONYMS)
            .param("expand", "true")
            .param("ignoreCase", "true")
            .tokenFilter(FlattenGraphFilterFactory.class)
            .tokenFilter(StopFilterFactory.class);
        context.analyzer(PLAIN_QUERY).custom()
            .tokenizer(StandardTokenizerFactory.class)
            .tokenFilter(LowerCaseFilterFactory.class)
            .tokenFilter(ASCIIFoldingFilterFactory.class)
            .tokenFilter(StopFilterFactory.class);
        context.normalizer(SORT).custom()
            .tokenFilter(LowerCaseFilterFactory.class)
            .tokenFilter(ASCIIFoldingFilterFactory.class);
    }
}
