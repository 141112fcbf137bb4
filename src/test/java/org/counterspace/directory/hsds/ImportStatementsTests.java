package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;

import org.counterspace.directory.Location;
import org.counterspace.directory.Organization;
import org.counterspace.directory.SupportService;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The statements an import sends: a batch of records costs a query per kind of entity it names and the
 * inserts, however many records it holds, and nothing new is written twice. A query for every new
 * location, organization or term, and an update after every new service's insert, once made a large
 * import take a third longer on PostgreSQL.
 */
@SpringBootTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
class ImportStatementsTests {

    @Autowired
    HsdsImporter importer;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    Statistics statistics;

    @BeforeEach
    void statistics() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    }

    @Test
    void aBatchSendsAsManyStatementsForFortyServicesAsForFour() {
        long four = statementsToImport(organizations(2, 2));
        long forty = statementsToImport(organizations(4, 10));
        assertThat(forty).isEqualTo(four);
    }

    @Test
    void newServicesAndOrganizationsAreInsertedOnlyAndAnOrganizationIsUpdatedOnlyWhenItChanges() {
        String file = organizations(3, 6);
        statistics.clear();
        assertThat(importJson(file).accepted()).isTrue();
        assertThat(statistics.getEntityStatistics(SupportService.class.getName()).getInsertCount()).isEqualTo(18);
        assertThat(statistics.getEntityStatistics(Organization.class.getName()).getInsertCount()).isEqualTo(3);
        assertThat(statistics.getEntityStatistics(Location.class.getName()).getInsertCount()).isEqualTo(9);
        assertThat(statistics.getEntityUpdateCount()).isZero();

        statistics.clear();
        assertThat(importJson(file).accepted()).isTrue();
        assertThat(statistics.getEntityStatistics(Organization.class.getName()).getUpdateCount()).isZero();
        assertThat(statistics.getEntityStatistics(SupportService.class.getName()).getUpdateCount()).isEqualTo(18);

        // an organization that says something new is updated, once for all its services
        statistics.clear();
        assertThat(importJson(file.replace("Statement organization", "Renamed organization")).accepted()).isTrue();
        assertThat(statistics.getEntityStatistics(Organization.class.getName()).getUpdateCount()).isEqualTo(3);
    }

    private long statementsToImport(String file) {
        statistics.clear();
        assertThat(importJson(file).accepted()).isTrue();
        return statistics.getPrepareStatementCount();
    }

    private ImportReport importJson(String json) {
        return importer.importJson("statements.json", json.getBytes(StandardCharsets.UTF_8), "test");
    }

    /**
     * That many new organizations of that many services each, as a 211 publishes them: each pair of
     * services at a new location of their own with an address, each service with a phone and a term
     * of a new taxonomy.
     */
    private static String organizations(int organizations, int servicesEach) {
        UUID taxonomy = UUID.randomUUID();
        UUID term = UUID.randomUUID();
        List<String> records = new ArrayList<>();
        for (int o = 0; o < organizations; o++) {
            UUID organization = UUID.randomUUID();
            UUID location = null;
            for (int s = 0; s < servicesEach; s++) {
                location = s % 2 == 0 ? UUID.randomUUID() : location;
                records.add("""
                        {"id": "%s", "name": "Statement service %d-%d", "status": "active",
                         "organization": {"id": "%s", "name": "Statement organization %d", "description": "Helps."},
                         "phones": [{"id": "%s", "number": "020 7946 0%03d"}],
                         "attributes": [{"id": "%s", "taxonomy_term": {"id": "%s", "name": "Counselling",
                             "description": "Talking support.",
                             "taxonomy_detail": {"id": "%s", "name": "Statement terms", "description": "Terms."}}}],
                         "service_at_locations": [{"id": "%s", "location": {"id": "%s", "location_type": "physical",
                             "name": "Centre %d-%d", "addresses": [{"id": "%s", "address_1": "1 High Street",
                             "city": "Leeds", "state_province": "West Yorkshire", "postal_code": "LS1 1AA",
                             "country": "GB", "address_type": "physical"}]}}]}
                        """.formatted(UUID.randomUUID(), o, s, organization, o, UUID.randomUUID(), s,
                        UUID.randomUUID(), term, taxonomy, UUID.randomUUID(), location, o, s / 2,
                        addressOf(location)));
            }
        }
        return "[" + String.join(",", records) + "]";
    }

    /** The same address id each time a location is given, as a file gives a shared location. */
    private static UUID addressOf(UUID location) {
        return UUID.nameUUIDFromBytes(location.toString().getBytes(StandardCharsets.UTF_8));
    }
}
