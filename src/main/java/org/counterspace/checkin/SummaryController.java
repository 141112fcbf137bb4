package org.counterspace.checkin;

import java.time.LocalDate;
import org.counterspace.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A printable summary for the next therapy session: the trend, what helped, small wins and the
 * notes marked "to discuss". By default it covers the time since the last summary marked as shared.
 */
@Controller
@RequestMapping("/checkins/summary")
class SummaryController {

    private final SummaryService summaries;

    private final TrendReports reports;

    SummaryController(SummaryService summaries, TrendReports reports) {
        this.reports = reports;
        this.summaries = summaries;
    }

    @GetMapping
    String summary(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        Period period = period(me, from, to);
        SummaryService.Lists lists = summaries.lists(me.id(), period.from(), period.to());
        model.addAttribute("from", period.from());
        model.addAttribute("to", period.to());
        model.addAttribute("periodAdjusted", period.adjusted());
        model.addAttribute("periodShortened", period.shortened());
        model.addAttribute("report", reports.report(me.id(), period.from(), period.to()));
        model.addAttribute("wins", lists.wins());
        model.addAttribute("toDiscuss", lists.toDiscuss());
        model.addAttribute("listMax", SummaryService.LIST_MAX);
        return "checkin/summary";
    }

    @PostMapping("/mark")
    String mark(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, RedirectAttributes flash) {
        Period period = period(me, from, to);
        summaries.mark(me.id(), period.from(), period.to());
        flash.addFlashAttribute("marked", period.to().plusDays(1));
        return "redirect:/checkins/summary?from=" + period.from() + "&to=" + period.to();
    }

    record Period(LocalDate from, LocalDate to, boolean adjusted, boolean shortened) {
    }

    /**
     * The asked-for period, kept between 1900 and today and to one year at most (a longer one ends
     * where asked and starts a year before), with the defaults filling any gap.
     */
    private Period period(AccountPrincipal me, String fromText, String toText) {
        LocalDate today = LocalDate.now(me.timeZone());
        HistoryFilter asked = HistoryFilter.parse(fromText, toText, null);
        LocalDate to = asked.to() == null || asked.to().isAfter(today) ? today : asked.to();
        boolean toMoved = asked.to() != null && !to.equals(asked.to());
        if (to.isBefore(CheckInService.EARLIEST)) {
            to = CheckInService.EARLIEST;
            toMoved = true;
        }
        LocalDate from = asked.from() == null ? summaries.defaultFrom(me.id(), today) : asked.from();
        if (from.isBefore(CheckInService.EARLIEST)) {
            from = CheckInService.EARLIEST;
        }
        boolean adjusted = asked.invalid() || from.isAfter(to) || toMoved;
        if (from.isAfter(to)) {
            from = to;
        }
        LocalDate yearBefore = to.minusYears(1).plusDays(1);
        boolean shortened = from.isBefore(yearBefore);
        return new Period(shortened ? yearBefore : from, to, adjusted, shortened);
    }
}
