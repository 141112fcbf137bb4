package org.counterspace.directory;

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

/**
 * English analysis for the directory. Synonyms (therapy ~ counselling ~ counseling, DV ~ domestic
 * abuse, ...) are expanded when a service is indexed, so the query side only stems: a query in any
 * of the words finds services written with any other. The plain analyzer keeps whole words (no
 * stemming) for typo-tolerant fuzzy matching.
 */
public class DirectoryAnalysis implements LuceneAnalysisConfigurer {

    static final String INDEX = "directory_index";

    static final String QUERY = "directory_query";

    static final String PLAIN = "directory_plain";

    static final String SORT = "directory_sort";

    static final String SYNONYMS = "directory/synonyms.txt";

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
        context.normalizer(SORT).custom()
            .tokenFilter(LowerCaseFilterFactory.class)
            .tokenFilter(ASCIIFoldingFilterFactory.class);
    }
}
