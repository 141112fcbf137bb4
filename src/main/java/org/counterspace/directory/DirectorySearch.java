package org.counterspace.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.scope.LuceneIndexScope;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.spatial.DistanceUnit;
import org.hibernate.search.engine.spatial.GeoPoint;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keyword search with stemming, synonyms and typo tolerance over the Lucene index, with filters,
 * facet counts, "open now" in each service's own time zone and distance from a place.
 */
@Service
class DirectorySearch {

    /** Longer queries are cut here: no one types more, and each word costs clauses on the plain fields. */
    static final int MAX_QUERY_CHARS = 200;

    static final int MAX_PLAIN_WORDS = 8;

    private static final float PLAIN_BOOST = 0.3f;

    /**
     * One-word entries of the synonym sets name the kind of help wanted, so they weigh this much more
     * than the other words typed (mostly places): "free counselling leeds" is about counselling first.
     */
    private static final float TOPIC_BOOST = 4f;

    /** A word in this many services (name or body) is a real word here, not a typo. */
    static final int KNOWN_WORD_SERVICES = 3;

    static final List<String> FACETS = List.of(ServiceIndexBinder.CATEGORY, ServiceIndexBinder.CHANNEL,
            ServiceIndexBinder.LANGUAGE, ServiceIndexBinder.AGE, ServiceIndexBinder.COUNTRY);

    private static final AggregationKey<Map<Boolean, Long>> FREE_FACET = AggregationKey.of("free");

    @PersistenceContext
    private EntityManager entityManager;

    private final Analyzer plainAnalyzer;

    private final Set<String> topicWords = DirectoryAnalysis.topicWords();

    private final LuceneIndexScope indexScope;

    private final DirectoryIndex index;

    private final EntityManagerFactory entityManagerFactory;

    DirectorySearch(EntityManagerFactory entityManagerFactory, DirectoryIndex index) {
        this.entityManagerFactory = entityManagerFactory;
        SearchMapping mapping = Search.mapping(entityManagerFactory);
        this.plainAnalyzer = mapping.backend().unwrap(LuceneBackend.class).analyzer(DirectoryAnalysis.PLAIN_QUERY)
            .orElseThrow();
        this.indexScope = mapping.scope(SupportService.class).extension(LuceneExtension.get());
        this.index = index;
    }

    record Results(List<ServiceCard> hits, long total, Map<String, Map<String, Long>> facets, long freeCount,
            long openNowCount) {
    }

    /**
     * One page of results with its facet counts. The cards come from fields stored in the index, so
     * no database connection is taken: a session without a transaction only hosts the query.
     */
    Results search(SearchQuery query) {
        try (EntityManager own = entityManagerFactory.createEntityManager()) {
            SearchSession session = Search.session(own);
            List<String> zones = index.timeZones();
            PlainWords plain = query.hasText() ? plainWords(query.text()) : PlainWords.NONE;
            Map<String, AggregationKey<Map<String, Long>>> facetKeys = new LinkedHashMap<>();
            FACETS.forEach(field -> facetKeys.put(field, AggregationKey.of(field)));
            var scope = session.scope(SupportService.class);
            var step = session.search(scope).select(card(scope.projection(), query))
                .where(predicate(scope.predicate(), query, plain, zones, query.openNow()));
            facetKeys.forEach((field, key) -> step.aggregation(key,
                    f -> f.terms().field(field, String.class).maxTermCount(50)));
            step.aggregation(FREE_FACET, f -> f.terms().field(ServiceIndexBinder.FREE, Boolean.class));
            switch (query.effectiveSort()) {
                case DISTANCE -> step.sort(f -> f.distance(ServiceIndexBinder.POINT, geo(query.near())));
                case NAME -> step.sort(f -> f.field(ServiceIndexBinder.SORT_NAME));
                case RELEVANCE -> step.sort(f -> f.score().then().field(ServiceIndexBinder.SORT_NAME));
            }
            SearchResult<ServiceCard> result = step.fetch((query.page() - 1) * query.perPage(), query.perPage());
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            facetKeys.forEach((field, key) -> facets.put(field, result.aggregation(key)));
            long freeCount = result.aggregation(FREE_FACET).getOrDefault(Boolean.TRUE, 0L);
            long openNowCount = query.openNow() ? result.total().hitCount()
                    : session.search(scope).where(predicate(scope.predicate(), query, plain, zones, true))
                        .fetchTotalHitCount();
            return new Results(result.hits(), result.total().hitCount(), facets, freeCount, openNowCount);
        }
    }

    /** A result card from the stored fields; the distance only when searching near a place. */
    private static SearchProjection<ServiceCard> card(SearchProjectionFactory<?, ?> f, SearchQuery query) {
        var distance = query.near() == null ? f.constant(List.<Double>of())
                : f.distance(ServiceIndexBinder.POINT, geo(query.near())).list().unit(DistanceUnit.KILOMETERS);
        return f.composite()
            .from(f.id(UUID.class), f.field(ServiceIndexBinder.NAME, String.class),
                    f.field(ServiceIndexBinder.SUMMARY, String.class),
                    f.field(ServiceIndexBinder.TERM_NAMES, String.class).list(),
                    f.field(ServiceIndexBinder.FREE, Boolean.class),
                    f.field(ServiceIndexBinder.NATIONAL, Boolean.class),
                    f.field(ServiceIndexBinder.DEMO, Boolean.class), f.field(ServiceIndexBinder.HOURS, String.class),
                    f.field(ServiceIndexBinder.ZONE, String.class), f.field(ServiceIndexBinder.PHONE, String.class),
                    distance, f.field(ServiceIndexBinder.TOWNS, String.class).list())
            .asList(values -> {
                String hours = (String) values.get(7);
                boolean hoursKnown = hours != null && !hours.isEmpty();
                int minute = WeeklyHours.minuteOfWeek(query.now(), ZoneId.of((String) values.get(8)));
                @SuppressWarnings("unchecked")
                List<Double> distances = (List<Double>) values.get(10);
                @SuppressWarnings("unchecked")
                List<String> categories = (List<String>) values.get(3);
                @SuppressWarnings("unchecked")
                List<String> towns = (List<String>) values.get(11);
                return new ServiceCard((UUID) values.get(0), (String) values.get(1), (String) values.get(2),
                        categories, towns, (Boolean) values.get(4), (Boolean) values.get(5), (Boolean) values.get(6),
                        hoursKnown, hoursKnown && WeeklyHours.rangesContain(hours, minute), (String) values.get(9),
                        distances.stream().min(Double::compare).orElse(null));
            })
            .toProjection();
    }

    /** Ids of the services (any status) best matching the words, for the API's {@code search}. */
    @Transactional(readOnly = true)
    List<UUID> matchingIds(String text, int limit) {
        SearchSession session = Search.session(entityManager);
        var scope = session.scope(SupportService.class);
        String words = text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
        return session.search(scope).select(f -> f.id(UUID.class))
            .where(text(scope.predicate(), words, plainWords(words))).fetchHits(limit);
    }

    private SearchPredicate predicate(SearchPredicateFactory f, SearchQuery query, PlainWords plain, List<String> zones,
            boolean openNow) {
        var bool = f.bool();
        bool.filter(f.match().field(ServiceIndexBinder.STATUS).matching(SupportService.ACTIVE));
        if (query.hasText()) {
            bool.must(text(f, query.text(), plain));
        }
        query.categories().forEach(code -> bool.filter(f.match().field(ServiceIndexBinder.CATEGORY).matching(code)));
        query.channels().forEach(
                channel -> bool.filter(f.match().field(ServiceIndexBinder.CHANNEL).matching(channel.code())));
        query.languages().forEach(code -> bool.filter(f.match().field(ServiceIndexBinder.LANGUAGE).matching(code)));
        if (query.freeOnly()) {
            bool.filter(f.match().field(ServiceIndexBinder.FREE).matching(true));
        }
        if (query.age() != null) {
            bool.filter(f.or(f.match().field(ServiceIndexBinder.AGE).matching(query.age().code()),
                    f.match().field(ServiceIndexBinder.AGE).matching(AgeGroup.ALL.code())));
        }
        if (query.country() != null) {
            bool.filter(f.match().field(ServiceIndexBinder.COUNTRY).matching(query.country()));
        }
        if (openNow) {
            bool.filter(openNow(f, query, zones));
        }
        if (query.near() != null) {
            bool.filter(f.spatial().within().field(ServiceIndexBinder.POINT)
                .circle(geo(query.near()), query.radiusKm(), DistanceUnit.KILOMETERS));
        }
        return bool.toPredicate();
    }

    /**
     * Services matching the stemmed words, or near-misses of the words the directory does not know;
     * the words in the name and the unstemmed words add to the score.
     */
    private SearchPredicate text(SearchPredicateFactory f, String text, PlainWords plain) {
        var exact = f.match().field(ServiceIndexBinder.TEXT).matching(text);
        var lucene = f.extension(LuceneExtension.get());
        var words = f.bool().must(plain.fuzzy() == null ? exact : f.or(exact, lucene.fromLuceneQuery(plain.fuzzy())));
        // scored on matching services only: a word in the name counts three times
        words.should(f.match().field(ServiceIndexBinder.NAME).boost(2f).matching(text));
        if (plain.known() != null) {
            words.should(lucene.fromLuceneQuery(plain.known()));
        }
        return words.toPredicate();
    }

    /**
     * Clauses on the unstemmed fields, at a third of the weight of the stemmed ones. {@code known}:
     * the words as typed, which only add score (a service with the whole word also has its stem), so
     * they are an optional clause that Lucene evaluates on matching services only. {@code fuzzy}:
     * near-misses of the other words, which do add matches. Either may be null.
     */
    record PlainWords(Query known, Query fuzzy) {

        static final PlainWords NONE = new PlainWords(null, null);
    }

    /**
     * The words, unstemmed; their synonyms were indexed beside them, so a typed word finds services
     * written with any of its synonyms. A word found in at least {@link #KNOWN_WORD_SERVICES}
     * services is taken as typed on purpose and matched as it is; only other words match fuzzily.
     * Fuzzy matching every word built Levenshtein automata and scored thousands of look-alike
     * postings on each search, and matched words nobody typed (leeds ~ leads).
     */
    private PlainWords plainWords(String text) {
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
                float weight = topicWords.contains(word) ? TOPIC_BOOST : 1f;
                for (String field : new String[] { ServiceIndexBinder.NAME_PLAIN, ServiceIndexBinder.BODY_PLAIN }) {
                    if (isKnown) {
                        known.add(new BoostQuery(new TermQuery(new Term(field, word)), weight),
                                BooleanClause.Occur.SHOULD);
                    }
                    else {
                        // two edits only for long words, and the first two letters fixed: fuzzy terms stay few
                        fuzzy.add(new FuzzyQuery(new Term(field, word), word.length() >= 7 ? 2 : 1, 2),
                                BooleanClause.Occur.SHOULD);
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

    private static boolean known(IndexReader reader, String word) throws IOException {
        return reader.docFreq(new Term(ServiceIndexBinder.BODY_PLAIN, word))
                + reader.docFreq(new Term(ServiceIndexBinder.NAME_PLAIN, word)) >= KNOWN_WORD_SERVICES;
    }

    /**
     * Open now: for each time zone in the directory, services in that zone with an opening that
     * contains the current minute of the week there.
     */
    private SearchPredicate openNow(SearchPredicateFactory f, SearchQuery query, List<String> zones) {
        var any = f.or();
        for (String zone : zones) {
            int minute = WeeklyHours.minuteOfWeek(query.now(), ZoneId.of(zone));
            any.add(f.and(f.match().field(ServiceIndexBinder.ZONE).matching(zone), f.extension(LuceneExtension.get())
                .fromLuceneQuery(new OpenAtQuery(ServiceIndexBinder.OPENINGS, minute))));
        }
        return zones.isEmpty() ? f.matchNone().toPredicate() : any.toPredicate();
    }

    private static GeoPoint geo(Point point) {
        return GeoPoint.of(point.latitude(), point.longitude());
    }
}
