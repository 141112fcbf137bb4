package org.counterspace.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.counterspace.account.AccountPrincipal;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Public directory pages: search, a service, report a problem, suggest a service. */
@Controller
class SupportController {

    private final DirectorySearch search;

    private final DirectoryPages pages;

    private final Gazetteer gazetteer;

    private final Moderation moderation;

    private final SavedServices saved;

    private final RateLimits reportLimits;

    private final MessageSourceAccessor messages;

    SupportController(DirectorySearch search, DirectoryPages pages, Gazetteer gazetteer, Moderation moderation,
            SavedServices saved, @Qualifier("reportLimits") RateLimits reportLimits, MessageSource messageSource) {
        this.messages = new MessageSourceAccessor(messageSource);
        this.search = search;
        this.pages = pages;
        this.gazetteer = gazetteer;
        this.moderation = moderation;
        this.saved = saved;
        this.reportLimits = reportLimits;
    }

    @GetMapping("/support")
    String search(@RequestParam MultiValueMap<String, String> params, Model model) {
        SearchRequest request = SearchRequest.from(params, pages.categoryNames().keySet(), gazetteer);
        DirectorySearch.Results results = search.search(request.toQuery(Instant.now()));
        long pageCount = Math.max(1, (results.total() + request.perPage() - 1) / request.perPage());
        model.addAttribute("req", request);
        model.addAttribute("results", results);
        model.addAttribute("filters", SearchFilters.of(request, results, pages.categoryNames(), messages));
        model.addAttribute("pageCount", Math.min(pageCount, SearchRequest.MAX_PAGE));
        model.addAttribute("ageGroups", AgeGroup.values());
        model.addAttribute("radii", SearchRequest.RADII);
        model.addAttribute("places", gazetteer.places());
        return "directory/search";
    }

    @GetMapping("/support/services/{id}")
    String service(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
        if (!model.containsAttribute("reportForm")) {
            model.addAttribute("reportForm", new Forms.ReportForm(null));
        }
        return servicePage(parse(id), me, model);
    }

    private String servicePage(UUID id, AccountPrincipal me, Model model) {
        ServiceView service = pages.service(id, Instant.now())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("service", service);
        model.addAttribute("saved", me != null && saved.isSaved(me.id(), id));
        return "directory/service";
    }

    @PostMapping("/support/services/{id}/report")
    Object report(@PathVariable String id, @Valid @ModelAttribute("reportForm") Forms.ReportForm form,
            BindingResult errors, @AuthenticationPrincipal AccountPrincipal me, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        UUID serviceId = parse(id);
        if (errors.hasErrors()) {
            return servicePage(serviceId, me, model);
        }
        if (!reportLimits.tryAcquire(request.getRemoteAddr())) {
            return tooMany();
        }
        moderation.report(serviceId, form.message());
        redirect.addFlashAttribute("reported", true);
        return "redirect:/support/services/" + serviceId;
    }

    @GetMapping("/support/suggest")
    String suggestForm(Model model) {
        if (!model.containsAttribute("suggestForm")) {
            model.addAttribute("suggestForm", new Forms.SuggestForm(null, null, null));
        }
        return "directory/suggest";
    }

    @PostMapping("/support/suggest")
    Object suggest(@Valid @ModelAttribute("suggestForm") Forms.SuggestForm form, BindingResult errors,
            HttpServletRequest request, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "directory/suggest";
        }
        if (!reportLimits.tryAcquire(request.getRemoteAddr())) {
            return tooMany();
        }
        moderation.suggest(form.name(), form.contact(), form.message());
        redirect.addFlashAttribute("suggested", true);
        return "redirect:/support/suggest";
    }

    static ModelAndView tooMany() {
        ModelAndView page = new ModelAndView("directory/too-many");
        page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
        return page;
    }

    /** A malformed id is a page that does not exist. */
    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        }
        catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
