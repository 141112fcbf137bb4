package org.counterspace.directory.search;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneAnalysisComponentParametersStep;

/**
 * English analysis for the directory: the same chain for indexing and searching, in two forms. The
 * plain one keeps whole words (lower case, accents folded, possessives and stop words dropped), for the
 * words exactly as typed and for typo tolerance; the stemmed one adds a light stemmer that only folds
 * plurals ("shelters" finds "shelter"), so "housing" stays apart from "House". Synonyms are not indexed:
 * {@link TypedWords} adds them to a search, one way and with less weight ({@link Synonyms}). Public
 * because Hibernate Search instantiates it by reflection (see application.properties).
 */
public class DirectoryAnalysis implements LuceneAnalysisConfigurer {

    static final String STEMMED = "directory_stemmed";

    static final String PLAIN = "directory_plain";

    static final String SORT = "directory_sort";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        words(context, PLAIN);
        words(context, STEMMED).tokenFilter(EnglishMinimalStemFilterFactory.class);
        context.normalizer(SORT).custom()
            .tokenFilter(LowerCaseFilterFactory.class)
            .tokenFilter(ASCIIFoldingFilterFactory.class);
    }

    /** The chain both analyzers share. */
    private static LuceneAnalysisComponentParametersStep words(LuceneAnalysisConfigurationContext context,
            String name) {
        return context.analyzer(name).custom()
            .tokenizer(StandardTokenizerFactory.class)
            .tokenFilter(LowerCaseFilterFactory.class)
            .tokenFilter(ASCIIFoldingFilterFactory.class)
            .tokenFilter(EnglishPossessiveFilterFactory.class)
            .tokenFilter(StopFilterFactory.class);
    }
}
