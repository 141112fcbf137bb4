package org.counterspace.directory.hsds;

import static org.counterspace.directory.hsds.HsdsJson.isUuid;
import static org.counterspace.directory.hsds.HsdsJson.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The ids of the parts a service record nests (phones, schedules, languages, service_at_locations)
 * are their rows' keys: one used twice in a file, or used by another service in the directory, would
 * fail the whole import at the database. This finds them first, as a problem of the record that
 * repeats them. The directory is asked once per window of records, not once per record.
 */
@Component
class HsdsPartIds {

    /** Each nested list and the entity its items become. */
    private static final Map<String, String> PARTS = Map.of("phones", "Phone", "schedules", "Schedule",
            "languages", "Language", "service_at_locations", "ServiceAtLocation");

    @PersistenceContext
    private EntityManager em;

    /** The checks of one file. */
    Check check() {
        return new Check();
    }

    final class Check {

        private final Map<String, Set<UUID>> inFile = new HashMap<>();

        /** Per part: id → the problems of the record in the window that gives it, and that record's id. */
        private final Map<String, Map<UUID, Claim>> window = new HashMap<>();

        /**
         * {@code serviceId}: the service (or, for an address, the location) that gives the part;
         * {@code at}: where the part's id is in the file.
         */
        private record Claim(UUID serviceId, List<String> problems, String at) {

            void problem(String message) {
                problems.add(at + ": " + message);
            }
        }

        /** Address id → the location that gives it in this file (a location may come with several services). */
        private final Map<UUID, UUID> addressLocations = new HashMap<>();

        /** Address id → the problems of the record in the window that gives it, and its location's id. */
        private final Map<UUID, Claim> addressWindow = new HashMap<>();

        /** Records the part ids of a checked record; a repeat within the file is a problem at once. */
        void add(JsonNode record, RecordLocation where, List<String> problems) {
            String serviceId = text(record, "id");
            if (serviceId == null || !isUuid(serviceId)) {
                return;
            }
            PARTS.keySet().forEach(part -> {
                int index = 0;
                for (JsonNode item : record.path(part)) {
                    String id = text(item, "id");
                    Claim claim = new Claim(UUID.fromString(serviceId), problems,
                            where.describe("/" + part + "/" + index++, "id"));
                    if (id == null || !isUuid(id)) {
                        continue;
                    }
                    UUID partId = UUID.fromString(id);
                    if (!inFile.computeIfAbsent(part, p -> new HashSet<>()).add(partId)) {
                        claim.problem("The " + part + " id " + id + " appears more than once in this file; each "
                                + "needs its own id.");
                    }
                    else {
                        window.computeIfAbsent(part, p -> new HashMap<>()).put(partId, claim);
                    }
                }
            });
            addresses(record, where, problems);
        }

        /** An address id belongs to one location: in the file, and against the directory. */
        private void addresses(JsonNode record, RecordLocation where, List<String> problems) {
            int placeIndex = 0;
            for (JsonNode place : record.path("service_at_locations")) {
                String locationId = text(place.path("location"), "id");
                String pointer = "/service_at_locations/" + placeIndex++ + "/location/addresses/";
                if (locationId == null || !isUuid(locationId)) {
                    continue;
                }
                int index = 0;
                for (JsonNode address : place.path("location").path("addresses")) {
                    String id = text(address, "id");
                    Claim claim = new Claim(UUID.fromString(locationId), problems,
                            where.describe(pointer + index++, "id"));
                    if (id == null || !isUuid(id)) {
                        continue;
                    }
                    UUID addressId = UUID.fromString(id);
                    UUID given = addressLocations.putIfAbsent(addressId, claim.serviceId());
                    if (given != null && !given.equals(claim.serviceId())) {
                        claim.problem("The address id " + id + " is given to two locations in this file; each needs "
                                + "its own id.");
                    }
                    else {
                        addressWindow.put(addressId, claim);
                    }
                }
            }
        }

        /** Asks the directory about the ids of the window's records, adds what it finds, starts a new window. */
        void checkDirectory() {
            window.forEach((part, claims) -> {
                List<UUID> ids = new ArrayList<>(claims.keySet());
                for (int from = 0; from < ids.size(); from += 1000) {
                    List<Object[]> owners = em.createQuery("select p.id, p.service.id, p.service.name from "
                            + PARTS.get(part) + " p where p.id in :ids", Object[].class)
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000))).getResultList();
                    for (Object[] owner : owners) {
                        Claim claim = claims.get((UUID) owner[0]);
                        if (!claim.serviceId().equals(owner[1])) {
                            claim.problem("The " + part + " id " + owner[0] + " is already used by another "
                                    + "service in the directory (" + owner[2] + "); each needs its own id.");
                        }
                    }
                }
            });
            window.clear();
            List<UUID> addressIds = new ArrayList<>(addressWindow.keySet());
            for (int from = 0; from < addressIds.size(); from += 1000) {
                List<Object[]> owners = em.createQuery("select a.id, a.location.id, a.location.name from Address a "
                        + "where a.id in :ids", Object[].class)
                    .setParameter("ids", addressIds.subList(from, Math.min(addressIds.size(), from + 1000)))
                    .getResultList();
                for (Object[] owner : owners) {
                    Claim claim = addressWindow.get((UUID) owner[0]);
                    if (!claim.serviceId().equals(owner[1])) {
                        claim.problem("The address id " + owner[0] + " already belongs to another location in "
                                + "the directory (" + owner[2] + "); each needs its own id.");
                    }
                }
            }
            addressWindow.clear();
        }
    }
}
