package org.counterspace.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class TimeZonesTests {

    private final TimeZones zones = new TimeZones("Europe/London");

    @Test
    void placesLookedUpTogetherAreAnsweredAfterTheBoundariesAreLetGoAndOthersStillFound() {
        TimeZones.Places places = new TimeZones.Places();
        places.add(37.5630, -122.3255);
        places.add(51.5072, -0.1276);

        zones.lookUp(places);

        assertThat(zones.at(37.5630, -122.3255)).contains(ZoneId.of("America/Los_Angeles"));
        assertThat(zones.at(51.5072, -0.1276)).contains(ZoneId.of("Europe/London"));
        assertThat(zones.at(40.7128, -74.0060)).contains(ZoneId.of("America/New_York"));
        zones.release();
        assertThat(zones.at(48.8566, 2.3522)).contains(ZoneId.of("Europe/Paris"));
    }
}
