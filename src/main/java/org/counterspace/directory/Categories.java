package org.counterspace.directory;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Our own taxonomy of kinds of support. Its ids are name-based UUIDs, so they stay the same in
 * every installation and in exported HSDS data.
 */
public final class Categories {

    public static final UUID TAXONOMY_ID = id("taxonomy");

    public static final String TAXONOMY_NAME = "Counterspace support categories";

    public static final String TAXONOMY_DESCRIPTION = "Kinds of outside support a person looking for help can filter by.";

    public record Category(String code, String name, String description) {

        public UUID id() {
            return termId(code);
        }
    }

    public static final List<Category> ALL = List.of(
            new Category("counselling", "Counselling and therapy", "Talking therapies with a trained counsellor or therapist."),
            new Category("domestic-abuse", "Domestic abuse support", "Help for people experiencing domestic abuse or coercive control."),
            new Category("peer-support", "Peer support groups", "Groups and lines run by people with lived experience."),
            new Category("youth", "Youth services", "Services for children, teenagers and young adults."),
            new Category("lgbtq", "LGBTQ+ support", "Support for lesbian, gay, bisexual, trans, queer and questioning people."),
            new Category("community-space", "Community spaces", "Safe, calm places to spend time away from home."),
            new Category("crisis", "Crisis support", "Help right now when things feel unbearable or unsafe."));

    private Categories() {
    }

    /** Category code to name, in our order. */
    public static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        ALL.forEach(category -> names.put(category.code(), category.name()));
        return names;
    }

    public static UUID termId(String code) {
        return id("term:" + code);
    }

    public static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("counterspace:directory:" + name).getBytes(StandardCharsets.UTF_8));
    }
}
