package org.counterspace.account;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in page; Spring Security handles the POST (see {@link AccountSecurity}). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(Model model) {
        if (!model.containsAttribute("username")) {
            model.addAttribute("username", "");
        }
        if (!model.containsAttribute("sharedDevice")) {
            model.addAttribute("sharedDevice", false);
        }
        return "account/login";
    }

    /** Where a throttled sign-in is forwarded to, with the wait as a request attribute. */
    @RequestMapping("/throttled")
    ModelAndView throttled(HttpServletRequest request, HttpServletResponse response) {
        Object wait = request.getAttribute(ThrottledPage.WAIT_ATTRIBUTE);
        return ThrottledPage.of(wait instanceof Duration duration ? duration : Duration.ofMinutes(1), response);
    }
}
