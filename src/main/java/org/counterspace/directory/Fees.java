package org.counterspace.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/** What a service costs, as it says it ({@code description}), and whether it is free, paid or not known. */
@Embeddable
public record Fees(@Column(name = "fees_description") String description,
        @Convert(converter = Cost.Codes.class) Cost cost) {

    public static final Fees UNKNOWN = new Fees(null, Cost.UNKNOWN);

    public boolean free() {
        return cost == Cost.FREE;
    }
}
