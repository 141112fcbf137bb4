package org.counterspace.directory.hsds;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * The HSDS 3 JSON Schemas shipped in src/test/resources/hsds (Open Referral, CC BY-SA 4.0),
 * checked with a Draft 2020-12 validator with format assertions on (uuid, uri, email, date-time).
 */
final class HsdsSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static final ConcurrentHashMap<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private HsdsSchemas() {
    }

    /** {@code name}: e.g. "compiled/service" or "taxonomy_term". */
    static List<String> errors(String name, JsonNode json) {
        Schema schema = SCHEMAS.computeIfAbsent(name,
                n -> REGISTRY.getSchema(SchemaLocation.of("classpath:hsds/schema/" + n + ".json")));
        return schema.validate(json, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
            .stream().map(Error::toString).toList();
    }
}
