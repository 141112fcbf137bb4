package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The layout's prepared parts, asked for by people in different situations one after the other in the
 * same application: each gets the parts of their own situation, never those prepared for someone before.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PreparedPartsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
    }

    private AccountPrincipal person(String... roles) {
        return TestAccounts.create(jdbc, "parts-" + UUID.randomUUID().toString().substring(0, 8), roles);
    }

    @Test
    void eachSituationGetsItsOwnNavigationHeaderAndFooter() throws Exception {
        String visitor = page(get("/help"));
        String discreetVisitor = page(get("/help").queryParam("discreet", "1"));
        String signedIn = page(get("/help").with(TestAccounts.as(person())));
        String admin = page(get("/help").with(TestAccounts.as(person(AccountPrincipal.ROLE_ADMIN))));
        String visitorAgain = page(get("/help"));

        assertThat(visitor).contains("href=\"/login\"").doesNotContain("discreet=1").doesNotContain("href=\"/checkins\"");
        assertThat(visitorAgain).isEqualTo(visitor);
        assertThat(discreetVisitor).contains("href=\"/login?discreet=1\"", "href=\"/exit?discreet=1\"",
                "href=\"/privacy?discreet=1\"");
        assertThat(signedIn).contains("href=\"/checkins\"", "name=\"_csrf\"").doesNotContain("href=\"/login\"")
            .doesNotContain("href=\"/curate\"").doesNotContain("discreet=1");
        assertThat(admin).contains("href=\"/curate\"");
    }

    @Test
    void theJournalNavigationMarksThePageItIsOn() throws Exception {
        AccountPrincipal me = person();
        String history = page(get("/checkins").with(TestAccounts.as(me)));
        String trends = page(get("/checkins/trends").with(TestAccounts.as(me)));

        assertThat(history).containsPattern("href=\"/checkins\"\\s+aria-current=\"page\"");
        assertThat(trends).containsPattern("href=\"/checkins/trends\"\\s+aria-current=\"page\"")
            .doesNotContainPattern("href=\"/checkins\"\\s+aria-current=\"page\"");
    }
}
