package org.counterspace.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.counterspace.account.AccountPrincipal;
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
 * Discreet mode on a shared device: walking from the start page through every link a signed-in
 * person (a curator too) can follow, no page title and no main heading names the site or what the
 * person keeps here. A service page's heading is the service's own name, which the person went to read.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DiscreetPagesTests {

    static final Pattern TELLING = Pattern.compile("counterspace|check-in|journal|safety plan|abuse",
            Pattern.CASE_INSENSITIVE);

    static final Pattern SERVICE_PAGE = Pattern.compile("/support/services/[^/]+");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Test
    void noSignedInPageNamesTheSiteOrWhatItHoldsInItsTitleOrHeading() throws Exception {
        Map<String, String> pages = SiteWalk.from(mvc, TestAccounts.as(personWithSomethingEverywhere(true)), "/");

        assertThat(pages.keySet()).as("the navigation and the pages' own links reach every part")
            .contains("/", "/checkins", "/checkins/new", "/checkins/summary", "/checkins/trends", "/support/saved",
                    "/safety-plan", "/safety-plan/edit", "/safety-plan/versions", "/account", "/curate")
            .anyMatch(url -> url.matches("/checkins/[0-9a-f-]{36}/edit"))
            .anyMatch(url -> SERVICE_PAGE.matcher(url).matches());
        assertThat(telling(pages)).isEmpty();
        assertThat(pages.get("/")).contains("<a class=\"site-name\" href=\"/\">Notes</a>");
    }

    /** The same walk without discreet mode finds the usual names, so the walk above can see them. */
    @Test
    void withoutDiscreetModeTheUsualNamesAreThere() throws Exception {
        Map<String, String> pages = SiteWalk.from(mvc, TestAccounts.as(personWithSomethingEverywhere(false)), "/");

        assertThat(telling(pages)).anyMatch(found -> found.startsWith("/checkins: ") && found.contains("check-in"))
            .anyMatch(found -> found.startsWith("/safety-plan: ") && found.contains("safety plan"))
            .anyMatch(found -> found.contains("Counterspace"));
    }

    private static List<String> telling(Map<String, String> pages) {
        List<String> found = new ArrayList<>();
        pages.forEach((url, html) -> {
            List<String> texts = new ArrayList<>(SiteWalk.titles(html));
            if (!SERVICE_PAGE.matcher(url).matches()) {
                texts.addAll(SiteWalk.headings(html));
            }
            texts.stream().filter(text -> TELLING.matcher(text).find()).forEach(text -> found.add(url + ": " + text));
        });
        return found;
    }

    private AccountPrincipal personWithSomethingEverywhere(boolean discreet) throws Exception {
        return SomethingEverywhere.curator(mvc, jdbc, events, tx, discreet);
    }
}
