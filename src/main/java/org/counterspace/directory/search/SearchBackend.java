package org.counterspace.directory.search;

import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.types.dsl.LuceneIndexFieldTypeFactory;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;

/**
 * What the directory's search needs beyond Hibernate Search's common DSL, for the backend in use: the
 * embedded Lucene index (the default) or OpenSearch (the cluster profile). Both give the same results:
 * the words' query scores alike, and the weekly openings match the same minutes.
 */
interface SearchBackend {

    static SearchBackend of(SearchMapping mapping) {
        return mapping.backend() instanceof LuceneBackend ? LuceneSearchBackend.INSTANCE
                : ElasticsearchSearchBackend.INSTANCE;
    }

    static SearchBackend of(IndexFieldTypeFactory types) {
        return types instanceof LuceneIndexFieldTypeFactory ? LuceneSearchBackend.INSTANCE
                : ElasticsearchSearchBackend.INSTANCE;
    }

    /** Whether several instances share the index (OpenSearch) rather than one instance owning it (Lucene). */
    boolean shared();

    /**
     * What the index holds as this instance's searches see it now, changing with every write they can
     * see; empty when other instances write the index too, so this one cannot know.
     */
    Optional<Object> state(EntityManagerFactory entityManagerFactory);

    /** Writes a service's weekly openings, each an inclusive range of minutes of the week. */
    interface Openings {

        void add(DocumentElement document, int[] range);
    }

    /** Declares the multi-valued field of weekly openings. */
    Openings openings(IndexSchemaElement schema, IndexFieldTypeFactory types, String name);

    /** Documents with an opening in the field that contains the minute of the week. */
    PredicateFinalStep openAt(SearchPredicateFactory f, String field, int minute);

    /**
     * Whether the index holds documents written without the layout field (by an earlier version of the
     * fields), so it must be started anew. OpenSearch needs no such check: Hibernate Search compares its
     * mapping with the index's at start.
     */
    boolean olderLayout(EntityManagerFactory entityManagerFactory, String layoutField);

    /**
     * The search's words, ranking and filters: {@link SearchConditions#predicate(SearchPredicateFactory,
     * SearchPredicate)} with its {@link SearchConditions#fieldFilters}, or its equal.
     */
    SearchPredicate predicate(SearchPredicateFactory f, SearchConditions conditions, boolean openNow, boolean byCost);

    /**
     * The counts of the search's results page worked out by the backend itself, or empty where the page's
     * query is to aggregate them.
     */
    Optional<SearchFacets.PageCounts> counts(EntityManagerFactory entityManagerFactory, SearchConditions conditions);

    /** The words of a search ({@link TypedWords}). */
    PredicateFinalStep words(SearchPredicateFactory f, WordQuery query);
}
