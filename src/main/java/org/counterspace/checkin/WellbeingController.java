package org.counterspace.checkin;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.counterspace.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The optional fortnightly WHO-5 Well-Being Index and its history. */
@Controller
@RequestMapping("/checkins/wellbeing")
class WellbeingController {

    static final List<Integer> ITEMS = List.of(1, 2, 3, 4, 5);

    static final List<Integer> SCALE = List.of(5, 4, 3, 2, 1, 0);

    private final WellbeingService wellbeing;

    WellbeingController(WellbeingService wellbeing) {
        this.wellbeing = wellbeing;
    }

    @GetMapping
    String form(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("wellbeingForm", WellbeingForm.blank());
        return page(me, model);
    }

    @PostMapping
    String submit(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute WellbeingForm wellbeingForm,
            BindingResult result, Model model, RedirectAttributes flash) {
        if (result.hasErrors()) {
            return page(me, model);
        }
        WellbeingCheck saved = wellbeing.record(me.id(), LocalDate.now(me.timeZone()), wellbeingForm.answers());
        flash.addFlashAttribute("savedScore", saved.getScore());
        return "redirect:/checkins/wellbeing";
    }

    private String page(AccountPrincipal me, Model model) {
        List<WellbeingService.Result> history = wellbeing.history(me.id());
        model.addAttribute("results", history);
        model.addAttribute("due", wellbeing.isDue(me.id(), LocalDate.now(me.timeZone())));
        model.addAttribute("showSupport", !history.isEmpty() && Who5.isLow(history.get(0).score()));
        model.addAttribute("items", ITEMS);
        model.addAttribute("scale", SCALE);
        return "checkin/wellbeing";
    }
}
