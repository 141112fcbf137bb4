package org.counterspace.directory.search;

import java.util.List;

/**
 * The query {@link TypedWords} builds from a search's words, apart from the backend that runs it:
 * {@link SearchBackend} turns it into a Lucene query or an Elasticsearch one that scores the same.
 */
sealed interface WordQuery {

    /** The words at consecutive positions in the field (one word: that term). */
    record Phrase(String field, List<String> words, float boost) implements WordQuery {
    }

    /** Any of these words, scored as one term (their frequencies blended). */
    record Blend(String field, List<String> words, float boost) implements WordQuery {
    }

    /** Terms within this many edits of the word, its first two letters fixed. */
    record NearMiss(String field, String word, int edits, float boost) implements WordQuery {
    }

    /** The sum of the clauses that match; at least {@code minimumMatch} of them must. */
    record Any(List<WordQuery> clauses, int minimumMatch) implements WordQuery {
    }

    /** The query's score plus a constant. */
    record Plus(WordQuery query, float constant) implements WordQuery {
    }
}
