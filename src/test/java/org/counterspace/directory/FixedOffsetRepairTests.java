package org.counterspace.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Services an earlier version kept at a bare UTC offset are placed in a zone with summer time (retired
 * ones here, so no other test's search sees them).
 */
@SpringBootTest
class FixedOffsetRepairTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FixedOffsetRepair repair;

    UUID service(String zone, String country) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into dir_service (id, name, status, cost, age_group, channels, country, time_zone, "
                + "is_national, demo, last_modified) values (?, 'Kept at an offset', 'inactive', 'unknown', 'all', '', ?, ?, "
                + "false, false, current_timestamp)", id, country, zone);
        return id;
    }

    void locatedAt(UUID service, double latitude, double longitude) {
        UUID location = UUID.randomUUID();
        jdbc.update("insert into dir_location (id, location_type, latitude, longitude) values (?, 'physical', ?, ?)",
                location, latitude, longitude);
        jdbc.update("insert into dir_service_at_location (id, service_id, location_id) values (?, ?, ?)",
                UUID.randomUUID(), service, location);
    }

    String zone(UUID service) {
        return jdbc.queryForObject("select time_zone from dir_service where id = ?", String.class, service);
    }

    @Test
    void theZoneComesFromCoordinatesElseFromTheOffsetAndCountryElseTheDirectorysZone() {
        UUID located = service("UTC-08:00", "US");
        locatedAt(located, 47.61, -122.33);
        UUID offsetInUs = service("UTC-05:00", "US");
        UUID utcInGb = service("UTC", "GB");
        UUID unplaceable = service("UTC+05:45", "ZZ");

        repair.run();

        assertThat(zone(located)).isEqualTo("America/Los_Angeles");
        assertThat(zone(offsetInUs)).isEqualTo("America/New_York");
        assertThat(zone(utcInGb)).isEqualTo("Europe/London");
        assertThat(zone(unplaceable)).isEqualTo("Europe/London");
    }
}
