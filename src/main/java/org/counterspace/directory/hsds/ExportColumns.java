package org.counterspace.directory.hsds;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The columns a Counterspace CSV export adds to services.csv ({@link HsdsExporter#EXTENSION_FIELDS}),
 * read back into the nested service the JSON form carries, so the tables lose nothing.
 */
final class ExportColumns {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExportColumns() {
    }

    /**
     * Moves a Counterspace export's {@code x_counterspace_…} columns into the {@code x_counterspace}
     * object the JSON form carries (a value written as a JSON array or a boolean is read back as one),
     * and the publisher's fields of {@code x_counterspace_hsds} back into the service.
     */
    static ObjectNode readBack(ObjectNode service) {
        ObjectNode extension = NODES.objectNode();
        for (String column : List.copyOf(service.propertyNames())) {
            if (column.startsWith(HsdsExporter.EXTENSION_COLUMN_PREFIX)) {
                String value = service.remove(column).asString();
                String field = column.substring(HsdsExporter.EXTENSION_COLUMN_PREFIX.length());
                if (column.equals(HsdsExporter.PUBLISHER_FIELDS_COLUMN)) {
                    // as they came, in place of what the tables rebuilt from them (service areas lose all but
                    // the name there); a table edited since the export wins
                    publisherFields(value).properties().forEach(f -> {
                        if (agrees(service.path(f.getKey()), f.getValue())) {
                            service.set(f.getKey(), f.getValue());
                        }
                    });
                }
                else if (value.startsWith("[")) {
                    extension.set(field, jsonArrayOrText(value));
                }
                else if (value.equals("true") || value.equals("false")) {
                    extension.put(field, Boolean.parseBoolean(value));
                }
                else {
                    extension.put(field, value);
                }
            }
        }
        if (!extension.isEmpty()) {
            service.set(HsdsMapper.EXTENSION, extension);
        }
        return service;
    }

    /**
     * Whether what the tables give for a field says nothing the publisher's own value does not: absent,
     * an empty list, or a list of the same length whose items' values all match the publisher's.
     */
    static boolean agrees(JsonNode tables, JsonNode publisher) {
        if (tables.isMissingNode() || tables.isNull() || tables.isArray() && tables.isEmpty()) {
            return true;
        }
        if (!tables.isArray() || !publisher.isArray() || tables.size() != publisher.size()) {
            return false;
        }
        for (int i = 0; i < tables.size(); i++) {
            JsonNode given = publisher.get(i);
            for (Map.Entry<String, JsonNode> cell : tables.get(i).properties()) {
                JsonNode kept = given.path(cell.getKey());
                if (kept.isMissingNode() && cell.getKey().endsWith("_id")) {
                    // a link the export wrote so the tables could place the row
                    continue;
                }
                boolean same = cell.getValue().isNumber() && kept.isNumber()
                        ? cell.getValue().decimalValue().compareTo(kept.decimalValue()) == 0
                        : cell.getValue().asString().equals(kept.asString(null));
                if (!same) {
                    return false;
                }
            }
        }
        return true;
    }

    private static JsonNode publisherFields(String value) {
        try {
            JsonNode fields = JSON.readTree(value);
            return fields.isObject() ? fields : NODES.objectNode();
        }
        catch (JacksonException e) {
            return NODES.objectNode();
        }
    }

    private static JsonNode jsonArrayOrText(String value) {
        try {
            return JSON.readTree(value);
        }
        catch (JacksonException e) {
            return NODES.stringNode(value);
        }
    }
}
