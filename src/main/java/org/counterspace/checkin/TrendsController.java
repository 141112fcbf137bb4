package org.counterspace.checkin;

import java.time.LocalDate;
import java.util.List;

import org.counterspace.account.AccountPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Trends over 30, 90 or 365 days: mood and home pull, what helps, and what has accumulated. */
@Controller
class TrendsController {

    static final List<Integer> PERIODS = List.of(30, 90, 365);

    private final CheckInService checkins;

    private final TrendReports reports;

    TrendsController(CheckInService checkins, TrendReports reports) {
        this.checkins = checkins;
        this.reports = reports;
    }

    @GetMapping("/checkins/trends")
    String trends(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(defaultValue = "30") String days,
            Model model) {
        int period = PERIODS.stream().filter(p -> p.toString().equals(days.strip())).findFirst().orElse(30);
        LocalDate today = LocalDate.now(me.timeZone());
        LocalDate from = today.minusDays(period - 1L);
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("report", reports.report(me.id(), from, today));
        model.addAttribute("accumulated", checkins.accumulated(me.id(), today));
        return "checkin/trends";
    }
}
