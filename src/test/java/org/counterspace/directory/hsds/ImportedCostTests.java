package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.counterspace.directory.search.DirectorySearch;
import org.counterspace.directory.search.SearchQuery;
import org.counterspace.directory.search.ServiceCard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Cost that means what it says, through the importer (JSON and CSV) and the search facet: free only
 * when the data says so, paid when cost options name an amount, not known when nothing is said.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportedCostTests {

    /** A service's fee text and cost options as given, and the cost it must have. */
    enum Case {
        NONE_DOT("\"fees_description\": \"None.\"", "free"),
        FREE_WORD("\"fees_description\": \"Free\"", "free"),
        NO_FEE("\"fees_description\": \"No fee\"", "free"),
        NOTHING_SAID("", "unknown"),
        ASK("\"fees_description\": \"Please ask at reception\"", "unknown"),
        AMOUNT_IN_TEXT("\"fees_description\": \"£20 per session\"", "paid"),
        OPTION_35("\"cost_options\": [{\"id\": \"%s\", \"option\": \"Per session\", \"amount\": 35, \"currency\": \"GBP\"}]",
                "paid"),
        OPTION_35_BESIDE_FREE_TEXT("\"fees_description\": \"Free\", \"cost_options\": [{\"id\": \"%s\", \"amount\": 35}]",
                "paid"),
        OPTION_0("\"cost_options\": [{\"id\": \"%s\", \"option\": \"Everyone\", \"amount\": 0}]", "free");

        final String fields;

        final String cost;

        Case(String fields, String cost) {
            this.fields = fields;
            this.cost = cost;
        }

        UUID id() {
            return UUID.nameUUIDFromBytes(("cost-test:" + name()).getBytes(StandardCharsets.UTF_8));
        }

        String serviceName() {
            return "Pricecheck " + name().replace('_', ' ').toLowerCase(Locale.ROOT);
        }

        String json() {
            String given = fields
                .formatted(UUID.nameUUIDFromBytes(("cost-option:" + name()).getBytes(StandardCharsets.UTF_8)));
            return "{\"id\": \"%s\", \"name\": \"%s\", \"status\": \"active\"%s}".formatted(id(), serviceName(),
                    given.isEmpty() ? "" : ", " + given);
        }
    }

    @Autowired
    HsdsImporter importer;

    @Autowired
    HsdsCsvImporter csvImporter;

    @Autowired
    DirectorySearch search;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    void importTheServices() {
        String file = "[" + String.join(",", Stream.of(Case.values()).map(Case::json).toList()) + "]";
        ImportReport report = importer.importJson("costs.json", file.getBytes(StandardCharsets.UTF_8), "test");
        assertThat(report.accepted()).as(report.toString()).isTrue();
    }

    String cost(UUID id) {
        return jdbc.queryForObject("select cost from dir_service where id = ?", String.class, id);
    }

    @Test
    void eachServiceCostsWhatItsDataSays() {
        for (Case c : Case.values()) {
            assertThat(cost(c.id())).as(c.name()).isEqualTo(c.cost);
        }
    }

    @Test
    void costOptionsWithoutAFeeTextAreShownAsOne() throws Exception {
        assertThat(jdbc.queryForObject("select fees_description from dir_service where id = ?", String.class,
                Case.OPTION_35.id())).isEqualTo("Per session: 35 GBP");
        mvc.perform(get("/support/services/" + Case.OPTION_35.id()))
            .andExpect(content().string(containsString("Per session: 35 GBP")));
        mvc.perform(get("/support/services/" + Case.NOTHING_SAID.id()))
            .andExpect(content().string(containsString("Not known: ask the service before you go.")));
    }

    @Test
    void theCsvCostOptionsTableCountsToo() {
        String serviceId = UUID.randomUUID().toString();
        ImportReport report = csvImporter.importTables("costs.zip", Map.of(
                "services.csv", ("id,name,status,fees_description\n" + serviceId + ",Pricecheck csv,active,None.\n")
                    .getBytes(StandardCharsets.UTF_8),
                "cost_options.csv", ("id,service_id,option,amount,currency\n" + UUID.randomUUID() + "," + serviceId
                        + ",Adults,12.50,USD\n").getBytes(StandardCharsets.UTF_8)), "test");
        assertThat(report.accepted()).as(report.toString()).isTrue();
        assertThat(cost(UUID.fromString(serviceId))).isEqualTo("paid");
    }

    @Test
    void costNotKnownIsAFacetValueOfItsOwn() throws Exception {
        List<String> free = names(query(true, false));
        List<String> unknown = names(query(false, true));
        assertThat(free).containsExactlyInAnyOrderElementsOf(named("free"));
        assertThat(unknown).containsExactlyInAnyOrderElementsOf(named("unknown"));
        assertThat(names(query(true, true))).containsExactlyInAnyOrderElementsOf(
                Stream.concat(free.stream(), unknown.stream()).toList());
        DirectorySearch.Results all = search.search(query(false, false));
        assertThat(all.freeCount()).isEqualTo(free.size());
        assertThat(all.costUnknownCount()).isEqualTo(unknown.size());
        // ticking one keeps the other's count, so both can be chosen together
        DirectorySearch.Results freeOnly = search.search(query(true, false));
        assertThat(freeOnly.costUnknownCount()).isEqualTo(unknown.size());
        assertThat(freeOnly.total()).isEqualTo(free.size());
        mvc.perform(get("/support").param("q", "pricecheck"))
            .andExpect(content().string(containsString("Cost not known (" + unknown.size() + ")")));
        mvc.perform(get("/support").param("q", "pricecheck").param("cost", "unknown").param("per_page", "50"))
            .andExpect(content().string(containsString("Pricecheck nothing said")))
            .andExpect(content().string(not(containsString("Pricecheck option 35<"))));
    }

    private List<String> named(String cost) {
        return Stream.of(Case.values()).filter(c -> c.cost.equals(cost)).map(Case::serviceName).toList();
    }

    private List<String> names(SearchQuery query) {
        return search.search(query).hits().stream().map(ServiceCard::name).toList();
    }

    private static SearchQuery query(boolean free, boolean unknown) {
        return new SearchQuery("pricecheck", Set.of(), Set.of(), free, unknown, Set.of(), null, null, false, null, 25,
                SearchQuery.SortOrder.NAME, 1, 50, Instant.now(), null);
    }
}
