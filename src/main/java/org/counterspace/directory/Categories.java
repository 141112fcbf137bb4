package org.counterspace.directory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Our own taxonomy of kinds of support. Its ids are name-based UUIDs, so they stay the same in
 * every installation and in exported HSDS data.
 */
final class Categories {

    static final UUID TAXONOMY_ID = id("taxonomy");

    static final String TAXONOMY_NAME = "Counterspace support categories";

    static final String TAXONOMY_DESCRIPTION = "Kinds of outside support a person looking for help can filter by.";

    record Category(String code, String name, String description) {

        UUID id() {
            return termId(code);
        }
    }

    static final List<Category> ALL = List.of(
            new Category("counselling", "Counselling and therapy", "Talking therapies with a trained counsellor or therapist."),
            new Category("domestic-abuse", "Domestic abuse support", "Help for people experiencing domestic abuse or coercive control."),
            new Category("peer-support", "Peer support groups", "Groups and lines run by people with lived experience."),
            new Category("youth", "Youth services", "Services for children, teenagers and young adults."),
            new Category("lgbtq", "LGBTQ+ support", "Support for lesbian, gay, bisexual, trans, queer and questioning people."),
            new Category("community-space", "Community spaces", "Safe, calm places to spend time away from home."),
            new Category("crisis", "Crisis support", "Help right now when things feel unbearable or unsafe."));

    private Categories() {
    }

    static UUID termId(String code) {
        return id("term:" + code);
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("counterspace:directory:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
