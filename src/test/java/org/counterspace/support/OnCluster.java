package org.counterspace.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs a Spring test class as one instance of a cluster does: PostgreSQL in a schema of its own
 * ({@link OnPostgres}) and the directory's index in the test JVM's OpenSearch node ({@link SharedOpenSearch}),
 * recreated for the class; the context is closed after the class and drops the schema once its outbox
 * agents have stopped polling it. Put it on a subclass of a test class to run the same tests on both
 * search backends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@OnPostgres
@ActiveProfiles({ "postgres", "cluster" })
@DirtiesContext
public @interface OnCluster {
}
