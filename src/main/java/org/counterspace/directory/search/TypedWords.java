package org.counterspace.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.TermQuery;
import org.counterspace.directory.SupportService;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.scope.LuceneIndexScope;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.springframework.stereotype.Component;

/**
 * The words of a search, unstemmed, checked against the index. Their synonyms were indexed beside
 * them, so a typed word finds services written with any of its synonyms. A word found in at least
 * {@link #KNOWN_WORD_SERVICES} services is taken as typed on purpose and matched as it is; only other
 * words match fuzzily. Fuzzy matching every word built Levenshtein automata and scored thousands of
 * look-alike postings on each search, and matched words nobody typed (leeds ~ leads).
 */
@Component
class TypedWords {

    static final int MAX_PLAIN_WORDS = 8;

    /** A word in this many services (name or body) is a real word here, not a typo. */
    static final int KNOWN_WORD_SERVICES = 3;

    private static final float PLAIN_BOOST = 0.3f;

    /**
     * One-word entries of the synonym sets name the kind of help wanted, so they weigh this much more
     * than the other words typed (mostly places): "free counselling leeds" is about counselling first.
     */
    private static final float TOPIC_BOOST = 4f;

    private static final String[] PLAIN_FIELDS = { ServiceIndexBinder.NAME_PLAIN, ServiceIndexBinder.BODY_PLAIN };

    private final Analyzer plainAnalyzer;

    private final Set<String> topicWords = DirectoryAnalysis.topicWords();

    private final LuceneIndexScope indexScope;

    TypedWords(EntityManagerFactory entityManagerFactory) {
        SearchMapping mapping = Search.mapping(entityManagerFactory);
        this.plainAnalyzer = mapping.backend().unwrap(LuceneBackend.class).analyzer(DirectoryAnalysis.PLAIN_QUERY)
            .orElseThrow();
        this.indexScope = mapping.scope(SupportService.class).extension(LuceneExtension.get());
    }

    PlainWords plainWords(String text) {
        BooleanQuery.Builder known = new BooleanQuery.Builder();
        BooleanQuery.Builder fuzzy = new BooleanQuery.Builder();
        int knownCount = 0;
        int fuzzyCount = 0;
        int typed = 0;
        try (IndexReader reader = indexScope.openIndexReader();
                TokenStream tokens = plainAnalyzer.tokenStream(ServiceIndexBinder.BODY_PLAIN, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && ++typed <= MAX_PLAIN_WORDS) {
                String word = term.toString();
                boolean isKnown = known(reader, word);
                if (!isKnown && word.length() < 4) {
                    continue;
                }
                for (String field : PLAIN_FIELDS) {
                    if (isKnown) {
                        float weight = topicWords.contains(word) ? TOPIC_BOOST : 1f;
                        known.add(new BoostQuery(new TermQuery(new Term(field, word)), weight),
                                BooleanClause.Occur.SHOULD);
                    }
                    else {
                        fuzzy.add(nearMisses(field, word), BooleanClause.Occur.SHOULD);
                    }
                }
                knownCount += isKnown ? 1 : 0;
                fuzzyCount += isKnown ? 0 : 1;
            }
            tokens.end();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PlainWords(knownCount == 0 ? null : new BoostQuery(known.build(), PLAIN_BOOST),
                fuzzyCount == 0 ? null : new BoostQuery(fuzzy.build(), PLAIN_BOOST));
    }

    /** Two edits only for long words, and the first two letters fixed: fuzzy terms stay few. */
    private static FuzzyQuery nearMisses(String field, String word) {
        return new FuzzyQuery(new Term(field, word), word.length() >= 7 ? 2 : 1, 2);
    }

    private static boolean known(IndexReader reader, String word) throws IOException {
        return reader.docFreq(new Term(ServiceIndexBinder.BODY_PLAIN, word))
                + reader.docFreq(new Term(ServiceIndexBinder.NAME_PLAIN, word)) >= KNOWN_WORD_SERVICES;
    }
}
