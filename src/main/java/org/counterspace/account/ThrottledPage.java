package org.counterspace.account;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** "Please wait" (429) with the time until the next attempt; the same for every username. */
final class ThrottledPage {

    static final String WAIT_ATTRIBUTE = ThrottledPage.class.getName() + ".wait";

    private ThrottledPage() {
    }

    static ModelAndView of(Duration wait, HttpServletResponse response) {
        long seconds = retryAfter(wait, response);
        ModelAndView page = new ModelAndView("account/throttled");
        page.addObject("minutes", (seconds + 59) / 60);
        page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
        return page;
    }

    /** Sets the 429 status and Retry-After header; returns the wait in whole seconds. */
    static long retryAfter(Duration wait, HttpServletResponse response) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        return seconds;
    }
}
