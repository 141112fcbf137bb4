package org.counterspace.safety;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.checkin.CounterEnvironments;
import org.counterspace.directory.Bookmarks;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own safety plan: read, edit (a new version each time), earlier versions. */
@Controller
@RequestMapping("/safety-plan")
class SafetyPlanController {

    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final SafetyPlanService plans;

    private final Bookmarks bookmarks;

    private final CounterEnvironments environments;

    SafetyPlanController(SafetyPlanService plans, Bookmarks bookmarks, CounterEnvironments environments) {
        this.plans = plans;
        this.bookmarks = bookmarks;
        this.environments = environments;
    }

    /** A version as a page shows it: when it was saved, in the person's own time zone. */
    public record Shown(UUID id, int version, String savedAt, SafetyPlanForm plan) {
    }

    @GetMapping
    String plan(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        plans.latest(me.id()).ifPresent(latest -> model.addAttribute("shown", shown(latest, me)));
        model.addAttribute("bookmarks", bookmarks.savedBy(me.id()));
        model.addAttribute("latest", true);
        return "safety/plan";
    }

    @GetMapping("/edit")
    String edit(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("form", plans.latest(me.id()).map(SafetyPlanVersion::content).orElseGet(SafetyPlanForm::empty));
        return editPage(me, model);
    }

    @PostMapping
    String save(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") SafetyPlanForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return editPage(me, model);
        }
        try {
            redirect.addFlashAttribute("savedVersion", plans.save(me.id(), form).version());
        }
        catch (DataIntegrityViolationException savedElsewhereAtTheSameMoment) {
            model.addAttribute("conflict", true);
            return editPage(me, model);
        }
        return "redirect:/safety-plan";
    }

    @GetMapping("/versions")
    String versions(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        List<Shown> versions = plans.versions(me.id()).stream().map(v -> shown(v, me)).toList();
        model.addAttribute("versions", versions);
        model.addAttribute("versionsKept", plans.versionsKept());
        return "safety/plan-versions";
    }

    @GetMapping("/versions/{id}")
    String version(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id, Model model) {
        SafetyPlanVersion version = plans.version(me.id(), id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("shown", shown(version, me));
        model.addAttribute("bookmarks", List.of());
        model.addAttribute("latest", false);
        return "safety/plan";
    }

    private String editPage(AccountPrincipal me, Model model) {
        model.addAttribute("steps", SafetyPlanForm.STEPS);
        model.addAttribute("max", SafetyPlanForm.MAX);
        model.addAttribute("offers", offers(me, (SafetyPlanForm) model.getAttribute("form")));
        return "safety/plan-edit";
    }

    /**
     * What the edit page offers to add under the steps where they fit: the person's practices under
     * "things I can do on my own", their spaces and people under "people and places", their saved
     * services under "professionals and services"; each less what the step already says.
     */
    private Map<String, List<String>> offers(AccountPrincipal me, SafetyPlanForm form) {
        CounterEnvironments.Names names = environments.names(me.id());
        List<String> services = bookmarks.savedBy(me.id()).stream()
            .map(service -> service.phone() == null ? service.name() : service.name() + " \u00b7 " + service.phone())
            .toList();
        return Map.of("onMyOwn", notSaid(form.onMyOwn(), names.practices()),
                "counterSpaces", notSaid(form.counterSpaces(), names.spacesAndPeople()),
                "professionals", notSaid(form.professionals(), services));
    }

    private static List<String> notSaid(String text, List<String> choices) {
        return choices.stream().filter(choice -> !SafetyPlanForm.says(text, choice)).toList();
    }

    private static Shown shown(SafetyPlanVersion version, AccountPrincipal me) {
        return new Shown(version.id(), version.version(), SAVED_AT.format(version.savedAt().atZone(me.timeZone())),
                version.content());
    }
}
