package org.counterspace.directory.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.counterspace.directory.AgeGroup;
import org.counterspace.directory.Channel;
import org.counterspace.directory.Point;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Reads the search page's query string forgivingly: anything malformed or unknown is dropped or
 * clamped, never an error, so every shared link opens a page. Keeps the cleaned values to build
 * links (pages, removing a filter) that carry all the other filters.
 */
public record SearchRequest(String text, boolean textCut, Set<String> categories, Set<Channel> channels, boolean free,
        boolean costUnknown, Set<String> languages, AgeGroup age, String country, boolean openNow, String place,
        Point near, boolean placeUnknown, List<Gazetteer.Place> placeChoices, int radiusKm, SearchQuery.SortOrder sort,
        int page, int perPage, boolean asTyped, String region, boolean regionChosen) {

    static final int DEFAULT_PER_PAGE = 10;

    static final int MAX_PER_PAGE = 50;

    /** Deep pages cost the index more than they help anyone. */
    static final int MAX_PAGE = 500;

    static final List<Integer> RADII = List.of(5, 10, 25, 50, 100);

    /** {@code defaultRegion}: the region whose services come first unless the person chooses another. */
    static SearchRequest from(MultiValueMap<String, String> params, Set<String> knownCategories,
            Gazetteer gazetteer, String defaultRegion) {
        String text = first(params, "q").map(String::strip).orElse("");
        boolean cut = QueryText.tooLong(text);
        text = QueryText.cut(text);
        Set<String> categories = values(params, "category", knownCategories::contains);
        Set<Channel> channels = new LinkedHashSet<>();
        values(params, "channel", code -> Channel.fromCode(code).isPresent())
            .forEach(code -> channels.add(Channel.fromCode(code).orElseThrow()));
        Set<String> languages = values(params, "language", code -> code.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?"));
        AgeGroup age = first(params, "age").flatMap(AgeGroup::fromCode).orElse(null);
        String country = first(params, "country").map(c -> c.toUpperCase(Locale.ROOT))
            .filter(c -> c.matches("[A-Z]{2}")).orElse(null);
        boolean free = first(params, "free").filter("yes"::equals).isPresent();
        boolean costUnknown = first(params, "cost").filter("unknown"::equals).isPresent();
        boolean openNow = first(params, "open").filter("now"::equals).isPresent();
        String chosenRegion = first(params, "region").map(c -> c.strip().toUpperCase(Locale.ROOT))
            .filter(c -> c.matches("[A-Z]{2}")).orElse(null);
        // the words searched as typed, not as a plain-language need (Needs)
        boolean asTyped = first(params, "words").filter("as-typed"::equals).isPresent();
        String place = first(params, "place").map(String::strip).filter(p -> !p.isEmpty())
            .map(p -> p.length() > 100 ? p.substring(0, 100) : p).orElse(null);
        Point near = null;
        boolean placeUnknown = false;
        List<Gazetteer.Place> choices = List.of();
        Double lat = number(params, "lat");
        Double lon = number(params, "lon");
        Point given = lat != null && lon != null && Point.valid(lat, lon)
                ? new Point(Math.round(lat * 1000) / 1000.0, Math.round(lon * 1000) / 1000.0) : null;
        if (place != null) {
            // a choice among places of one name carries its point: two may even share a label
            Optional<Gazetteer.Place> chosen = given == null ? Optional.empty()
                    : gazetteer.labelled(place).stream().filter(p -> p.point().kilometresTo(given) < 2).findFirst();
            List<Gazetteer.Place> found = chosen.map(List::of).orElseGet(() -> gazetteer.lookup(place));
            near = found.size() == 1 ? found.get(0).point() : null;
            placeUnknown = found.isEmpty();
            choices = found.size() > 1 ? found : List.of();
        }
        else {
            near = given;
        }
        int radius = first(params, "radius").map(SearchRequest::integer).filter(RADII::contains).orElse(25);
        SearchQuery.SortOrder sort = first(params, "sort").flatMap(SearchRequest::sortOrder)
            .orElse(near != null && text.isEmpty() ? SearchQuery.SortOrder.DISTANCE : SearchQuery.SortOrder.RELEVANCE);
        int perPage = clamp(first(params, "per_page").map(SearchRequest::integer).orElse(DEFAULT_PER_PAGE), 1,
                MAX_PER_PAGE);
        int page = clamp(first(params, "page").map(SearchRequest::integer).orElse(1), 1, MAX_PAGE);
        return new SearchRequest(text, cut, categories, channels, free, costUnknown, languages, age, country, openNow,
                place, near, placeUnknown, choices, radius, sort, page, perPage, asTyped,
                chosenRegion == null ? defaultRegion : chosenRegion, chosenRegion != null);
    }

    /** This search near one of the places a shared name may mean, from its first page. */
    public String urlNear(Gazetteer.Place choice) {
        return new SearchRequest(text, textCut, categories, channels, free, costUnknown, languages, age, country,
                openNow, choice.label(), choice.point(), false, List.of(), radiusKm, sort, 1, perPage, asTyped, region,
                regionChosen).url(1);
    }

    SearchQuery toQuery(Instant now) {
        return new SearchQuery(text, categories, channels, free, costUnknown, languages, age, country, openNow, near,
                radiusKm, sort, page, perPage, now, region);
    }

    public boolean hasFilters() {
        return !categories.isEmpty() || !channels.isEmpty() || free || costUnknown || !languages.isEmpty()
                || age != null || country != null || openNow || near != null;
    }

    /** This search for the words as typed, instead of the need they describe. */
    public String asTypedUrl() {
        return new SearchRequest(text, textCut, categories, channels, free, costUnknown, languages, age, country,
                openNow, place, near, placeUnknown, placeChoices, radiusKm, sort, 1, perPage, true, region, regionChosen)
            .url(1);
    }

    /** This search as a link, on another page. */
    public String url(int toPage) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/support");
        if (!text.isEmpty()) {
            uri.queryParam("q", text);
        }
        if (asTyped) {
            uri.queryParam("words", "as-typed");
        }
        categories.forEach(c -> uri.queryParam("category", c));
        channels.forEach(c -> uri.queryParam("channel", c.code()));
        if (free) {
            uri.queryParam("free", "yes");
        }
        if (costUnknown) {
            uri.queryParam("cost", "unknown");
        }
        languages.forEach(l -> uri.queryParam("language", l));
        if (age != null) {
            uri.queryParam("age", age.code());
        }
        if (country != null) {
            uri.queryParam("country", country);
        }
        if (openNow) {
            uri.queryParam("open", "now");
        }
        if (regionChosen) {
            uri.queryParam("region", region);
        }
        if (place != null) {
            uri.queryParam("place", place);
        }
        if (near != null) {
            uri.queryParam("lat", near.latitude()).queryParam("lon", near.longitude());
        }
        if (near != null && radiusKm != 25) {
            uri.queryParam("radius", radiusKm);
        }
        if (sort != SearchQuery.SortOrder.RELEVANCE) {
            uri.queryParam("sort", sort.name().toLowerCase(Locale.ROOT));
        }
        if (perPage != DEFAULT_PER_PAGE) {
            uri.queryParam("per_page", perPage);
        }
        if (toPage > 1) {
            uri.queryParam("page", toPage);
        }
        // every value encoded strictly: a '+' would read back as a space, and '{' as a template variable
        MultiValueMap<String, String> encoded = new LinkedMultiValueMap<>();
        uri.build().getQueryParams().forEach((name, values) -> values
            .forEach(value -> encoded.add(name, UriUtils.encode(value, StandardCharsets.UTF_8))));
        return UriComponentsBuilder.fromPath("/support").queryParams(encoded).build(true).toUriString();
    }

    private static Optional<String> first(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? Optional.empty()
                : Optional.of(values.get(0));
    }

    private static Set<String> values(MultiValueMap<String, String> params, String name, Predicate<String> valid) {
        Set<String> result = new LinkedHashSet<>();
        List<String> values = params.get(name);
        if (values != null) {
            values.stream().limit(20).filter(v -> v != null && v.length() <= 40).map(String::strip).filter(valid)
                .forEach(result::add);
        }
        return result;
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.strip());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double number(MultiValueMap<String, String> params, String name) {
        try {
            return first(params, name).map(v -> Double.valueOf(v.strip())).orElse(null);
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<SearchQuery.SortOrder> sortOrder(String value) {
        for (SearchQuery.SortOrder order : SearchQuery.SortOrder.values()) {
            if (order.name().equalsIgnoreCase(value)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }

    private static int clamp(Integer value, int min, int max) {
        return value == null ? min : Math.max(min, Math.min(max, value));
    }
}
