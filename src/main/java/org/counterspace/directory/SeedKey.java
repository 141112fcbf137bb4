package org.counterspace.directory;

import java.util.UUID;

/**
 * The stable name of a seeded listing ("demo:Leeds Women's Safety Line"), from which it and each of
 * its parts take name-based UUIDs: the same in every installation, so importing one installation's
 * export into another updates the seeded services instead of adding them twice.
 */
record SeedKey(String key) {

    static SeedKey demo(String serviceName) {
        return new SeedKey("demo:" + serviceName);
    }

    static SeedKey nationalLine(String region, String lineName) {
        return new SeedKey("national:" + region + ":" + lineName);
    }

    UUID id() {
        return Categories.id(key);
    }

    /** The id of one part: "phone:voice", "opening:0", "language:en", "location". */
    UUID id(String part) {
        return Categories.id(key + ":" + part);
    }
}
