package org.counterspace.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * English analysis for the directory, defined once ({@link Filter}) and given to either backend: the
 * embedded Lucene index ({@link Lucene}) or OpenSearch ({@link Elasticsearch}), and run here to read a
 * search's words ({@link #analyzer}). The same chain for indexing and searching, in two forms. The
 * plain one keeps whole words (lower case, accents folded, possessives and stop words dropped), for the
 * words exactly as typed and for typo tolerance; the stemmed one adds a light stemmer that only folds
 * plurals ("shelters" finds "shelter"), so "housing" stays apart from "House". Synonyms are not indexed:
 * {@link TypedWords} adds them to a search, one way and with less weight ({@link Synonyms}). The
 * configurers are public because Hibernate Search instantiates them by reflection (application.properties).
 */
public final class DirectoryAnalysis {

    static final String STEMMED = "directory_stemmed";

    static final String PLAIN = "directory_plain";

    static final String SORT = "directory_sort";

    /**
     * Search-time only: words separated by spaces, all at one position, so a match query on them is
     * one blended term (Lucene's SynonymQuery) as {@link TypedWords} gives the one-word synonyms.
     */
    static final String BLEND = "directory_blend";

    /** A token filter in its Lucene form and its Elasticsearch form (a built-in, or one defined by its type and language). */
    private enum Filter {

        LOWERCASE(LowerCaseFilterFactory.class, "lowercase", null),
        ASCII_FOLDING(ASCIIFoldingFilterFactory.class, "asciifolding", null),
        POSSESSIVE(EnglishPossessiveFilterFactory.class, "directory_possessive", "possessive_english"),
        /** Lucene's and Elasticsearch's default stop words are both Lucene's English set. */
        STOP(StopFilterFactory.class, "stop", null),
        PLURALS(EnglishMinimalStemFilterFactory.class, "directory_plurals", "minimal_english");

        final Class<? extends TokenFilterFactory> lucene;

        final String elasticName;

        /** The language of an Elasticsearch stemmer filter; null for a built-in filter. */
        final String stemmerLanguage;

        Filter(Class<? extends TokenFilterFactory> lucene, String elasticName, String stemmerLanguage) {
            this.lucene = lucene;
            this.elasticName = elasticName;
            this.stemmerLanguage = stemmerLanguage;
        }
    }

    private static final String SPLIT_SPACES = "directory_split_spaces";

    private static final List<Filter> WORDS = List.of(Filter.LOWERCASE, Filter.ASCII_FOLDING, Filter.POSSESSIVE,
            Filter.STOP);

    private static final List<Filter> STEMMED_WORDS = List.of(Filter.LOWERCASE, Filter.ASCII_FOLDING,
            Filter.POSSESSIVE, Filter.STOP, Filter.PLURALS);

    private static final List<Filter> SORT_FILTERS = List.of(Filter.LOWERCASE, Filter.ASCII_FOLDING);

    private DirectoryAnalysis() {
    }

    /** The named analyzer (plain or stemmed) built here, exactly as either backend builds it. */
    static Analyzer analyzer(String name) {
        try {
            CustomAnalyzer.Builder builder = CustomAnalyzer.builder().withTokenizer(StandardTokenizerFactory.class);
            for (Filter filter : STEMMED.equals(name) ? STEMMED_WORDS : WORDS) {
                builder.addTokenFilter(filter.lucene);
            }
            return builder.build();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory's analysis for the embedded Lucene index. */
    public static class Lucene implements LuceneAnalysisConfigurer {

        @Override
        public void configure(LuceneAnalysisConfigurationContext context) {
            analyzer(context, PLAIN, WORDS);
            analyzer(context, STEMMED, STEMMED_WORDS);
            var sort = context.normalizer(SORT).custom();
            SORT_FILTERS.forEach(filter -> sort.tokenFilter(filter.lucene));
        }

        private static void analyzer(LuceneAnalysisConfigurationContext context, String name, List<Filter> filters) {
            var analyzer = context.analyzer(name).custom().tokenizer(StandardTokenizerFactory.class);
            filters.forEach(filter -> analyzer.tokenFilter(filter.lucene));
        }
    }

    /** The same analysis for OpenSearch (the cluster profile), with the blend analyzer its queries use. */
    public static class Elasticsearch implements ElasticsearchAnalysisConfigurer {

        @Override
        public void configure(ElasticsearchAnalysisConfigurationContext context) {
            for (Filter filter : Filter.values()) {
                if (filter.stemmerLanguage != null) {
                    context.tokenFilter(filter.elasticName).type("stemmer").param("language", filter.stemmerLanguage);
                }
            }
            context.analyzer(PLAIN).custom().tokenizer("standard").tokenFilters(names(WORDS));
            context.analyzer(STEMMED).custom().tokenizer("standard").tokenFilters(names(STEMMED_WORDS));
            context.normalizer(SORT).custom().tokenFilters(names(SORT_FILTERS));
            // each word a capture of the one keyword token, so all at its position
            context.tokenFilter(SPLIT_SPACES).type("pattern_capture").param("patterns", new String[] { "([^ ]+)" })
                .param("preserve_original", false);
            context.analyzer(BLEND).custom().tokenizer("keyword").tokenFilters(SPLIT_SPACES);
        }

        private static String[] names(List<Filter> filters) {
            return filters.stream().map(filter -> filter.elasticName).toArray(String[]::new);
        }
    }
}
