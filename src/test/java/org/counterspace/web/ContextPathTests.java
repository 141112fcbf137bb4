package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.counterspace.support.SiteWalk;
import org.counterspace.support.SomethingEverywhere;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The app deployed under a context path (behind a proxy at /cs, say): walking every page a signed-in
 * curator reaches, every link, form and asset stays under it, including the parts of pages prepared once
 * and shared (the layout, search cards, check-in cards), which are kept apart per context path; and so
 * do the calm pages written outside Spring MVC.
 */
@SpringBootTest(properties = "server.servlet.context-path=" + ContextPathTests.CONTEXT)
@AutoConfigureMockMvc
class ContextPathTests {

    static final String CONTEXT = "/cs";

    static final Pattern ADDRESS = Pattern.compile("\\b(?:href|action|src)=\"(/[^\"]*)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Test
    void everyAddressOnEveryPageStaysUnderTheContextPath() throws Exception {
        var curator = TestAccounts.as(SomethingEverywhere.curator(mvc, jdbc, events, tx, true));

        Map<String, String> pages = SiteWalk.under(mvc, CONTEXT, curator, "/");
        Map<String, String> atRoot = SiteWalk.from(mvc, curator, "/checkins");

        assertThat(pages.keySet()).contains("/", "/checkins", "/checkins/new", "/checkins/trends", "/support/saved",
                "/safety-plan", "/account", "/curate")
            .anyMatch(path -> path.matches("/checkins/[0-9a-f-]{36}/edit"));
        List<String> outside = new ArrayList<>();
        pages.forEach((path, html) -> {
            Matcher address = ADDRESS.matcher(html);
            while (address.find()) {
                if (!address.group(1).startsWith(CONTEXT + "/")) {
                    outside.add(path + ": " + address.group(1));
                }
            }
        });
        assertThat(outside).isEmpty();
        assertThat(pages.get("/checkins")).contains("href=\"" + CONTEXT + "/checkins/new\"")
            .containsPattern("href=\"" + CONTEXT + "/checkins/[0-9a-f-]{36}/edit\"");
        assertThat(atRoot.get("/checkins")).as("the parts prepared under /cs are not served at the root")
            .doesNotContain("\"" + CONTEXT + "/")
            .containsPattern("href=\"/checkins/[0-9a-f-]{36}/edit\"");
    }

    /** A path Spring Security's firewall refuses gets the calm page written outside Spring MVC. */
    @Test
    void theRefusedRequestPageLinksUnderTheContextPath() throws Exception {
        String html = mvc.perform(get(CONTEXT + "/checkins;x=1").contextPath(CONTEXT))
            .andExpect(status().isBadRequest())
            .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("href=\"" + CONTEXT + "/assets/css/site.css\"", "href=\"" + CONTEXT + "/\"",
                "href=\"" + CONTEXT + "/help\"", "href=\"" + CONTEXT + "/exit\"");
        Matcher address = ADDRESS.matcher(html);
        while (address.find()) {
            assertThat(address.group(1)).startsWith(CONTEXT + "/");
        }
    }
}
