package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTests {

    @Test
    void areVersionSevenIdsThatCarryTheMillisecond() {
        Instant at = Instant.parse("2026-03-01T09:30:15.123Z");
        UUID id = TimeOrderedIds.at(at);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsTheDatabaseComparesThem() {
        Instant at = Instant.parse("2026-03-01T09:30:15.123Z");
        for (int i = 0; i < 1000; i++) {
            UUID earlier = TimeOrderedIds.at(at.plusMillis(i));
            UUID later = TimeOrderedIds.at(at.plusMillis(i + 1));
            assertThat(Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits())).isNegative();
        }
    }

    @Test
    void idsMadeInTheSameMillisecondStillDiffer() {
        Instant at = Instant.parse("2026-03-01T09:30:15.123Z");
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(at));
        }
        assertThat(ids).hasSize(10_000);
    }
}
