package org.counterspace.directory.search;

import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

/**
 * OpenSearch (the cluster profile): openings as an {@code integer_range} field, whose term query finds
 * the ranges that contain a value, and the words as the JSON of the query Lucene gets in the embedded
 * index (OpenSearch builds the same Lucene queries from it, so scores match).
 */
final class ElasticsearchSearchBackend implements SearchBackend {

    static final ElasticsearchSearchBackend INSTANCE = new ElasticsearchSearchBackend();

    private ElasticsearchSearchBackend() {
    }

    @Override
    public Openings openings(IndexSchemaElement schema, IndexFieldTypeFactory types, String name) {
        var field = schema.field(name, types.extension(ElasticsearchExtension.get()).asNative()
            .mapping("{\"type\": \"integer_range\"}")).multiValued().toReference();
        return (document, range) -> {
            JsonObject opening = new JsonObject();
            opening.addProperty("gte", range[0]);
            opening.addProperty("lte", range[1]);
            document.addValue(field, opening);
        };
    }

    @Override
    public PredicateFinalStep openAt(SearchPredicateFactory f, String field, int minute) {
        return f.extension(ElasticsearchExtension.get()).fromJson(object("term", object(field, minute)));
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public Optional<Object> state(EntityManagerFactory entityManagerFactory) {
        return Optional.empty();
    }

    @Override
    public boolean olderLayout(EntityManagerFactory entityManagerFactory, String layoutField) {
        return false;
    }

    @Override
    public SearchPredicate predicate(SearchPredicateFactory f, SearchConditions conditions, boolean openNow,
            boolean byCost) {
        return conditions.predicate(f, conditions.fieldFilters(f, openNow, byCost));
    }

    /** OpenSearch aggregates them with the page's query. */
    @Override
    public Optional<SearchFacets.PageCounts> counts(EntityManagerFactory entityManagerFactory,
            SearchConditions conditions) {
        return Optional.empty();
    }

    @Override
    public PredicateFinalStep words(SearchPredicateFactory f, WordQuery query) {
        return f.extension(ElasticsearchExtension.get()).fromJson(json(query));
    }

    static JsonObject json(WordQuery query) {
        if (query instanceof WordQuery.Phrase phrase) {
            if (phrase.words().size() == 1) {
                JsonObject term = new JsonObject();
                term.addProperty("value", phrase.words().get(0));
                term.addProperty("boost", phrase.boost());
                return object("term", object(phrase.field(), term));
            }
            // the words are already analysed: split at spaces only, at consecutive positions (a phrase query)
            return object("match_phrase", object(phrase.field(),
                    matching(String.join(" ", phrase.words()), "whitespace", phrase.boost())));
        }
        if (query instanceof WordQuery.Blend blend) {
            // all the words at one position: a match query makes them one blended term (a synonym query)
            return object("match", object(blend.field(),
                    matching(String.join(" ", blend.words()), DirectoryAnalysis.BLEND, blend.boost())));
        }
        if (query instanceof WordQuery.NearMiss near) {
            JsonObject fuzzy = new JsonObject();
            fuzzy.addProperty("value", near.word());
            fuzzy.addProperty("fuzziness", near.edits());
            fuzzy.addProperty("prefix_length", 2);
            fuzzy.addProperty("boost", near.boost());
            return object("fuzzy", object(near.field(), fuzzy));
        }
        if (query instanceof WordQuery.Any any) {
            JsonArray should = new JsonArray();
            any.clauses().forEach(clause -> should.add(json(clause)));
            JsonObject bool = new JsonObject();
            bool.add("should", should);
            if (any.minimumMatch() > 0) {
                bool.addProperty("minimum_should_match", any.minimumMatch());
            }
            return object("bool", bool);
        }
        WordQuery.Plus plus = (WordQuery.Plus) query;
        JsonArray functions = new JsonArray();
        JsonObject weight = new JsonObject();
        weight.addProperty("weight", plus.constant());
        functions.add(weight);
        JsonObject score = new JsonObject();
        score.add("query", json(plus.query()));
        score.add("functions", functions);
        score.addProperty("boost_mode", "sum");
        return object("function_score", score);
    }

    private static JsonObject matching(String text, String analyzer, float boost) {
        JsonObject match = new JsonObject();
        match.addProperty("query", text);
        match.addProperty("analyzer", analyzer);
        match.addProperty("boost", boost);
        return match;
    }

    private static JsonObject object(String key, JsonObject value) {
        JsonObject object = new JsonObject();
        object.add(key, value);
        return object;
    }

    private static JsonObject object(String key, int value) {
        JsonObject object = new JsonObject();
        object.addProperty(key, value);
        return object;
    }
}
