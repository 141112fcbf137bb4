package org.counterspace.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What a service costs, as it says it ({@code description}), and whether it is free. */
@Embeddable
public record Fees(@Column(name = "fees_description") String description, boolean free) {

    public static final Fees UNKNOWN = new Fees(null, false);
}
