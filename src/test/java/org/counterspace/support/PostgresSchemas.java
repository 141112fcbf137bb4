package org.counterspace.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * The schema behind {@link OnPostgres}: one per test class, named before its Spring context is
 * built (as a context customizer, so classes with the same schema share a cached context) and
 * dropped after the class (as a JUnit extension).
 */
public final class PostgresSchemas implements BeforeAllCallback, AfterAllCallback, ContextCustomizerFactory {

    private static final Map<Class<?>, String> SCHEMAS = new ConcurrentHashMap<>();

    /** The schema a test class annotated {@link OnPostgres} runs in. */
    public static String of(Class<?> testClass) {
        return SCHEMAS.computeIfAbsent(testClass, c -> PostgresTestSupport.newSchema());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PostgresTestSupport.assumeAvailable();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        String schema = SCHEMAS.remove(context.getRequiredTestClass());
        // a cluster class's context drops its schema itself as it closes, after its outbox agents stopped
        if (schema != null && !cluster(context.getRequiredTestClass())) {
            PostgresTestSupport.dropSchema(schema);
        }
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, OnPostgres.class)
                ? new SchemaProperties(of(testClass), cluster(testClass)) : null;
    }

    private static boolean cluster(Class<?> testClass) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, OnCluster.class);
    }

    /**
     * Points the datasource and Flyway at the class's schema; with {@code dropOnClose} (an {@link OnCluster}
     * class, whose context is closed after it) the context drops the schema as the last thing it destroys.
     */
    record SchemaProperties(String schema, boolean dropOnClose) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
                    "postgres-schema-" + schema.toLowerCase(Locale.ROOT), PostgresTestSupport.properties(schema)));
            if (dropOnClose) {
                // registered before every bean, so destroyed after them all
                ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("postgresSchemaDrop",
                        () -> PostgresTestSupport.dropSchema(schema));
            }
        }
    }
}
