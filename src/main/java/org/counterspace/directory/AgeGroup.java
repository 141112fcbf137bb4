package org.counterspace.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who a service is for, by age. */
enum AgeGroup {

    ALL, YOUNG_PEOPLE, ADULTS;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<AgeGroup> fromCode(String code) {
        return Arrays.stream(values()).filter(group -> group.code().equals(code)).findFirst();
    }
}
