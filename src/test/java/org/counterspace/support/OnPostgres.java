package org.counterspace.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs a Spring test class on PostgreSQL, as the production profile does, in a schema of its own
 * that Flyway fills and that is dropped when the class is done. Put it on a subclass of a test class
 * to run the same tests on both databases. Skips where no PostgreSQL answers (fails under CI).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ActiveProfiles("postgres")
@ExtendWith(PostgresSchemas.class)
public @interface OnPostgres {
}
