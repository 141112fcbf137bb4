package org.counterspace.directory.search;

import java.util.List;
import java.util.UUID;

import org.counterspace.directory.Phone;

/**
 * One search result as the result list shows it, read from fields stored in the search index so a
 * results page needs no database query. The badges fragment reads it like a service page's view.
 */
public record ServiceCard(UUID id, String name, String summary, List<String> categories, List<String> towns, boolean free,
        boolean national, boolean demo, boolean hoursKnown, boolean openNow, String phone, Double distanceKm) {

    public static final int SUMMARY_CHARS = 220;

    /** A chain with many addresses names its first few towns and counts the rest. */
    public static final int TOWNS_SHOWN = 3;

    /** The start of a description, cut at a word where it is longer than a card holds. */
    public static String summary(String description) {
        if (description == null || description.length() <= SUMMARY_CHARS) {
            return description;
        }
        String cut = description.substring(0, SUMMARY_CHARS - 1);
        int space = cut.lastIndexOf(' ');
        return (space > SUMMARY_CHARS / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
    }

    public List<String> townsShown() {
        return towns.subList(0, Math.min(TOWNS_SHOWN, towns.size()));
    }

    public int moreTowns() {
        return towns.size() - townsShown().size();
    }

    /** The main phone as a tel: link target, or null. */
    public String dialable() {
        return phone == null ? null : Phone.dialable(phone);
    }
}
