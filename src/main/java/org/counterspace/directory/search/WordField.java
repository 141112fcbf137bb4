package org.counterspace.directory.search;

import java.util.Locale;

/**
 * The kinds of text a search looks in, each indexed twice (stemmed, and as plain words under
 * {@code _plain}), with the weight of a word found there. Synonyms are looked for where a service says
 * what it does, not in its places or its organisation's name.
 */
enum WordField {

    NAME(3f, true),
    /** Keywords and taxonomy terms: what curators and publishers say a service is. */
    KEYWORDS(2f, true),
    ORGANISATION(1.5f, false),
    /** The description, alternate name, eligibility, service area and the organisation's description. */
    DESCRIPTION(1f, true),
    /** Location names and descriptions, addresses, towns and postcodes. */
    PLACE(1f, false);

    private final float weight;

    private final boolean synonyms;

    WordField(float weight, boolean synonyms) {
        this.weight = weight;
        this.synonyms = synonyms;
    }

    float weight() {
        return weight;
    }

    boolean synonyms() {
        return synonyms;
    }

    String stemmed() {
        return name().toLowerCase(Locale.ROOT);
    }

    String plain() {
        return stemmed() + "_plain";
    }
}
