package org.counterspace.directory;

import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/** Who a service is for and how to get it: eligibility, applying, accessibility, interpreting and ages. */
@Embeddable
public record Access(String eligibilityDescription, String applicationProcess, String accessibility,
        String interpretationServices, Integer minimumAge, Integer maximumAge,
        @Convert(converter = AgeGroup.Codes.class) AgeGroup ageGroup) {

    public static final Access ANYONE = forAges(AgeGroup.ALL);

    public static Access forAges(AgeGroup ageGroup) {
        return new Access(null, null, null, null, null, null, ageGroup);
    }
}
