package org.counterspace.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where a listing comes from: a national line (with the {@code source} page that publishes it), demo data, or neither. */
@Embeddable
public record Provenance(@Column(name = "is_national") boolean national, boolean demo, String source) {

    public static final Provenance LOCAL = new Provenance(false, false, null);

    public static final Provenance DEMO = new Provenance(false, true, null);

    public static Provenance nationalLine(String source) {
        return new Provenance(true, false, source);
    }
}
