package org.counterspace.guidance;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.checkin.CheckInToday;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

    private final CheckInToday journal;

    GuidanceController(GuideLibrary library, GuidanceSearch search, CheckInToday journal) {
        this.library = library;
        this.search = search;
        this.journal = journal;
    }

    /** The start page: the guidance for everyone, and for a signed-in person where their day stands. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("guides", library.all());
        if (me != null) {
            model.addAttribute("today", journal.today(me.id(), me.timeZone()));
        }
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
