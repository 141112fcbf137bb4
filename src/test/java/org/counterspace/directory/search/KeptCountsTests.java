package org.counterspace.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;

import org.counterspace.directory.AgeGroup;
import org.counterspace.directory.Channel;
import org.counterspace.directory.Cost;
import org.counterspace.directory.SupportService;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kept ranking finds the same hits, with the same scores and in the same order, as the words,
 * boosts and filters asked of each field; a page of the search (whose collector sees only what could
 * reach it) holds the same services as that page of those hits, and its total is theirs; and the
 * counts worked out from the embedded index's kept bitsets are those Hibernate Search counts for the
 * same conditions: every facet value, free and not known (without the cost filter), open now (without
 * that filter), in the order a terms aggregation gives; over the seeded directory, for words, typos,
 * stop words alone and no words, with every kind of filter, by day and by night.
 */
@SpringBootTest
class KeptCountsTests {

    private static final Instant WEDNESDAY_NOON_LONDON = DirectorySearchTests.WEDNESDAY_NOON_LONDON;

    private static final Instant SUNDAY_3AM_LONDON = Instant.parse("2026-11-29T03:00:00Z");

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    TypedWords typedWords;

    @Autowired
    DirectoryIndex index;

    @Autowired
    DirectorySearch search;

    @Autowired
    PlatformTransactionManager transactions;

    @PersistenceContext
    EntityManager entityManager;

    static Stream<SearchQuery> searches() {
        List<SearchQuery> searches = new ArrayList<>();
        for (String text : new String[] { null, "counselling", "support leeds", "samaritns", "the", "dv bristol",
                "food bank crisis night", "counselling food night leeds", "xylophone" }) {
            for (Instant now : new Instant[] { WEDNESDAY_NOON_LONDON, SUNDAY_3AM_LONDON }) {
                searches.add(query(text, Set.of(), Set.of(), false, false, Set.of(), null, null, false, now, null));
                searches.add(query(text, Set.of(), Set.of(), false, false, Set.of(), null, null, true, now, "GB"));
                searches.add(query(text, Set.of(), Set.of(Channel.PHONE), true, false, Set.of(), null, "GB", false, now,
                        "US"));
                searches.add(query(text, Set.of("crisis"), Set.of(), true, true, Set.of(), AgeGroup.YOUNG_PEOPLE,
                        null, true, now, null));
                searches.add(query(text, Set.of(), Set.of(), false, true, Set.of("en"), AgeGroup.ADULTS, null, false,
                        now, "GB"));
            }
        }
        return searches.stream();
    }

    private static SearchQuery query(String text, Set<String> categories, Set<Channel> channels, boolean free,
            boolean costUnknown, Set<String> languages, AgeGroup age, String country, boolean openNow, Instant now,
            String region) {
        return new SearchQuery(text, categories, channels, free, costUnknown, languages, age, country, openNow, null,
                25, SearchQuery.SortOrder.RELEVANCE, 1, 10, now, region);
    }

    @ParameterizedTest
    @MethodSource("searches")
    void keptCountsAreThoseOfTheSameConditionsAskedOfTheIndex(SearchQuery query) {
        if (index.shared()) {
            return; // OpenSearch aggregates them with the page's query
        }
        assertKeptAsAsked(query);
    }

    /**
     * A curator's retirement is a deletion and a new segment: nothing kept for the index before it is
     * read after it, and the counts and hits are again those asked of the index as it is.
     */
    @Test
    void afterARetirementTheKeptCountsAreOfTheIndexAsItIsNow() {
        if (index.shared()) {
            return;
        }
        SearchQuery counselling = query("counselling", Set.of(), Set.of(), false, false, Set.of(), null, null, false,
                WEDNESDAY_NOON_LONDON, "GB");
        assertKeptAsAsked(counselling);
        DirectorySearch.Results before = search.search(counselling);
        UUID first = before.hits().get(0).id();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> changeStatus(first, SupportService::retire));
        try {
            DirectorySearch.Results after = search.search(counselling);
            assertThat(after.total()).isEqualTo(before.total() - 1);
            assertThat(after.hits()).extracting(ServiceCard::id).doesNotContain(first);
            searches().limit(20).forEach(this::assertKeptAsAsked);
        }
        finally {
            tx.executeWithoutResult(status -> changeStatus(first, SupportService::reactivate));
        }
        assertThat(search.search(counselling).total()).isEqualTo(before.total());
        assertKeptAsAsked(counselling);
    }

    private void changeStatus(UUID id, Consumer<SupportService> change) {
        SupportService service = entityManager.find(SupportService.class, id);
        change.accept(service);
        index.changed(service);
    }

    private void assertKeptAsAsked(SearchQuery query) {
        try (EntityManager own = entityManagerFactory.createEntityManager()) {
            SearchSession session = Search.session(own);
            SearchConditions conditions = new SearchConditions(query,
                    query.hasText() ? typedWords.query(session, query.text(), null) : null, index.timeZones(),
                    SearchBackend.of(Search.mapping(entityManagerFactory)));
            SearchFacets.PageCounts kept = conditions.backend().counts(entityManagerFactory, conditions).orElseThrow();
            var scope = session.scope(SupportService.class);
            // Hibernate Search's own: the filters asked of each field, the counts aggregated
            SearchPredicate results = byFields(scope.predicate(), conditions, query.openNow(), query.byCost());
            assertThat(hits(session, conditions.predicate(scope.predicate(), query.openNow(), query.byCost())))
                .as("the page's hits, scores and total, kept").isEqualTo(hits(session, results));
            assertThat(kept.total()).as("total").isEqualTo(session.search(scope).where(results).fetchTotalHitCount());
            for (int page = 1; page <= 3; page++) {
                SearchQuery onPage = onPage(query, page);
                assertThat(search.search(onPage).hits()).as("page " + page).extracting(ServiceCard::id)
                    .isEqualTo(session.search(scope).select(f -> f.id(UUID.class)).where(results)
                        .sort(f -> f.score().then().field(ServiceIndexBinder.SORT_NAME))
                        .fetchHits((page - 1) * onPage.perPage(), onPage.perPage()));
            }
            var aggregated = session.search(scope).where(results);
            SearchFacets.terms(scope.aggregation()).forEach(aggregated::aggregation);
            var page = aggregated.fetch(0);
            Map<String, Map<String, Long>> facets = SearchFacets.read(page);
            assertThat(kept.byField()).isEqualTo(facets);
            for (String field : SearchFacets.FIELDS) {
                assertThat(List.copyOf(kept.byField().get(field).keySet())).as(field + " in order")
                    .isEqualTo(List.copyOf(facets.get(field).keySet()));
                Set<String> values = new LinkedHashSet<>(kept.byField().get(field).keySet());
                values.add("xx");
                for (String value : values) {
                    long counted = count(session, results, field, value);
                    assertThat(kept.byField().get(field).getOrDefault(value, 0L)).as(field + "=" + value)
                        .isEqualTo(counted);
                }
            }
            SearchPredicate anyCost = byFields(scope.predicate(), conditions, query.openNow(), false);
            for (Cost cost : Cost.values()) {
                assertThat(kept.costs().getOrDefault(cost.code(), 0L)).as(cost.code())
                    .isEqualTo(count(session, anyCost, ServiceIndexBinder.COST, cost.code()));
            }
            assertThat(kept.openNow()).isEqualTo(session.search(scope)
                .where(byFields(scope.predicate(), conditions, true, query.byCost())).fetchTotalHitCount());
        }
    }

    private static SearchQuery onPage(SearchQuery query, int page) {
        return new SearchQuery(query.text(), query.categories(), query.channels(), query.freeOnly(),
                query.costUnknown(), query.languages(), query.age(), query.country(), query.openNow(), query.near(),
                query.radiusKm(), query.sort(), page, query.perPage(), query.now(), query.region());
    }

    private static SearchPredicate byFields(SearchPredicateFactory f, SearchConditions conditions, boolean openNow,
            boolean byCost) {
        return conditions.predicate(f, conditions.fieldFilters(f, openNow, byCost));
    }

    /** The first hundred hits, best first as the page orders them, with their scores, and how many there are. */
    private static List<Object> hits(SearchSession session, SearchPredicate predicate) {
        var result = session.search(SupportService.class).select(f -> f.composite(f.id(), f.score()))
            .where(predicate).sort(f -> f.score().then().field(ServiceIndexBinder.SORT_NAME)).fetch(100);
        return List.of(result.total().hitCount(), result.hits());
    }

    private static long count(SearchSession session, SearchPredicate conditions, String field, String value) {
        return session.search(SupportService.class)
            .where(f -> f.and(conditions, f.match().field(field).matching(value).toPredicate()))
            .fetchTotalHitCount();
    }
}
