package org.counterspace.directory.listing;

import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.directory.RateLimits;
import org.counterspace.directory.curation.ModerationService;
import org.counterspace.directory.saved.BookmarkService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Public listing pages: a service, report a problem with it, suggest a new one. */
@Controller
class ListingController {

    private final DirectoryPages pages;

    private final ModerationService moderation;

    private final BookmarkService bookmarks;

    private final RateLimits reportLimits;

    ListingController(DirectoryPages pages, ModerationService moderation, BookmarkService bookmarks,
            @Qualifier("reportLimits") RateLimits reportLimits) {
        this.pages = pages;
        this.moderation = moderation;
        this.bookmarks = bookmarks;
        this.reportLimits = reportLimits;
    }

    @GetMapping("/support/services/{id}")
    String service(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
        if (!model.containsAttribute("reportForm")) {
            model.addAttribute("reportForm", new ReportForm(null));
        }
        return servicePage(PathIds.parse(id), me, model);
    }

    private String servicePage(UUID id, AccountPrincipal me, Model model) {
        ServiceView service = pages.service(id, Instant.now())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("service", service);
        model.addAttribute("saved", me != null && bookmarks.isSaved(me.id(), id));
        return "directory/service";
    }

    @PostMapping("/support/services/{id}/report")
    Object report(@PathVariable String id, @Valid @ModelAttribute("reportForm") ReportForm form,
            BindingResult errors, @AuthenticationPrincipal AccountPrincipal me, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        UUID serviceId = PathIds.parse(id);
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
            model.addAttribute("suggestForm", new SuggestForm(null, null, null));
        }
        return "directory/suggest";
    }

    @PostMapping("/support/suggest")
    Object suggest(@Valid @ModelAttribute("suggestForm") SuggestForm form, BindingResult errors,
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

    private static ModelAndView tooMany() {
        ModelAndView page = new ModelAndView("directory/too-many");
        page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
        return page;
    }
}
