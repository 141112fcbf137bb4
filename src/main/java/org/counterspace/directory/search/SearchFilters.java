package org.counterspace.directory.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.counterspace.directory.Channel;
import org.counterspace.directory.NationalLines;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * The filter choices of a results page, each with its label and count already written, so the
 * template only lays them out. A choice appears when results have it or when it is chosen (so it
 * can be unticked even when nothing matches).
 */
public record SearchFilters(List<Choice> categories, List<Choice> channels, List<Choice> languages,
        List<Choice> countries, String free, String costUnknown, String openNow) {

    /**
     * One checkbox or option: {@code name} and {@code value} are what the form sends. Equal choices read
     * the same, so each is rendered once (web.PreparedParts).
     */
    public record Choice(String name, String value, String label, boolean chosen) {

        /** The element id. */
        public String id() {
            return name + "-" + value;
        }
    }

    static SearchFilters of(SearchRequest request, DirectorySearch.Results results, Map<String, String> categoryNames,
            MessageSourceAccessor messages) {
        Map<String, Map<String, Long>> facets = results.facets();
        Set<String> chosenCountry = request.country() == null ? Set.of() : Set.of(request.country());
        return new SearchFilters(
                choices("category", categoryNames.keySet(), facets.get(ServiceIndexBinder.CATEGORY),
                        request.categories(), categoryNames::get, messages),
                choices("channel", Arrays.stream(Channel.values()).map(Channel::code).toList(),
                        facets.get(ServiceIndexBinder.CHANNEL),
                        request.channels().stream().map(Channel::code).collect(Collectors.toSet()),
                        code -> messages.getMessage("directory.channel." + code), messages),
                choices("language", union(facets.get(ServiceIndexBinder.LANGUAGE).keySet(), request.languages()),
                        facets.get(ServiceIndexBinder.LANGUAGE), request.languages(),
                        code -> Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH), messages),
                choices("country", union(facets.get(ServiceIndexBinder.COUNTRY).keySet(), chosenCountry),
                        facets.get(ServiceIndexBinder.COUNTRY), chosenCountry,
                        SearchFilters::countryName, messages),
                counted(messages, messages.getMessage("directory.filters.free"), results.freeCount()),
                counted(messages, messages.getMessage("directory.filters.costUnknown"), results.costUnknownCount()),
                counted(messages, messages.getMessage("directory.filters.openNow"), results.openNowCount()));
    }

    /** The regions a person can put first: those with national lines, and the one chosen. */
    static List<Choice> regions(NationalLines nationalLines, String chosen) {
        Set<String> codes = new LinkedHashSet<>();
        nationalLines.regions().forEach(region -> codes.add(region.code()));
        codes.add(chosen);
        return codes.stream().map(code -> new Choice("region", code, countryName(code), code.equals(chosen)))
            .toList();
    }

    /** The radii a search near a place can have, in kilometres. */
    static List<Choice> radii(int chosen, MessageSourceAccessor messages) {
        return SearchRequest.RADII.stream().map(km -> new Choice("radius", String.valueOf(km),
                messages.getMessage("directory.near.km", new Object[] { km }), km == chosen)).toList();
    }

    /** The orders results can come in. */
    static List<Choice> sortOrders(SearchQuery.SortOrder chosen, MessageSourceAccessor messages) {
        return Arrays.stream(SearchQuery.SortOrder.values()).map(order -> new Choice("sort",
                order.name().toLowerCase(Locale.ROOT), messages.getMessage("directory.sort." + order.name()),
                order == chosen)).toList();
    }

    private static String countryName(String code) {
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }

    private static List<Choice> choices(String name, Iterable<String> codes, Map<String, Long> counts,
            Set<String> chosen, Function<String, String> names, MessageSourceAccessor messages) {
        List<Choice> choices = new ArrayList<>();
        for (String code : codes) {
            long count = counts.getOrDefault(code, 0L);
            if (count > 0 || chosen.contains(code)) {
                choices.add(new Choice(name, code, counted(messages, names.apply(code), count),
                        chosen.contains(code)));
            }
        }
        return choices;
    }

    private static Set<String> union(Set<String> found, Set<String> chosen) {
        Set<String> codes = new LinkedHashSet<>(found);
        codes.addAll(chosen);
        return codes;
    }

    private static String counted(MessageSourceAccessor messages, String label, long count) {
        return messages.getMessage("directory.filters.count", new Object[] { label, count });
    }
}
