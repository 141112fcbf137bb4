package org.counterspace.checkin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;

import org.counterspace.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The quick check-in, its history (list and calendar), and editing or deleting one entry. */
@Controller
@RequestMapping("/checkins")
class CheckInController {

    private final CheckInService checkins;

    private final CheckInHistory history;

    private final WellbeingService wellbeing;

    CheckInController(CheckInService checkins, CheckInHistory history, WellbeingService wellbeing) {
        this.checkins = checkins;
        this.history = history;
        this.wellbeing = wellbeing;
    }

    /**
     * Only the form's own fields are bound (hand-made indexed names never get this far: the web
     * module's input boundary answers them with a 400). The form has no "_field" markers (nothing is
     * bound onto an existing object). Its only parameter with that prefix is "_csrf", which the binder
     * would take for the marker of a "csrf" property and look up through an exception on every post.
     */
    @InitBinder("checkInForm")
    void checkInFormBinding(WebDataBinder binder) {
        binder.setAllowedFields("day", "mood", "homePull", "environments", "smallWin", "note", "toDiscuss");
        binder.setFieldMarkerPrefix(null);
    }

    @GetMapping
    String history(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String environment,
            @RequestParam(defaultValue = "0") String page, Model model) {
        HistoryFilter filter = HistoryFilter.parse(from, to, environment);
        CheckInHistory.HistoryPage found = history.page(me.id(), filter, HistoryFilter.pageNumber(page));
        model.addAttribute("page", found.entries());
        model.addAttribute("entries", found.entries().getContent());
        model.addAttribute("environments", found.environments());
        model.addAttribute("filter", filter);
        model.addAttribute("filterInvalid", filter.invalid());
        model.addAttribute("filtered", filter.active());
        WellbeingService.Status wellbeingStatus = wellbeing.status(me.id(), LocalDate.now(me.timeZone()));
        model.addAttribute("wellbeingDue", wellbeingStatus.due());
        boolean afterHardDay = Boolean.TRUE.equals(model.getAttribute("showSupport"));
        model.addAttribute("showSupport", afterHardDay || found.latestWasHardDay() || wellbeingStatus.low());
        return "checkin/history";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("checkInForm", CheckInForm.blank(LocalDate.now(me.timeZone())));
        return form(me, model, null, Set.of());
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute CheckInForm checkInForm,
            BindingResult result, Model model, RedirectAttributes flash) {
        checkins.validate(me.id(), me.timeZone(), checkInForm, result);
        Optional<CheckIn> recorded = result.hasErrors() ? Optional.empty()
                : checkins.recordWithinLimit(me.id(), checkInForm.toEntry(), result);
        if (recorded.isEmpty()) {
            return form(me, model, null, Set.of());
        }
        CheckIn saved = recorded.get();
        flash.addFlashAttribute("notice", "checkin.saved");
        flash.addFlashAttribute("showSupport", saved.getMood().isHardDayWith(saved.getHomePull()));
        return "redirect:/checkins";
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id, Model model) {
        model.addAttribute("entry", CheckInView.of(checkins.find(me.id(), id), checkins.environmentsById(me.id())));
        return "checkin/show";
    }

    @GetMapping("/{id}/edit")
    String editForm(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id, Model model) {
        CheckIn checkIn = checkins.find(me.id(), id);
        model.addAttribute("checkInForm", CheckInForm.of(checkIn));
        return form(me, model, id, checkIn.getEnvironmentIds());
    }

    @PostMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id,
            @Valid @ModelAttribute CheckInForm checkInForm, BindingResult result, Model model, RedirectAttributes flash) {
        CheckIn checkIn = checkins.find(me.id(), id);
        checkins.validate(me.id(), me.timeZone(), checkInForm, result);
        if (result.hasErrors()) {
            return form(me, model, id, checkIn.getEnvironmentIds());
        }
        checkins.update(me.id(), id, checkInForm.toEntry());
        flash.addFlashAttribute("notice", "checkin.updated");
        return "redirect:/checkins";
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id, Model model) {
        model.addAttribute("entry", CheckInView.of(checkins.find(me.id(), id), checkins.environmentsById(me.id())));
        return "checkin/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id, RedirectAttributes flash) {
        checkins.delete(me.id(), id);
        flash.addFlashAttribute("notice", "checkin.deleted");
        return "redirect:/checkins";
    }

    @GetMapping("/calendar")
    String calendar(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String month,
            Model model) {
        YearMonth shown = parseMonth(month, YearMonth.now(me.timeZone()));
        Map<LocalDate, Long> counts = checkins.calendar(me.id(), shown);
        model.addAttribute("month", shown);
        model.addAttribute("weeks", weeks(shown));
        model.addAttribute("counts", counts);
        model.addAttribute("weekdays", Arrays.asList(DayOfWeek.values()));
        return "checkin/calendar";
    }

    static YearMonth parseMonth(String month, YearMonth fallback) {
        if (month == null || month.isBlank()) {
            return fallback;
        }
        try {
            YearMonth parsed = YearMonth.parse(month.strip());
            return parsed.getYear() < 1900 || parsed.getYear() > 9999 ? fallback : parsed;
        }
        catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /** The month as weeks from Monday to Sunday; days outside the month are null. */
    static List<List<LocalDate>> weeks(YearMonth month) {
        List<List<LocalDate>> weeks = new ArrayList<>();
        LocalDate first = month.atDay(1);
        LocalDate cursor = first.minusDays(first.getDayOfWeek().getValue() - 1L);
        while (!cursor.isAfter(month.atEndOfMonth())) {
            List<LocalDate> week = new ArrayList<>(7);
            for (int i = 0; i < 7; i++) {
                week.add(YearMonth.from(cursor).equals(month) ? cursor : null);
                cursor = cursor.plusDays(1);
            }
            weeks.add(week);
        }
        return weeks;
    }

    private String form(AccountPrincipal me, Model model, UUID editing, Set<UUID> alreadyChosen) {
        Set<UUID> keep = new HashSet<>(alreadyChosen);
        List<CounterEnvironment> offered = checkins.environments(me.id()).stream()
            .filter(e -> !e.isArchived() || keep.contains(e.getId()))
            .toList();
        model.addAttribute("groups", EnvironmentGroup.of(offered));
        model.addAttribute("moods", Scale.MOOD.choices());
        model.addAttribute("pulls", Scale.HOME_PULL.choices());
        model.addAttribute("editing", editing);
        model.addAttribute("today", LocalDate.now(me.timeZone()));
        return "checkin/form";
    }
}
