package org.counterspace.directory.search;

import java.time.Instant;

import org.counterspace.directory.AgeGroup;
import org.counterspace.directory.Categories;
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

    SearchController(DirectorySearch search, Gazetteer gazetteer, MessageSource messageSource) {
        this.search = search;
        this.gazetteer = gazetteer;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/support")
    String search(@RequestParam MultiValueMap<String, String> params, Model model) {
        SearchRequest request = SearchRequest.from(params, Categories.names().keySet(), gazetteer);
        DirectorySearch.Results results = search.search(request.toQuery(Instant.now()));
        long pageCount = Math.max(1, (results.total() + request.perPage() - 1) / request.perPage());
        model.addAttribute("req", request);
        model.addAttribute("results", results);
        model.addAttribute("filters", SearchFilters.of(request, results, Categories.names(), messages));
        model.addAttribute("pageCount", Math.min(pageCount, SearchRequest.MAX_PAGE));
        model.addAttribute("ageGroups", AgeGroup.values());
        model.addAttribute("radii", SearchRequest.RADII);
        model.addAttribute("sortOrders", SearchQuery.SortOrder.values());
        model.addAttribute("maxQueryChars", QueryText.MAX_CHARS);
        return "directory/search";
    }
}
