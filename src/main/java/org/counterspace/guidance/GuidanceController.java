package org.counterspace.guidance;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

@Controller
class GuidanceController {

    private final GuideLibrary library;

    private final GuidanceSearch search;

    GuidanceController(GuideLibrary library, GuidanceSearch search) {
        this.library = library;
        this.search = search;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("guides", library.all());
        return "home";
    }

    @GetMapping("/guidance")
    String index(@RequestParam(name = "q", required = false) String query, Model model) {
        model.addAttribute("guides", library.all());
        if (query != null && !query.isBlank()) {
            String cut = GuidanceSearch.cut(query);
            model.addAttribute("query", cut);
            model.addAttribute("hits", search.search(cut));
        }
        return "guidance/index";
    }

    @GetMapping("/guidance/{slug}")
    String guide(@PathVariable String slug, Model model) {
        Guide guide = library.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("guide", guide);
        model.addAttribute("previous", library.previous(guide).orElse(null));
        model.addAttribute("next", library.next(guide).orElse(null));
        return "guidance/guide";
    }
}
