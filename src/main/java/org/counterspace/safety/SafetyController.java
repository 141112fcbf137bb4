package org.counterspace.safety;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.counterspace.directory.NationalLines;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SafetyController {

    private final NationalLines nationalLines;

    private final SafetyProperties properties;

    SafetyController(NationalLines nationalLines, SafetyProperties properties) {
        this.nationalLines = nationalLines;
        this.properties = properties;
    }

    /** Crisis help: the chosen region first, then every other region we know. */
    @GetMapping("/help")
    String help(@RequestParam(name = "region", required = false) String regionCode, Model model) {
        NationalLines.Region chosen = nationalLines.region(regionCode)
            .or(() -> nationalLines.region(properties.defaultRegion()))
            .orElse(nationalLines.regions().get(0));
        List<NationalLines.Region> others = new ArrayList<>(nationalLines.regions());
        others.remove(chosen);
        model.addAttribute("chosen", chosen);
        model.addAttribute("others", others);
        model.addAttribute("regions", nationalLines.regions());
        model.addAttribute("reviewed", nationalLines.reviewed());
        return "safety/help";
    }

    @GetMapping("/privacy")
    String privacy() {
        return "safety/privacy";
    }

    /**
     * Quick exit: ends any session, so the cookie the browser keeps no longer opens anything, and
     * replaces this page with a neutral one. A plain link, so it works without JavaScript.
     */
    @GetMapping("/exit")
    void exit(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        response.setHeader("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
        response.sendRedirect(properties.exitUrl());
    }
}
