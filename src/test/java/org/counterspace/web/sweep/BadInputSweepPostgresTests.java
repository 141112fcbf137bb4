package org.counterspace.web.sweep;

import org.counterspace.support.PostgresTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bad-input sweep on PostgreSQL, as the production profile runs (sessions in the database too):
 * PostgreSQL refuses what H2 stores, a NUL for one.
 */
@ActiveProfiles("postgres")
class BadInputSweepPostgresTests extends BadInputSweep {

    static final String SCHEMA = PostgresTestSupport.newSchema();

    @BeforeAll
    static void needsPostgres() {
        PostgresTestSupport.assumeAvailable();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestSupport.register(registry, SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        PostgresTestSupport.dropSchema(SCHEMA);
    }

    @Override
    String database() {
        return "PostgreSQL";
    }
}
