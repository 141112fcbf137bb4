package org.counterspace.account;

import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time zones a person chooses from at registration and in their settings: a short list of likely
 * zones first (those of the country their browser's language names, then those of the configured
 * region, then the other countries the crisis page covers), then every other zone. Without JavaScript a
 * new account takes the configured region's main zone, not UTC: a person in the region who checks in
 * in the evening gets today's date.
 */
@Component
class TimeZoneChoices {

    /** The zones most people in each country live in, most populous first. */
    static final Map<String, List<String>> LIKELY = likely();

    static final Set<String> ALL = new LinkedHashSet<>(ZoneId.getAvailableZoneIds().stream().sorted().toList());

    private final String region;

    TimeZoneChoices(@Value("${counterspace.safety.default-region:GB}") String region) {
        this.region = region.strip().toUpperCase(Locale.ROOT);
    }

    private static Map<String, List<String>> likely() {
        Map<String, List<String>> likely = new LinkedHashMap<>();
        likely.put("GB", List.of("Europe/London"));
        likely.put("IE", List.of("Europe/Dublin"));
        likely.put("US", List.of("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
                "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu"));
        likely.put("CA", List.of("America/Toronto", "America/Vancouver", "America/Edmonton", "America/Winnipeg",
                "America/Halifax", "America/St_Johns"));
        likely.put("AU", List.of("Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane", "Australia/Perth",
                "Australia/Adelaide", "Australia/Hobart", "Australia/Darwin"));
        likely.put("NZ", List.of("Pacific/Auckland"));
        return likely;
    }

    /** A zone in a list: its id (the value sent) and what the person reads. */
    public record Choice(String id, String label) {
    }

    public record Groups(List<Choice> likely, List<Choice> others) {
    }

    /** The zone a new account gets when nothing else is chosen: the configured region's main zone. */
    String defaultZone() {
        return LIKELY.getOrDefault(region, LIKELY.get("GB")).get(0);
    }

    /** Whether a submitted value is one of the zones offered. */
    static boolean offered(String id) {
        return id != null && ALL.contains(id);
    }

    /** Likely zones first, for the country of the browser's language if we know it, then the full list. */
    Groups groups(Locale locale) {
        Set<String> order = new LinkedHashSet<>();
        Optional.ofNullable(LIKELY.get(locale.getCountry())).ifPresent(order::addAll);
        order.addAll(LIKELY.getOrDefault(region, List.of()));
        LIKELY.values().forEach(order::addAll);
        List<Choice> likely = new ArrayList<>();
        order.stream().filter(ALL::contains).forEach(id -> likely.add(new Choice(id,
                id.substring(id.indexOf('/') + 1).replace('_', ' ') + " \u2013 "
                        + ZoneId.of(id).getDisplayName(TextStyle.FULL, Locale.ENGLISH))));
        List<Choice> others = ALL.stream().filter(id -> !order.contains(id)).map(id -> new Choice(id, id)).toList();
        return new Groups(likely, others);
    }
}
