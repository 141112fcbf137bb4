package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
    void serviceAtLocationsByPostcodeWithDistances() throws Exception {
        JsonNode leeds = getJson("/api/service_at_locations", "postcode", "LS1", "proximity", "10");
        assertThat(leeds.get("total_items").asInt()).isPositive();
        for (JsonNode sal : leeds.get("contents")) {
            assertThat(sal.at("/location/addresses/0/postal_code").asString()).startsWith("LS1");
            assertThat(sal.get("distance").asDouble()).isLessThan(10);
            assertThat(HsdsSchemas.errors("compiled/service_at_location_list", sal)).isEmpty();
        }
        String id = leeds.at("/contents/0/id").asString();
        assertThat(HsdsSchemas.errors("compiled/service_at_location", getJson("/api/service_at_locations/" + id)))
            .isEmpty();
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
