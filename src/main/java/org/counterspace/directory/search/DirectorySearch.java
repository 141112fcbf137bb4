package org.counterspace.directory.search;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;

import org.counterspace.directory.Cost;
import org.counterspace.directory.SupportService;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.spatial.DistanceUnit;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.ConcurrentLruCache;

/**
 * Keyword search with stemming, synonyms and typo tolerance over the directory's index (embedded Lucene,
 * or OpenSearch in the cluster profile), with filters, facet counts, "open now" in each service's own time
 * zone and distance from a place. The conditions
 * are built by {@link SearchConditions}, the facets by {@link SearchFacets}, the cards by {@link CardFields}.
 */
@Service
public class DirectorySearch {

    @PersistenceContext
    private EntityManager entityManager;

    private final EntityManagerFactory entityManagerFactory;

    private final DirectoryIndex index;

    private final TypedWords typedWords;

    /**
     * Pages of results already worked out, for the index as it was and the minute they were asked in
     * (what is open now is known to the minute). A write to the index changes its state, so a page of
     * the index before it is never given again; it is only left to age out.
     */
    private final ConcurrentLruCache<Asked, Results> answered;

    /** The search last kept: its minute and index state are those of every answer kept. */
    private volatile Asked lastAsked;

    /** A search as asked, to the minute, of the index in one {@link DirectoryIndex#state() state}. */
    private record Asked(SearchQuery query, Object indexState) {
    }

    private final SearchBackend backend;

    DirectorySearch(EntityManagerFactory entityManagerFactory, DirectoryIndex index, TypedWords typedWords,
            @Value("${counterspace.directory.search.answered-pages:2000}") int answeredPages) {
        this.entityManagerFactory = entityManagerFactory;
        this.index = index;
        this.typedWords = typedWords;
        this.backend = SearchBackend.of(Search.mapping(entityManagerFactory));
        this.answered = new ConcurrentLruCache<>(answeredPages, asked -> find(asked.query(), asked.indexState()));
    }

    public record Results(List<ServiceCard> hits, long total, Map<String, Map<String, Long>> facets, long freeCount,
            long costUnknownCount, long openNowCount) {
    }

    /**
     * One page of results with its facet counts, worked out once a minute at most for the same index of
     * this instance (each time on a shared index, which other instances write).
     */
    public Results search(SearchQuery query) {
        SearchQuery toTheMinute = query.at(query.now().truncatedTo(ChronoUnit.MINUTES));
        return index.state().map(state -> answered(new Asked(toTheMinute, state))).orElseGet(() -> find(toTheMinute, null));
    }

    /**
     * The answer kept for this search, worked out now if there is none. Answers of an earlier minute or
     * index state can never be given again, and a search may say where someone is: once a newer one is
     * asked, they are all dropped.
     */
    private Results answered(Asked asked) {
        Asked last = lastAsked;
        if (last == null || !last.indexState().equals(asked.indexState())
                || !last.query().now().equals(asked.query().now())) {
            lastAsked = asked;
            if (last != null) {
                answered.clear();
            }
        }
        return answered.get(asked);
    }

    /**
     * One page of results with its facet counts, of the index in {@code indexState} (null: not known). The
     * cards come from fields stored in the index, so no database connection is taken: a session without a
     * transaction only hosts the query. The total and the counts come from the backend where it keeps them
     * ({@link SearchBackend#counts}), else from aggregations and two more queries.
     */
    private Results find(SearchQuery query, Object indexState) {
        try (EntityManager own = entityManagerFactory.createEntityManager()) {
            SearchSession session = Search.session(own);
            var scope = session.scope(SupportService.class);
            SearchConditions conditions = new SearchConditions(query,
                    query.hasText() ? typedWords.query(session, query.text(), indexState) : null, index.timeZones(), backend);
            Optional<SearchFacets.PageCounts> kept = backend.counts(entityManagerFactory, conditions);
            var step = session.search(scope).select(card(scope.projection(), query))
                .where(conditions.predicate(scope.predicate(), query.openNow(), query.byCost()));
            int offset = (query.page() - 1) * query.perPage();
            if (kept.isEmpty()) {
                SearchFacets.terms(scope.aggregation()).forEach(step::aggregation);
                step.aggregation(SearchFacets.COST, SearchFacets.costs(scope.aggregation()));
            }
            else {
                // the kept counts hold the total: the collector need only see what could reach the page
                step.totalHitCountThreshold(offset + query.perPage());
            }
            switch (query.effectiveSort()) {
                case DISTANCE -> step.sort(
                        f -> f.distance(ServiceIndexBinder.POINT, SearchConditions.geo(query.near())));
                case NAME -> step.sort(f -> f.field(ServiceIndexBinder.SORT_NAME));
                case RELEVANCE -> step.sort(f -> f.score().then().field(ServiceIndexBinder.SORT_NAME));
            }
            SearchResult<ServiceCard> result = step.fetch(offset, query.perPage());
            SearchFacets.PageCounts counts = kept.orElseGet(() -> aggregated(session, conditions, result));
            return new Results(result.hits(), counts.total(), counts.byField(),
                    counts.costs().getOrDefault(Cost.FREE.code(), 0L),
                    counts.costs().getOrDefault(Cost.UNKNOWN.code(), 0L), counts.openNow());
        }
    }

    /** The total and counts from the page's query and aggregations, and from queries without the open-now or the cost filter. */
    private static SearchFacets.PageCounts aggregated(SearchSession session, SearchConditions conditions,
            SearchResult<ServiceCard> result) {
        SearchQuery query = conditions.query();
        var scope = session.scope(SupportService.class);
        long openNowCount = query.openNow() ? result.total().hitCount()
                : session.search(scope).where(conditions.predicate(scope.predicate(), true, query.byCost()))
                    .fetchTotalHitCount();
        // free and not known are either-or choices: each counts what the other filters leave
        Map<String, Long> costs = !query.byCost() ? result.aggregation(SearchFacets.COST)
                : session.search(scope).where(conditions.predicate(scope.predicate(), query.openNow(), false))
                    .aggregation(SearchFacets.COST, SearchFacets.costs(scope.aggregation())).fetch(0)
                    .aggregation(SearchFacets.COST);
        return new SearchFacets.PageCounts(result.total().hitCount(), SearchFacets.read(result), costs, openNowCount);
    }

    /** A result card from the stored fields; the distances only when searching near a place. */
    private static SearchProjection<ServiceCard> card(SearchProjectionFactory<?, ?> f, SearchQuery query) {
        var distances = query.near() == null ? f.constant(List.<Double>of())
                : f.distance(ServiceIndexBinder.POINT, SearchConditions.geo(query.near())).list()
                    .unit(DistanceUnit.KILOMETERS);
        return f.composite().from(f.composite().as(CardFields.class), distances)
            .as((fields, kilometres) -> fields.card(query.now(), kilometres))
            .toProjection();
    }

    /** Ids of the services (any status) best matching the words, for the API's {@code search}. */
    @Transactional(readOnly = true)
    public List<UUID> matchingIds(String text, int limit) {
        SearchSession session = Search.session(entityManager);
        var scope = session.scope(SupportService.class);
        var words = typedWords.query(session, QueryText.cut(text), null);
        return words == null ? List.of() : session.search(scope).select(f -> f.id(UUID.class))
            .where(f -> backend.words(f, words)).fetchHits(limit);
    }
}
