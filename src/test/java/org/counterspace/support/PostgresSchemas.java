package org.counterspace.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
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
        if (schema != null) {
            PostgresTestSupport.dropSchema(schema);
        }
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, OnPostgres.class)
                ? new SchemaProperties(of(testClass)) : null;
    }

    /** Points the datasource and Flyway at the class's schema. */
    record SchemaProperties(String schema) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
                    "postgres-schema-" + schema.toLowerCase(Locale.ROOT), PostgresTestSupport.properties(schema)));
        }
    }
}
