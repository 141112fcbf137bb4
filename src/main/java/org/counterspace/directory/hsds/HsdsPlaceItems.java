package org.counterspace.directory.hsds;

import static org.counterspace.directory.hsds.HsdsJson.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Phones, schedules and languages that a publisher gives on a location or a service_at_location
 * rather than on the service, as 211 data often does. A service offered at one place that gives none
 * of its own takes that place's, so a person sees how to get in touch and when it is open; anything
 * else given on places is reported as not kept, with counts, never dropped in silence.
 */
final class HsdsPlaceItems {

    static final List<String> FIELDS = List.of("phones", "schedules", "languages");

    private HsdsPlaceItems() {
    }

    /** The record itself, or a copy whose empty phones, schedules or languages are filled from its one place. */
    static JsonNode lift(JsonNode record, List<String> warnings) {
        JsonNode places = record.path("service_at_locations");
        ObjectNode lifted = null;
        for (String field : FIELDS) {
            List<JsonNode> given = givenOnPlaces(places, field);
            if (given.isEmpty()) {
                continue;
            }
            if (record.path(field).isEmpty() && places.size() == 1) {
                lifted = lifted != null ? lifted : (ObjectNode) record.deepCopy();
                lifted.set(field, ownCopies(text(record, "id"), field, given));
            }
            else {
                warnings.add(given.size() + " " + field + " given on locations were not kept: the service gives its "
                        + "own, or is offered at more than one place.");
            }
        }
        return lifted != null ? lifted : record;
    }

    /** The field's entries on the service's places, each once (a location's and its service_at_location's may repeat). */
    private static List<JsonNode> givenOnPlaces(JsonNode places, String field) {
        List<JsonNode> given = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode place : places) {
            for (JsonNode item : concat(place.path(field), place.path("location").path(field))) {
                if (item.isObject() && seen.add(String.valueOf(text(item, "id")) + item)) {
                    given.add(item);
                }
            }
        }
        return given;
    }

    private static List<JsonNode> concat(JsonNode first, JsonNode second) {
        List<JsonNode> all = new ArrayList<>();
        first.forEach(all::add);
        second.forEach(all::add);
        return all;
    }

    /**
     * Copies with ids of the service's own: a location shared by two services would otherwise give
     * both the same phone id. Derived from the service's and the entry's ids, so a re-import updates
     * rather than adds.
     */
    private static ArrayNode ownCopies(String serviceId, String field, List<JsonNode> given) {
        ArrayNode copies = ((ObjectNode) given.get(0)).arrayNode();
        for (JsonNode item : given) {
            ObjectNode copy = (ObjectNode) item.deepCopy();
            String key = serviceId + "/" + field + "/" + text(item, "id") + "/" + (text(item, "id") == null ? item : "");
            copy.put("id", UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
            copies.add(copy);
        }
        return copies;
    }
}
