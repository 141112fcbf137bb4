package org.counterspace.directory.search;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.counterspace.directory.AgeGroup;
import org.counterspace.directory.Categories;
import org.counterspace.directory.NationalLines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public search page. */
@Controller
class SearchController {

    private final DirectorySearch search;

    private final Gazetteer gazetteer;

    private final MessageSourceAccessor messages;

    private final Needs needs;

    private final NationalLines nationalLines;

    private final String defaultRegion;

    /** The region is the crisis help page's unless the directory is given its own. */
    SearchController(DirectorySearch search, Gazetteer gazetteer, Needs needs, NationalLines nationalLines,
            @Value("${counterspace.directory.region:${counterspace.safety.default-region:GB}}") String defaultRegion,
            MessageSource messageSource) {
        this.nationalLines = nationalLines;
        this.defaultRegion = defaultRegion.strip().toUpperCase(Locale.ROOT);
        this.search = search;
        this.needs = needs;
        this.gazetteer = gazetteer;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/support")
    String search(@RequestParam MultiValueMap<String, String> params, Model model) {
        SearchRequest request = SearchRequest.from(params, Categories.names().keySet(), gazetteer, defaultRegion);
        Optional<Needs.Need> need = request.asTyped() ? Optional.empty() : needs.of(request.text());
        SearchQuery query = request.toQuery(Instant.now());
        DirectorySearch.Results results = search.search(need.map(n -> query.withText(n.search())).orElse(query));
        long pageCount = Math.max(1, (results.total() + request.perPage() - 1) / request.perPage());
        model.addAttribute("req", request);
        // once a search is made, the results matter more than the introduction (first on a phone's screen)
        model.addAttribute("searched", !request.text().isEmpty() || request.hasFilters());
        model.addAttribute("results", results);
        model.addAttribute("need", need.orElse(null));
        model.addAttribute("filters", SearchFilters.of(request, results, Categories.names(), messages));
        model.addAttribute("pageCount", Math.min(pageCount, SearchRequest.MAX_PAGE));
        model.addAttribute("ageGroups", AgeGroup.values());
        model.addAttribute("regions", SearchFilters.regions(nationalLines, request.region()));
        model.addAttribute("radii", SearchFilters.radii(request.radiusKm(), messages));
        model.addAttribute("sortOrders", SearchFilters.sortOrders(request.sort(), messages));
        model.addAttribute("maxQueryChars", QueryText.MAX_CHARS);
        return "directory/search";
    }
}
