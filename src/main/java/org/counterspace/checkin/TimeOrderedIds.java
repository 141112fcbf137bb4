package org.counterspace.checkin;

import java.time.Instant;
import java.util.UUID;

/**
 * Ids in the layout of a version 7 UUID: the first 48 bits are the time in milliseconds, the other
 * 74 bits as random as {@link UUID#randomUUID()}. New rows of a table keyed by them go to the end of
 * its primary-key index instead of a random place in it, so a commit rewrites one index page that
 * concurrent commits share, not a page of its own somewhere in the index. The time in the id is
 * the time its row records anyway; it also shows in the check-in's own addresses (edit, delete),
 * which only its owner opens and which are never sent on as a referrer.
 */
final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    /** A new id for a row made at this time. */
    static UUID at(Instant time) {
        UUID random = UUID.randomUUID();
        long timeAndVersion = time.toEpochMilli() << 16 | 0x7000 | random.getMostSignificantBits() & 0x0FFF;
        return new UUID(timeAndVersion, random.getLeastSignificantBits());
    }
}
