package org.counterspace.directory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.counterspace.directory.search.DirectoryIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earlier versions kept a schedule's bare UTC offset as a service's time zone ("UTC-08:00"), or UTC
 * when the data gave none, so "open now" was wrong by hours or ignored summer time. At start-up such
 * services get a place's zone, as an import gives one now ({@link TimeZones}): from their location's
 * coordinates, else the zone of their country the offset most likely stands for, else the directory's.
 */
@Component
class FixedOffsetRepair {

    private static final Logger log = LoggerFactory.getLogger(FixedOffsetRepair.class);

    private final ServiceRepository services;

    private final TimeZones zones;

    private final DirectoryIndex index;

    FixedOffsetRepair(ServiceRepository services, TimeZones zones, DirectoryIndex index) {
        this.services = services;
        this.zones = zones;
        this.index = index;
    }

    @Transactional
    void run() {
        List<ZoneId> fixed = services.distinctTimeZones().stream().filter(zone -> zone.getRules().isFixedOffset())
            .toList();
        if (fixed.isEmpty()) {
            return;
        }
        try {
            List<SupportService> found = services.findByCoverageTimeZoneIn(fixed);
            found.forEach(service -> {
                service.placeHoursIn(placeZone(service));
                index.changed(service);
            });
            log.info("Gave {} services kept at a bare UTC offset the time zone of a place", found.size());
        }
        finally {
            zones.release();
        }
    }

    private ZoneId placeZone(SupportService service) {
        Optional<ZoneId> located = service.getServiceAtLocations().stream().map(ServiceAtLocation::getLocation)
            .filter(Location::hasCoordinates).findFirst()
            .flatMap(location -> zones.at(location.getLatitude(), location.getLongitude()));
        return located.or(() -> zones.forOffset(service.getTimeZone().getRules().getOffset(Instant.EPOCH),
                service.coverage().country(), zones.directoryZone())).orElse(zones.directoryZone());
    }
}
