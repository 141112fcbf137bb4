package org.counterspace.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Search engines may read public guidance; personal pages are behind sign-in anyway. */
@RestController
class RobotsController {

    static final String ROBOTS = """
            User-agent: *
            Disallow: /exit
            Disallow: /account
            Disallow: /checkins
            Disallow: /safety-plan
            """;

    @GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    String robots() {
        return ROBOTS;
    }
}
