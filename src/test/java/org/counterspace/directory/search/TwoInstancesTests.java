package org.counterspace.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.counterspace.CounterspaceApplication;
import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.PostgresTestSupport;
import org.counterspace.support.SharedOpenSearch;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Two instances of the cluster profile, as behind a load balancer: two Spring contexts on one PostgreSQL
 * schema and one OpenSearch node. What a curator changes on one is searchable on the other within seconds,
 * through the outbox in PostgreSQL; the second instance searches the index the first built.
 */
class TwoInstancesTests {

    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(5);

    static final String SCHEMA = PostgresTestSupport.newSchema();

    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    static ConfigurableApplicationContext a;

    static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() {
        PostgresTestSupport.assumeAvailable();
        a = instance(true);
        b = instance(false);
    }

    @AfterAll
    static void stop() throws Exception {
        instances.forEach(ConfigurableApplicationContext::close);
        PostgresTestSupport.dropSchema(SCHEMA);
    }

    /** An instance on the shared schema and node; the first recreates the index, as a fresh cluster has none. */
    static ConfigurableApplicationContext instance(boolean first) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres,cluster", "--server.port=0",
                "--" + SharedOpenSearch.HOSTS + "=" + SharedOpenSearch.hosts(),
                "--" + SharedOpenSearch.SYNCHRONIZATION + "="));
        PostgresTestSupport.properties(SCHEMA).forEach((key, value) -> args.add("--" + key + "=" + value));
        if (first) {
            args.add("--" + SharedOpenSearch.SCHEMA_MANAGEMENT + "=drop-and-create");
        }
        // arguments, not builder properties: those would be defaults that application.properties overrides
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CounterspaceApplication.class)
            .run(args.toArray(String[]::new));
        instances.add(context);
        return context;
    }

    @Test
    void aServiceACuratorCreatesOnOneInstanceIsFoundOnTheOtherAndGoneOnceRetired() throws Exception {
        MockMvc curatorOnA = MockMvcBuilders.webAppContextSetup((WebApplicationContext) a).apply(springSecurity())
            .build();
        AccountPrincipal curator = TestAccounts.create(a.getBean(JdbcTemplate.class),
                "curator-" + UUID.randomUUID().toString().substring(0, 8), AccountPrincipal.ROLE_ADMIN);
        DirectorySearch searchOnB = b.getBean(DirectorySearch.class);

        String location = curatorOnA.perform(post("/curate/services").with(csrf()).with(TestAccounts.as(curator))
            .param("name", "Tidewater Listening Circle").param("organization", "Tidewater Friends")
            .param("description", "A weekly circle where people who were hurt at work are listened to.")
            .param("cost", "free").param("ageGroup", "adults").param("country", "GB")
            .param("timeZone", "Europe/London"))
            .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/curate/services/".length()));

        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100))
            .until(() -> searchOnB.matchingIds("tidewater listening", 5).contains(id));
        assertThat(searchOnB.search(SearchQuery.text("listening circle", Instant.now())).hits())
            .extracting(ServiceCard::name).contains("Tidewater Listening Circle");

        curatorOnA.perform(post("/curate/services/" + id + "/retire").with(csrf()).with(TestAccounts.as(curator)))
            .andExpect(status().is3xxRedirection());
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100))
            .until(() -> searchOnB.search(SearchQuery.text("tidewater", Instant.now())).hits().isEmpty());
    }

    @Test
    void bothInstancesSearchTheOneIndexTheFirstBuilt() {
        long services = a.getBean(JdbcTemplate.class).queryForObject("select count(*) from dir_service", Long.class);
        assertThat(b.getBean(DirectoryIndex.class).shared()).isTrue();
        assertThat(b.getBean(DirectoryIndex.class).indexedCount()).isEqualTo(services);
    }
}
