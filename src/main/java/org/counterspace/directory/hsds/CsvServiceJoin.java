package org.counterspace.directory.hsds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Joins a tabular package's tables into the nested service objects HSDS JSON carries: each services.csv
 * row with its organization, its service_at_locations (each with its location, the location's addresses
 * and accessibility), its phones, schedules and languages wherever they are given, its service areas,
 * cost options and attributes (each with its taxonomy term and the term's taxonomy). The joined tables
 * are found in the {@link CsvRowStore}, the taxonomy in memory; each part is noted with its table and line.
 */
final class CsvServiceJoin {

    /** The tables whose rows may sit on a service, a location or a service_at_location. */
    private static final List<String> PLACE_ITEMS = List.of("phones", "schedules", "languages");

    /** Where those rows sit, in order: a row with a service_id is the service's, whatever else it names. */
    private static final List<String> PLACE_ITEM_OWNERS = List.of("service_id", "service_at_location_id",
            "location_id");

    /** Each table kept on disk while the services are joined, and the column(s) its rows are found by. */
    static final Map<String, List<String>> JOINED = Map.ofEntries(
            Map.entry("organizations.csv", List.of("id")), Map.entry("locations.csv", List.of("id")),
            Map.entry("phones.csv", PLACE_ITEM_OWNERS), Map.entry("schedules.csv", PLACE_ITEM_OWNERS),
            Map.entry("languages.csv", PLACE_ITEM_OWNERS), Map.entry("service_areas.csv", List.of("service_id")),
            Map.entry("cost_options.csv", List.of("service_id")),
            Map.entry("service_at_location.csv", List.of("service_id")),
            Map.entry("addresses.csv", List.of("location_id")), Map.entry("accessibility.csv", List.of("location_id")),
            Map.entry("attributes.csv", List.of("link_id")));

    /** The numeric columns of phones and schedules. */
    private static final Set<String> PLACE_ITEM_NUMBERS = Set.of("extension", "timezone", "count", "interval");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CsvRowStore store;

    private final List<Map<String, String>> termRows;

    private final Map<String, Map<String, String>> terms;

    private final Map<String, Map<String, String>> taxonomies;

    /** {@code taxonomy}: the rows of taxonomy_terms.csv and taxonomies.csv, by file name, as far as given. */
    CsvServiceJoin(CsvRowStore store, Map<String, List<Map<String, String>>> taxonomy) {
        this.store = store;
        this.termRows = taxonomy.getOrDefault("taxonomy_terms.csv", List.of());
        this.terms = byId(taxonomy.get("taxonomy_terms.csv"));
        this.taxonomies = byId(taxonomy.get("taxonomies.csv"));
    }

    /** Every term of the package's taxonomy_terms.csv, parents first, each with its taxonomy nested. */
    List<JsonNode> terms() {
        return TermTree.parentsFirst(termRows, row -> row.get("id"), row -> row.get("parent_id")).stream()
            .map(row -> (JsonNode) term(row, taxonomies)).toList();
    }

    /** One services.csv row joined into its service, handed on with where each of its parts came from. */
    void join(CsvTable.Row row, HsdsImporter.Visitor visit) {
        Map<String, String> origins = new HashMap<>();
        ObjectNode service = service(row, origins);
        visit.accept(service, located(origins));
    }

    /** Where each part of a joined service came from: the longest pointer known, its table and line. */
    private static RecordLocation located(Map<String, String> origins) {
        return (pointer, field) -> {
            String known = pointer;
            while (!origins.containsKey(known)) {
                known = known.substring(0, known.lastIndexOf('/'));
            }
            String rest = pointer.substring(known.length());
            String column = rest.isEmpty() ? field : rest.substring(1) + (field == null ? "" : "/" + field);
            return origins.get(known) + (column == null ? "" : ", " + column);
        };
    }

    private static String origin(String table, CsvTable.Row row) {
        return table + " line " + row.line();
    }

    /** A taxonomy term with its taxonomy nested, when the package has it. */
    private static ObjectNode term(Map<String, String> row, Map<String, Map<String, String>> taxonomies) {
        ObjectNode term = object(row, Set.of());
        Map<String, String> taxonomy = taxonomies.get(row.get("taxonomy_id"));
        if (taxonomy != null) {
            term.set("taxonomy_detail", object(taxonomy, Set.of()));
        }
        return term;
    }

    /** One services.csv row as the nested service HSDS JSON carries, its parts found in the store. */
    private ObjectNode service(CsvTable.Row row, Map<String, String> origins) {
        ObjectNode s = object(row.values(), Set.of("minimum_age", "maximum_age"));
        origins.put("", origin("services.csv", row));
        String id = row.values().get("id");
        CsvTable.Row organization = store.row("organizations.csv", "id", row.values().get("organization_id"));
        if (organization != null) {
            s.set("organization", object(organization.values(), Set.of("year_incorporated")));
            origins.put("/organization", origin("organizations.csv", organization));
        }
        for (String item : PLACE_ITEMS) {
            s.set(item, array(store.rows(item + ".csv", "service_id", id), item, PLACE_ITEM_NUMBERS, "", origins));
        }
        s.set("service_areas", array(store.rows("service_areas.csv", "service_id", id), "service_areas", Set.of(), "",
                origins));
        s.set("cost_options", array(store.rows("cost_options.csv", "service_id", id), "cost_options",
                Set.of("amount"), "", origins));
        s.set("service_at_locations", atLocations(store.rows("service_at_location.csv", "service_id", id), origins));
        s.set("attributes", attributes(store.rows("attributes.csv", "link_id", id), origins));
        // last, so the publisher's own lists take the place of what the tables rebuilt
        return ExportColumns.readBack(s);
    }

    /**
     * A service's service_at_location rows, each with its location and that location's addresses nested,
     * and the phones, schedules and languages given on either, as nested HSDS JSON carries them.
     */
    private ArrayNode atLocations(List<CsvTable.Row> sals, Map<String, String> origins) {
        ArrayNode atLocations = NODES.arrayNode();
        for (CsvTable.Row sal : sals) {
            String at = "/service_at_locations/" + atLocations.size();
            origins.put(at, origin("service_at_location.csv", sal));
            ObjectNode node = object(sal.values(), Set.of());
            placeItems(node, "service_at_location_id", sal.values().get("id"), at, origins);
            CsvTable.Row location = store.row("locations.csv", "id", sal.values().get("location_id"));
            if (location != null) {
                String locationId = location.values().get("id");
                origins.put(at + "/location", origin("locations.csv", location));
                ObjectNode l = object(location.values(), Set.of("latitude", "longitude"));
                l.set("addresses", array(store.rows("addresses.csv", "location_id", locationId), "addresses",
                        Set.of(), at + "/location", origins));
                l.set("accessibility", array(store.rows("accessibility.csv", "location_id", locationId),
                        "accessibility", Set.of(), at + "/location", origins));
                placeItems(l, "location_id", locationId, at + "/location", origins);
                node.set("location", l);
            }
            atLocations.add(node);
        }
        return atLocations;
    }

    private void placeItems(ObjectNode node, String column, String id, String at, Map<String, String> origins) {
        for (String item : PLACE_ITEMS) {
            List<CsvTable.Row> rows = store.rows(item + ".csv", column, id);
            if (!rows.isEmpty()) {
                node.set(item, array(rows, item, PLACE_ITEM_NUMBERS, at, origins));
            }
        }
    }

    /** A service's attribute rows, each with its taxonomy term (and the term's taxonomy) nested. */
    private ArrayNode attributes(List<CsvTable.Row> rows, Map<String, String> origins) {
        ArrayNode links = NODES.arrayNode();
        for (CsvTable.Row attribute : rows) {
            origins.put("/attributes/" + links.size(), origin("attributes.csv", attribute));
            ObjectNode a = object(attribute.values(), Set.of());
            Map<String, String> term = terms.get(attribute.values().get("taxonomy_term_id"));
            if (term != null) {
                a.set("taxonomy_term", term(term, taxonomies));
            }
            links.add(a);
        }
        return links;
    }

    private static Map<String, Map<String, String>> byId(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> byId = new HashMap<>();
        if (rows != null) {
            rows.forEach(row -> byId.put(row.get("id"), row));
        }
        return byId;
    }

    /** Rows as a JSON array at {@code at + "/" + field}, each row's table and line noted in {@code origins}. */
    private static ArrayNode array(List<CsvTable.Row> rows, String field, Set<String> numeric, String at,
            Map<String, String> origins) {
        ArrayNode array = NODES.arrayNode();
        for (CsvTable.Row row : rows) {
            origins.put(at + "/" + field + "/" + array.size(), origin(field + ".csv", row));
            array.add(object(row.values(), numeric));
        }
        return array;
    }

    /** A CSV row as a JSON object; numeric columns become numbers when they parse. */
    private static ObjectNode object(Map<String, String> row, Set<String> numeric) {
        ObjectNode node = NODES.objectNode();
        row.forEach((column, value) -> {
            if (value == null) {
                return;
            }
            if (numeric.contains(column)) {
                try {
                    node.put(column, Double.parseDouble(value));
                    return;
                }
                catch (NumberFormatException e) {
                    // kept as text; the importer reports or ignores it
                }
            }
            node.put(column, value);
        });
        return node;
    }
}
