package org.counterspace.account;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What happened to the account lately, in the owner's own time zone. */
@Controller
class ActivityController {

    static final int SHOWN = 20;

    private final ActivityLog activity;

    ActivityController(ActivityLog activity) {
        this.activity = activity;
    }

    /** One line of the page: when (as read and as machine time), what, how many times in a row. */
    record Line(String when, Instant at, ActivityLog.Kind kind, int times) {
    }

    @GetMapping("/account/activity")
    String activity(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        List<Line> lines = activity.latest(me.id(), SHOWN).stream()
            .map(entry -> new Line(ActivityLog.dayAndTime(entry.at(), me.timeZone()), entry.at(), entry.kind(),
                    entry.times()))
            .toList();
        model.addAttribute("lines", lines);
        model.addAttribute("zone", me.timeZone().getId());
        return "account/activity";
    }
}
