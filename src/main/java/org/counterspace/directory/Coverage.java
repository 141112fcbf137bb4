package org.counterspace.directory;

import java.time.ZoneId;

import jakarta.persistence.Embeddable;

/**
 * Where a service works: its country (ISO 3166 code) and region, the area it serves, and the time
 * zone its opening hours are in.
 */
@Embeddable
public record Coverage(String country, String region, ZoneId timeZone, String serviceArea) {

    public static final Coverage UNITED_KINGDOM = new Coverage("GB", null, ZoneId.of("Europe/London"), null);
}
