package org.counterspace.safety;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.counterspace.directory.NationalLines;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SafetyController {

    /**
     * The servlet container's and Spring Session's session cookies, the quick-exit notice's, and the
     * account's known-device cookie (also where Clear-Site-Data does not reach: plain HTTP, older browsers).
     */
    static final List<String> EXPIRED_COOKIES = List.of("JSESSIONID", "SESSION", SafetyPageFilter.NOTICE_COOKIE,
            "device");

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
     * Quick exit: ends any session and replaces the session cookie with an expired one, so nothing the
     * browser keeps opens a page again, then sends the person to a neutral page. A plain link, so it
     * works without JavaScript; with JavaScript the page is blanked first and left with location.replace.
     * No new cookie is set: the fewer traces the better.
     */
    @GetMapping("/exit")
    void exit(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        for (String cookie : EXPIRED_COOKIES) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(cookie, "")
                .path(request.getContextPath() + "/")
                .maxAge(0)
                .httpOnly(true)
                .sameSite("Lax")
                .build()
                .toString());
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
        response.sendRedirect(properties.exitUrl());
    }
}
