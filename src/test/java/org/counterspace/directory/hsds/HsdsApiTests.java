package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.counterspace.directory.Categories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public HSDS API: envelope, parameters, schemas, CORS, errors and the rate limit. */
@SpringBootTest
@AutoConfigureMockMvc
class HsdsApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    JsonNode getJson(String path, String... params) throws Exception {
        var request = get(path);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
        return JSON.readTree(body);
    }

    UUID serviceId(String name) {
        return jdbc.queryForObject("select id from dir_service where name = ?", UUID.class, name);
    }

    @Test
    void metadata() throws Exception {
        mvc.perform(get("/api")).andExpect(status().isOk()).andExpect(jsonPath("$.version").value("3.0"))
            .andExpect(jsonPath("$.openapi_url").value(containsString("openapi.json")));
    }

    @Test
    void servicesComeInTheSpecsPagingEnvelope() throws Exception {
        long total = jdbc.queryForObject("select count(*) from dir_service", Long.class);
        JsonNode first = getJson("/api/services", "per_page", "7");
        assertThat(first.propertyNames()).containsExactly("total_items", "total_pages", "page_number", "size",
                "first_page", "last_page", "empty", "contents");
        assertThat(first.get("total_items").asLong()).isEqualTo(total);
        assertThat(first.get("total_pages").asLong()).isEqualTo((total + 6) / 7);
        assertThat(first.get("page_number").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(7);
        assertThat(first.get("first_page").asBoolean()).isTrue();
        assertThat(first.get("last_page").asBoolean()).isFalse();
        assertThat(first.get("empty").asBoolean()).isFalse();
        for (JsonNode item : first.get("contents")) {
            assertThat(HsdsSchemas.errors("compiled/service_list", item)).isEmpty();
        }
        JsonNode last = getJson("/api/services", "per_page", "7", "page", String.valueOf((total + 6) / 7));
        assertThat(last.get("last_page").asBoolean()).isTrue();
        JsonNode beyond = getJson("/api/services", "page", "9999");
        assertThat(beyond.get("empty").asBoolean()).isTrue();
        assertThat(beyond.get("size").asInt()).isZero();
    }

    @Test
    void outOfRangePagingIsClamped() throws Exception {
        assertThat(getJson("/api/services", "page", "-1").get("page_number").asInt()).isEqualTo(1);
        assertThat(getJson("/api/services", "per_page", "100000").get("size").asInt()).isEqualTo(
                (int) Math.min(200, jdbc.queryForObject("select count(*) from dir_service", Long.class)));
    }

    @Test
    void everyFullServiceValidatesAgainstTheCompiledSchema() throws Exception {
        JsonNode page = getJson("/api/services", "full", "true", "per_page", "200");
        assertThat(page.get("contents").size()).isGreaterThan(50);
        for (JsonNode service : page.get("contents")) {
            assertThat(HsdsSchemas.errors("compiled/service", service)).as(service.get("name").asString()).isEmpty();
        }
        JsonNode one = getJson("/api/services/" + serviceId("Riverside Low-Cost Counselling"));
        assertThat(HsdsSchemas.errors("compiled/service", one)).isEmpty();
        assertThat(one.at("/phones/0/number").asString()).isEqualTo("0113 496 0101");
        assertThat(one.at("/service_at_locations/0/location/addresses/0/postal_code").asString()).isEqualTo("LS1 7EQ");
        assertThat(one.at("/attributes/0/taxonomy_term/code").asString()).isEqualTo("counselling");
        assertThat(one.at("/x_counterspace/demo").asBoolean()).isTrue();
    }

    @Test
    void serviceFilters() throws Exception {
        String counselling = Categories.ALL.get(0).id().toString();
        JsonNode byTerm = getJson("/api/services", "taxonomy_term_id", counselling, "per_page", "200");
        long expected = jdbc.queryForObject("select count(*) from dir_service_term where taxonomy_term_id = ?",
                Long.class, UUID.fromString(counselling));
        assertThat(byTerm.get("total_items").asLong()).isEqualTo(expected).isPositive();
        assertThat(getJson("/api/services", "taxonomy_id", Categories.TAXONOMY_ID.toString()).get("total_items")
            .asLong()).isPositive();
        UUID org = jdbc.queryForObject("select organization_id from dir_service where name = 'Proud Futures Manchester'",
                UUID.class);
        JsonNode byOrg = getJson("/api/services", "organization_id", org.toString());
        assertThat(byOrg.get("contents")).allSatisfy(s -> assertThat(s.get("organization_id").asString())
            .isEqualTo(org.toString()));
        assertThat(getJson("/api/services", "modified_after", "2999-01-01").get("empty").asBoolean()).isTrue();
        assertThat(getJson("/api/services", "modified_after", "2000-01-01T00:00:00Z").get("total_items").asLong())
            .isEqualTo(jdbc.queryForObject("select count(*) from dir_service", Long.class));
        JsonNode search = getJson("/api/services", "search", "counseling");
        assertThat(search.get("contents").findValuesAsString("name")).contains("Chicago Community Counseling Center",
                "Riverside Low-Cost Counselling");
        JsonNode minimal = getJson("/api/services", "minimal", "true");
        assertThat(minimal.at("/contents/0").propertyNames()).containsExactly("id", "name", "status", "last_modified");
    }

    @Test
    void badParametersAnswer400WithAMessage() throws Exception {
        mvc.perform(get("/api/services").param("taxonomy_term_id", "not-a-uuid"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(containsString("taxonomy_term_id")));
        mvc.perform(get("/api/services").param("modified_after", "yesterday")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/services").param("page", "one")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/services").param("full", "maybe")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/services").param("format", "xml")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/service_at_locations").param("postcode", "'; drop")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/services/" + UUID.randomUUID())).andExpect(status().isNotFound())
            .andExpect(jsonPath("$.error").value("Not found"));
        mvc.perform(get("/api/services/nope")).andExpect(status().isNotFound());
    }

    @Test
    void organizationsTaxonomiesAndTerms() throws Exception {
        JsonNode orgs = getJson("/api/organizations", "search", "proud");
        assertThat(orgs.get("total_items").asLong()).isEqualTo(1);
        for (JsonNode org : orgs.get("contents")) {
            assertThat(HsdsSchemas.errors("compiled/organization_list", org)).isEmpty();
        }
        String orgId = orgs.at("/contents/0/id").asString();
        JsonNode org = getJson("/api/organizations/" + orgId);
        assertThat(HsdsSchemas.errors("compiled/organization", org)).isEmpty();
        assertThat(org.get("services").size()).isEqualTo(1);

        JsonNode taxonomies = getJson("/api/taxonomies");
        assertThat(taxonomies.at("/contents/0/name").asString()).isEqualTo(Categories.TAXONOMY_NAME);
        JsonNode taxonomy = getJson("/api/taxonomies/" + Categories.TAXONOMY_ID);
        assertThat(HsdsSchemas.errors("taxonomy", taxonomy)).isEmpty();

        JsonNode terms = getJson("/api/taxonomy_terms", "taxonomy_id", Categories.TAXONOMY_ID.toString(), "top_only",
                "true");
        assertThat(terms.get("total_items").asInt()).isEqualTo(Categories.ALL.size());
        for (JsonNode term : terms.get("contents")) {
            assertThat(HsdsSchemas.errors("taxonomy_term", term)).isEmpty();
        }
        assertThat(getJson("/api/taxonomy_terms", "parent_id", Categories.ALL.get(0).id().toString())
            .get("empty").asBoolean()).isTrue();
        assertThat(getJson("/api/taxonomy_terms/" + Categories.ALL.get(1).id()).get("code").asString())
            .isEqualTo("domestic-abuse");
    }

    @Test
    void serviceAtLocationsByPostcodePrefix() throws Exception {
        JsonNode leeds = getJson("/api/service_at_locations", "postcode", "LS1");
        assertThat(leeds.get("total_items").asInt()).isPositive();
        for (JsonNode sal : leeds.get("contents")) {
            assertThat(sal.at("/location/addresses/0/postal_code").asString()).startsWith("LS1");
            assertThat(sal.has("distance")).isFalse();
            assertThat(HsdsSchemas.errors("compiled/service_at_location_list", sal)).isEmpty();
        }
        String id = leeds.at("/contents/0/id").asString();
        assertThat(HsdsSchemas.errors("compiled/service_at_location", getJson("/api/service_at_locations/" + id)))
            .isEmpty();
    }

    @Test
    void proximityIsInMetresFiltersByDistanceAndListsTheNearestFirst() throws Exception {
        JsonNode near = getJson("/api/service_at_locations", "postcode", "LS1", "proximity", "3000", "per_page", "200");
        JsonNode wider = getJson("/api/service_at_locations", "postcode", "LS1", "proximity", "300000", "per_page",
                "200");
        assertThat(near.get("total_items").asInt()).isPositive();
        assertThat(wider.get("total_items").asInt()).isGreaterThan(near.get("total_items").asInt());
        List<Long> distances = new ArrayList<>();
        wider.get("contents").forEach(sal -> distances.add(sal.get("distance").asLong()));
        assertThat(distances).isSorted().allSatisfy(d -> assertThat(d).isBetween(0L, 300_000L));
        assertThat(near.get("contents")).allSatisfy(sal -> assertThat(sal.get("distance").asLong()).isLessThanOrEqualTo(3000));
        // Manchester is about 58 km from Leeds: outside 3 km, inside 300 km
        assertThat(near.get("contents").findValuesAsString("name")).noneMatch(n -> n.contains("Manchester"));
        assertThat(wider.findValues("postal_code").stream().map(JsonNode::asString)).anyMatch(p -> p.startsWith("M"));

        for (String[] bad : new String[][] { { "proximity", "5000" }, { "postcode", "LS1", "proximity", "0" },
                { "postcode", "LS1", "proximity", "-5" }, { "postcode", "LS1", "proximity", "2000000" },
                { "postcode", "ZZ99", "proximity", "5000" } }) {
            var request = get("/api/service_at_locations");
            for (int i = 0; i < bad.length; i += 2) {
                request = request.param(bad[i], bad[i + 1]);
            }
            mvc.perform(request).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(anyOf(containsString("proximity"), containsString("postcode"))));
        }
    }

    @Test
    void serviceAtLocationsTakeTheServiceFilters() throws Exception {
        UUID org = jdbc.queryForObject("select organization_id from dir_service where name = 'Proud Futures Manchester'",
                UUID.class);
        JsonNode byOrg = getJson("/api/service_at_locations", "organization_id", org.toString());
        assertThat(byOrg.get("total_items").asInt()).isPositive();
        assertThat(byOrg.get("contents")).allSatisfy(
                sal -> assertThat(sal.at("/service/organization_id").asString()).isEqualTo(org.toString()));
        JsonNode bySearch = getJson("/api/service_at_locations", "search", "counseling", "per_page", "200");
        assertThat(bySearch.get("contents").findValuesAsString("name"))
            .contains("Chicago Community Counseling Center");
        long tagged = jdbc.queryForObject("select count(*) from dir_service_at_location sal where exists (select 1 "
                + "from dir_service_term st join dir_taxonomy_term t on t.id = st.taxonomy_term_id "
                + "where st.service_id = sal.service_id and t.taxonomy_id = ?)", Long.class, Categories.TAXONOMY_ID);
        assertThat(getJson("/api/service_at_locations", "taxonomy_id", Categories.TAXONOMY_ID.toString())
            .get("total_items").asLong()).isEqualTo(tagged).isPositive();
        assertThat(getJson("/api/service_at_locations", "modified_after", "2999-01-01").get("empty").asBoolean())
            .isTrue();
    }

    @Test
    void aServiceWithTwoTermsOfOneTaxonomyIsListedOnce() throws Exception {
        JsonNode all = getJson("/api/services", "taxonomy_id", Categories.TAXONOMY_ID.toString(), "per_page", "200");
        List<String> ids = new ArrayList<>();
        all.get("contents").forEach(service -> ids.add(service.get("id").asString()));
        assertThat(ids).doesNotHaveDuplicates();
        long distinct = jdbc.queryForObject("select count(distinct st.service_id) from dir_service_term st "
                + "join dir_taxonomy_term t on t.id = st.taxonomy_term_id where t.taxonomy_id = ?", Long.class,
                Categories.TAXONOMY_ID);
        assertThat(all.get("total_items").asLong()).isEqualTo(distinct);
    }

    @Test
    void modifiedAfterIncludesTheMomentItself() throws Exception {
        UUID id = serviceId("Proud Futures Manchester");
        Instant modified = jdbc.queryForObject("select last_modified from dir_service where id = ?", Instant.class, id);
        // every page: other tests sharing this context may have changed more services since
        List<String> ids = new ArrayList<>();
        JsonNode from;
        int page = 1;
        do {
            from = getJson("/api/services", "modified_after", modified.toString(), "per_page", "200", "page",
                    String.valueOf(page++));
            from.get("contents").forEach(service -> ids.add(service.get("id").asString()));
        } while (from.get("page_number").asInt() < from.get("total_pages").asInt());
        assertThat(ids).contains(id.toString());
    }

    @Test
    void everyListEndpointRefusesParametersItDoesNotDocumentAndFormatsOtherThanJson() throws Exception {
        for (String path : List.of("/api/services", "/api/organizations", "/api/taxonomies", "/api/taxonomy_terms",
                "/api/service_at_locations")) {
            mvc.perform(get(path).param("colour", "blue")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("colour: not a parameter of this endpoint"));
            mvc.perform(get(path).param("format", "xml")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("format")));
            mvc.perform(get(path).param("format", "json")).andExpect(status().isOk());
        }
        mvc.perform(get("/api/taxonomies").param("taxonomy_id", UUID.randomUUID().toString()))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value(containsString("taxonomy_id")));
        mvc.perform(get("/api/services/" + serviceId("Proud Futures Manchester")).param("full", "true"))
            .andExpect(status().isBadRequest());
    }

    @Test
    void taxonomiesTermsAndOrganizationsCanBeSearched() throws Exception {
        assertThat(getJson("/api/taxonomies", "search", Categories.TAXONOMY_NAME.substring(0, 4).toUpperCase())
            .get("total_items").asInt()).isEqualTo(1);
        assertThat(getJson("/api/taxonomies", "search", "no such taxonomy").get("empty").asBoolean()).isTrue();
        JsonNode terms = getJson("/api/taxonomy_terms", "search", "domestic");
        assertThat(terms.get("contents").findValuesAsString("code")).contains("domestic-abuse");
        assertThat(getJson("/api/taxonomy_terms", "search", "100%_").get("empty").asBoolean()).isTrue();

        String orgId = getJson("/api/organizations", "search", "proud").at("/contents/0/id").asString();
        JsonNode summary = getJson("/api/organizations/" + orgId);
        JsonNode full = getJson("/api/organizations/" + orgId, "full_service", "true");
        assertThat(summary.at("/services/0").has("phones")).isFalse();
        assertThat(full.at("/services/0").has("phones")).isTrue();
        assertThat(HsdsSchemas.errors("compiled/service", full.at("/services/0"))).isEmpty();
    }

    @Test
    void corsIsOpenForGet() throws Exception {
        mvc.perform(get("/api/services").header("Origin", "https://elsewhere.example"))
            .andExpect(status().isOk()).andExpect(header().string("Access-Control-Allow-Origin", "*"));
        mvc.perform(options("/api/services").header("Origin", "https://elsewhere.example")
            .header("Access-Control-Request-Method", "GET"))
            .andExpect(status().isOk()).andExpect(header().string("Access-Control-Allow-Origin", "*"));
    }

    @Test
    void theOfficialExampleValidatesWithTheSameValidator() throws Exception {
        JsonNode example = JSON.readTree(getClass().getResourceAsStream("/hsds/examples/service_full.json"));
        assertThat(HsdsSchemas.errors("compiled/service", example)).isEmpty();
        // and the validator does check formats: a non-UUID id is refused
        ((tools.jackson.databind.node.ObjectNode) example).put("id", "12345");
        assertThat(HsdsSchemas.errors("compiled/service", example)).isNotEmpty();
        mvc.perform(get("/api/services")).andExpect(content().contentTypeCompatibleWith("application/json"));
    }
}
