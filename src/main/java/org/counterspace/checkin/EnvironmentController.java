package org.counterspace.checkin;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.counterspace.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own list of counter-environments: add, rename, archive and bring back. */
@Controller
@RequestMapping("/checkins/environments")
class EnvironmentController {

    private final CheckInService checkins;

    EnvironmentController(CheckInService checkins) {
        this.checkins = checkins;
    }

    @GetMapping
    String list(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("environmentForm", new EnvironmentForm(null, null));
        return page(me, model);
    }

    @PostMapping
    String add(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute EnvironmentForm environmentForm,
            BindingResult result, Model model, RedirectAttributes flash) {
        if (!result.hasFieldErrors("name") && checkins.nameTaken(me.id(), environmentForm.name(), null)) {
            result.rejectValue("name", "checkin.error.name.taken");
        }
        if (result.hasErrors()) {
            return page(me, model);
        }
        CounterEnvironment added = checkins.addEnvironment(me.id(), environmentForm.environmentKind(), environmentForm.name());
        flash.addFlashAttribute("notice", "checkin.environments.added");
        flash.addFlashAttribute("noticeName", added.getName());
        return "redirect:/checkins/environments";
    }

    @PostMapping("/{id}/rename")
    String rename(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id,
            @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes flash) {
        CounterEnvironment environment = checkins.ownEnvironment(me.id(), id);
        String problem = name.isBlank() ? "checkin.error.name.required"
                : name.strip().length() > CounterEnvironment.NAME_MAX ? "checkin.error.name.size"
                : name.contains(JournalCsv.SEPARATOR) ? "checkin.error.name.semicolon"
                : checkins.nameTaken(me.id(), name, id) ? "checkin.error.name.taken" : null;
        if (problem != null) {
            model.addAttribute("environmentForm", new EnvironmentForm(null, null));
            model.addAttribute("renameId", environment.getId());
            model.addAttribute("renameValue", name);
            model.addAttribute("renameError", problem);
            return page(me, model);
        }
        checkins.renameEnvironment(me.id(), id, name);
        flash.addFlashAttribute("notice", "checkin.environments.renamed");
        flash.addFlashAttribute("noticeName", name.strip());
        return "redirect:/checkins/environments";
    }

    @PostMapping("/{id}/archive")
    String archive(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        return setArchived(me, id, true, flash);
    }

    @PostMapping("/{id}/unarchive")
    String unarchive(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        return setArchived(me, id, false, flash);
    }

    private String setArchived(AccountPrincipal me, UUID id, boolean archived, RedirectAttributes flash) {
        checkins.archiveEnvironment(me.id(), id, archived);
        flash.addFlashAttribute("notice", archived ? "checkin.environments.archived" : "checkin.environments.unarchived");
        flash.addFlashAttribute("noticeName", checkins.ownEnvironment(me.id(), id).getName());
        return "redirect:/checkins/environments";
    }

    private String page(AccountPrincipal me, Model model) {
        List<CounterEnvironment> all = checkins.environments(me.id());
        model.addAttribute("groups", EnvironmentGroup.of(all.stream().filter(e -> !e.isArchived()).toList()));
        model.addAttribute("archived", all.stream().filter(CounterEnvironment::isArchived).toList());
        model.addAttribute("kinds", EnvironmentKind.values());
        return "checkin/environments";
    }
}
