package org.counterspace.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The public directory pages: search parameters, service page, report a problem, suggest a service. */
@SpringBootTest
@AutoConfigureMockMvc
class SupportPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DirectoryLimits limits;

    UUID serviceId(String name) {
        return jdbc.queryForObject("select id from dir_service where name = ?", UUID.class, name);
    }

    @Test
    void searchPageIsPublicWithCountsFacetsDemoNoticeAndCredit() throws Exception {
        mvc.perform(get("/support").param("q", "counselling"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("services found")))
            .andExpect(content().string(containsString("Counselling and therapy (")))
            .andExpect(content().string(containsString("Demo (fictional)")))
            .andExpect(content().string(containsString("Open Referral (HSDS)")))
            .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    @Test
    void filtersLiveInTheQueryStringAndPagesKeepThem() throws Exception {
        mvc.perform(get("/support").param("category", "counselling").param("free", "yes").param("per_page", "2"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("href=\"/support?category=counselling&amp;free=yes&amp;per_page=2&amp;page=2\"")));
    }

    @Test
    void chosenFiltersStayOnThePageToUntickEvenWhenNothingMatches() throws Exception {
        mvc.perform(get("/support").param("q", "xylophone").param("language", "cy").param("channel", "chat")
                .param("country", "AU"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("No services found")))
            .andExpect(content().string(containsString("id=\"language-cy\" value=\"cy\" checked=\"checked\"")))
            .andExpect(content().string(containsString("<label for=\"language-cy\">Welsh (0)</label>")))
            .andExpect(content().string(containsString("id=\"channel-chat\" value=\"chat\" checked=\"checked\"")))
            .andExpect(content().string(containsString("<label for=\"channel-chat\">Web chat (0)</label>")))
            .andExpect(content().string(containsString("<option value=\"AU\" selected=\"selected\">Australia (0)</option>")));
        mvc.perform(get("/support").param("country", "AU"))
            .andExpect(content().string(containsString("<option value=\"AU\" selected=\"selected\">Australia (")))
            .andExpect(content().string(not(containsString("Australia (0)"))));
    }

    @Test
    void badParametersAreClampedOrIgnoredNeverAnError() throws Exception {
        mvc.perform(get("/support").param("page", "-1").param("per_page", "100000").param("category", "no-such-thing")
            .param("channel", "carrier-pigeon").param("age", "ancient").param("country", "'; drop table x;--")
            .param("lat", "abc").param("lon", "999").param("radius", "7").param("sort", "sideways"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("services found")));
        mvc.perform(get("/support").param("page", "x").param("per_page", "1e9")).andExpect(status().isOk());
    }

    @Test
    void markupAndSqlInTheSearchBoxAreJustText() throws Exception {
        mvc.perform(get("/support").param("q", "<script>alert(1)</script>' OR 1=1 --"))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("<script>alert(1)"))))
            .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
    }

    @Test
    void aTenThousandCharacterQueryIsCut() throws Exception {
        mvc.perform(get("/support").param("q", "counselling ".repeat(834)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("we used its first 200 characters")));
    }

    @Test
    void aSharedPlaceNameOffersAChoiceAndTheChosenPlaceIsUsed() throws Exception {
        String page = mvc.perform(get("/support").param("place", "Richmond").param("q", "counselling"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("There is more than one \u201cRichmond\u201d", "Richmond, near London, England")
            .doesNotContain("km away");
        assertThat(page).containsPattern(
                "href=\"/support\\?q=counselling&amp;place=Richmond%2C%20Virginia&amp;lat=37\\.[0-9]+&amp;lon=-77\\.[0-9]+\">"
                        + "Richmond, Virginia</a>");
        mvc.perform(get("/support").param("q", "counselling").param("place", "Richmond, Virginia"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("near Richmond, Virginia")))
            .andExpect(content().string(not(containsString("There is more than one"))));
    }

    /** Two towns may even share a label (Ashford in Kent and in Surrey are both "near London"): each choice is its own. */
    @Test
    void eachChoiceLeadsToItsOwnPlaceEvenWhenTwoShareALabel() throws Exception {
        String page = mvc.perform(get("/support").param("place", "Ashford")).andExpect(status().isOk()).andReturn()
            .getResponse().getContentAsString();
        List<String> links = Pattern.compile("href=\"(/support\\?place=Ashford%2C%20near%20London[^\"]*)\"")
            .matcher(page).results().map(m -> m.group(1).replace("&amp;", "&")).toList();
        assertThat(links).hasSize(2).doesNotHaveDuplicates();
        List<String> distances = new ArrayList<>();
        for (String link : links) {
            String chosen = mvc.perform(get(URI.create(link))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
            assertThat(chosen).contains("near Ashford, near London, England").doesNotContain("There is more than one");
            distances.add(chosen.replaceAll("(?s).*?([0-9.]+ km away).*", "$1"));
        }
        assertThat(distances.get(0)).isNotEqualTo(distances.get(1));
    }

    @Test
    void anUnknownPlaceSaysSoAndAKnownOneShowsDistances() throws Exception {
        mvc.perform(get("/support").param("place", "Narnia"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("We do not know")));
        mvc.perform(get("/support").param("place", "LS6"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("km away")))
            .andExpect(content().string(containsString("near LS6")));
    }

    @Test
    void servicePageShowsContactHoursCostAndSource() throws Exception {
        mvc.perform(get("/support/services/" + serviceId("Samaritans")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("href=\"tel:116123\"")))
            .andExpect(content().string(containsString("Open 24 hours, every day.")))
            .andExpect(content().string(containsString("National line")))
            .andExpect(content().string(containsString("https://www.samaritans.org/how-we-can-help/contact-samaritan/")))
            .andExpect(content().string(containsString("Report a problem with this listing")));
        mvc.perform(get("/support/services/" + serviceId("Riverside Low-Cost Counselling")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Sliding scale")))
            .andExpect(content().string(containsString("Demo (fictional)")))
            .andExpect(content().string(containsString("Thursday")))
            .andExpect(content().string(containsString("14 Wharf Street, Leeds LS1 7EQ")));
    }

    @Test
    void unknownOrMalformedServiceIdsAreNotFound() throws Exception {
        mvc.perform(get("/support/services/" + UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("/support/services/not-a-uuid")).andExpect(status().isNotFound());
    }

    @Test
    void anyoneCanReportAProblemUntilTheRateLimit() throws Exception {
        UUID id = serviceId("Shout");
        for (int i = 0; i < limits.reports(); i++) {
            mvc.perform(post("/support/services/" + id + "/report").with(csrf()).param("message", "Number changed")
                .with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/support/services/" + id))
                .andExpect(flash().attribute("reported", true));
        }
        mvc.perform(post("/support/services/" + id + "/report").with(csrf()).param("message", "Again")
            .with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
            .andExpect(status().isTooManyRequests())
            .andExpect(content().string(containsString("Please wait a little")));
        // another client is not affected
        mvc.perform(post("/support/services/" + id + "/report").with(csrf()).param("message", "Closed")
            .with(r -> { r.setRemoteAddr("203.0.113.8"); return r; }))
            .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from dir_feedback where service_id = ? and kind = 'report'",
                Long.class, id)).isEqualTo(limits.reports() + 1);
    }

    @Test
    void anEmptyReportIsShownAgainWithTheProblem() throws Exception {
        UUID id = serviceId("Childline");
        mvc.perform(post("/support/services/" + id + "/report").with(csrf()).param("message", "  ")
            .with(r -> { r.setRemoteAddr("198.51.100.1"); return r; }))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("class=\"error-summary\"")))
            .andExpect(content().string(containsString("aria-invalid=\"true\"")))
            .andExpect(content().string(containsString("Please say what is wrong with this listing.")));
    }

    @Test
    void reportsNeedTheCsrfToken() throws Exception {
        mvc.perform(post("/support/services/" + serviceId("Shout") + "/report").param("message", "x"))
            .andExpect(status().isForbidden());
    }

    @Test
    void anyoneCanSuggestAService() throws Exception {
        mvc.perform(get("/support/suggest")).andExpect(status().isOk());
        mvc.perform(post("/support/suggest").with(csrf()).param("name", "").param("message", "")
            .with(r -> { r.setRemoteAddr("198.51.100.2"); return r; }))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Please give the service")));
        mvc.perform(post("/support/suggest").with(csrf()).param("name", "Kind Walks").param("contact", "Leeds")
            .param("message", "A walking group for people who need to get out of the house")
            .with(r -> { r.setRemoteAddr("198.51.100.2"); return r; }))
            .andExpect(redirectedUrl("/support/suggest"));
        assertThat(jdbc.queryForObject("select count(*) from dir_feedback where suggested_name = 'Kind Walks'",
                Long.class)).isEqualTo(1);
    }
}
