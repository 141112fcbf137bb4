package org.counterspace.directory;

import jakarta.persistence.Embeddable;

/** What a service says about itself beside its name: another name, a description, a website and an email. */
@Embeddable
public record About(String alternateName, String description, String url, String email) {

    public static final About NOTHING = new About(null, null, null, null);
}
