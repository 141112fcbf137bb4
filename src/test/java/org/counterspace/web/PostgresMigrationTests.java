package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.counterspace.support.OnPostgres;
import org.counterspace.support.PostgresSchemas;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The same Flyway migrations run on PostgreSQL, and Hibernate validates the entities against them. */
@SpringBootTest
@OnPostgres
class PostgresMigrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationsRanOnPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        Integer failed = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success = false", Integer.class);
        Integer applied = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where type = 'SQL' and success", Integer.class);
        assertThat(failed).isZero();
        assertThat(applied).isPositive();
        assertThat(jdbc.queryForObject("select current_schema()", String.class)).isEqualTo(PostgresSchemas.of(PostgresMigrationTests.class));
    }
}
