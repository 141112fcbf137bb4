package org.counterspace.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.TestAccounts;
import org.counterspace.directory.NationalLines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class SafetyControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NationalLines nationalLines;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyNationalLineNamesItsSource() {
        assertThat(nationalLines.regions()).isNotEmpty();
        assertThat(nationalLines.regions()).allSatisfy(region -> {
            assertThat(region.emergency()).isNotBlank();
            assertThat(region.lines()).allSatisfy(line -> {
                assertThat(line.source()).startsWith("https://");
                assertThat(line.phone() != null || line.text() != null || line.chat() != null).isTrue();
                assertThat(line.chat() == null || line.chat().startsWith("https://")).isTrue();
                assertThat(line.checked() == null || !line.checked().isAfter(LocalDate.now())).isTrue();
                assertThat(line.topic()).isIn("crisis", "domestic-abuse", "youth", "lgbtq");
            });
        });
    }

    @Test
    void everyWayToGetHelpWithoutSpeakingHasStepsASourceAndTheDayItWasChecked() {
        assertThat(nationalLines.regions()).filteredOn(region -> !region.cannotSpeak().isEmpty())
            .extracting(NationalLines.Region::code).contains("GB", "US", "CA", "AU");
        assertThat(nationalLines.regions()).flatExtracting(NationalLines.Region::cannotSpeak).allSatisfy(way -> {
            assertThat(way.title()).isNotBlank();
            assertThat(way.steps()).isNotEmpty().allSatisfy(step -> assertThat(step).isNotBlank());
            assertThat(way.source()).startsWith("https://");
            assertThat(way.checked()).isNotNull().isBeforeOrEqualTo(LocalDate.now());
        });
    }

    /** The Silent Solution, text services and the UK's domestic-abuse lines, each with its source; links only, nothing loaded. */
    @Test
    void helpSaysWhatToDoWhenSpeakingIsNotSafe() throws Exception {
        String uk = mvc.perform(get("/help")).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(uk).contains("<h2 id=\"cannot-speak\">If it is not safe to speak</h2>",
                "Call 999 and press 55 when prompted (the Silent Solution)", "press 55",
                "A silent call on its own does not bring the police", "From a landline there is no 55 step",
                "Text SHOUT to 85258", "Women\u2019s Aid live chat", "Men\u2019s Advice Line (Respect)",
                "href=\"tel:08088010327\"", "href=\"tel:08009995428\"",
                "Live chat on their website", "For people in England.", " (checked 6 December 2026)",
                "<a href=\"https://www.policeconduct.gov.uk/\" rel=\"noreferrer\">");
        assertThat(uk.indexOf("id=\"cannot-speak\"")).isLessThan(uk.indexOf("id=\"other-regions\""));
        mvc.perform(get("/help").param("region", "US"))
            .andExpect(content().string(allOf(containsString("Text or chat with 988"),
                    containsString("Text HOME to 741741 (Crisis Text Line)"), containsString("Text 911 only where it is available"),
                    containsString("href=\"https://988lifeline.org/chat/\""))));
        mvc.perform(get("/help").param("region", "AU"))
            .andExpect(content().string(containsString("Text Lifeline on 0477 13 11 14")));
        mvc.perform(get("/help").param("region", "IE"))
            .andExpect(content().string(containsString("We do not know of a particular way to reach help here without speaking yet")));
    }

    @Test
    void helpShowsTheDefaultRegionFirst() throws Exception {
        mvc.perform(get("/help"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("<h2 id=\"chosen-region\">United Kingdom</h2>")))
            .andExpect(content().string(containsString("href=\"tel:116123\"")))
            .andExpect(content().string(containsString("https://www.samaritans.org/")));
    }

    @Test
    void helpShowsTheChosenRegionAndIgnoresTamperedCodes() throws Exception {
        mvc.perform(get("/help").param("region", "us"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("<h2 id=\"chosen-region\">United States</h2>")))
            .andExpect(content().string(containsString("href=\"tel:988\"")));
        mvc.perform(get("/help").param("region", "<script>x</script>"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("<h2 id=\"chosen-region\">United Kingdom</h2>")));
    }

    @Test
    void exitEndsTheSessionReplacesItsCookiesAndLeavesForANeutralPage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result = mvc.perform(get("/exit").session(session).cookie(new Cookie("JSESSIONID", "abc")))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("https://www.bbc.co.uk/weather"))
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(header().string("Clear-Site-Data", allOf(containsString("\"cookies\""),
                    containsString("\"cache\""), containsString("\"storage\""))))
            .andReturn();
        assertThat(session.isInvalid()).isTrue();
        List<String> cookies = result.getResponse().getHeaders(HttpHeaders.SET_COOKIE);
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=;").contains("Max-Age=0", "Path=/"))
            .anySatisfy(c -> assertThat(c).startsWith("SESSION=;").contains("Max-Age=0"))
            .anySatisfy(c -> assertThat(c).startsWith("notice=;").contains("Max-Age=0"))
            .allSatisfy(c -> assertThat(c).contains("Max-Age=0"));
    }

    @Test
    void signedInExitSignsOut() throws Exception {
        AccountPrincipal me = TestAccounts.create(jdbc, "exit-" + UUID.randomUUID().toString().substring(0, 8));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/safety-plan").with(TestAccounts.as(me)).session(session)).andExpect(status().isOk());
        mvc.perform(get("/exit").session(session)).andExpect(status().isFound());
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void theQuickExitIsExplainedOnTheFirstPageOfABrowserSessionOnly() throws Exception {
        MvcResult first = mvc.perform(get("/guidance").accept(MediaType.TEXT_HTML))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("id=\"exit-notice\""),
                    containsString("does not erase your browser history"), containsString("it is not a protection"),
                    containsString("href=\"/guidance\">Got it, hide this"))))
            .andReturn();
        String cookie = first.getResponse().getHeader(HttpHeaders.SET_COOKIE);
        assertThat(cookie).startsWith("notice=seen").contains("HttpOnly", "SameSite=Lax").doesNotContain("Max-Age", "Expires");
        int noticeAt = first.getResponse().getContentAsString().indexOf("id=\"exit-notice\"");
        assertThat(noticeAt).isLessThan(first.getResponse().getContentAsString().indexOf("class=\"quick-exit\""));

        mvc.perform(get("/guidance").accept(MediaType.TEXT_HTML).cookie(new Cookie("notice", "seen")))
            .andExpect(content().string(not(containsString("id=\"exit-notice\""))))
            .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
    }

    @Test
    void aRedirectDoesNotUseUpTheNotice() throws Exception {
        mvc.perform(get("/exit").accept(MediaType.TEXT_HTML)).andExpect(header().stringValues(HttpHeaders.SET_COOKIE,
                everyItem(containsString("Max-Age=0"))));
    }

    @Test
    void discreetVisitorsGetANeutralTitleAndIconAndKeepTheChoiceInEveryLink() throws Exception {
        String page = mvc.perform(get("/guidance?discreet=1"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat(page).contains("<title>Notes</title>", "/assets/icons/neutral.svg\"", "href=\"/help?discreet=1\"",
                "href=\"/privacy?discreet=1\"", "href=\"/?discreet=1\"", "href=\"/exit?discreet=1\"",
                "href=\"/assets/css/site.css\"")
            .doesNotContain("Counterspace</title>", "favicon.svg");

        mvc.perform(get("/guidance"))
            .andExpect(content().string(allOf(containsString("<title>Guidance · Counterspace</title>"),
                    containsString("href=\"/help\""), containsString("favicon.svg"))));
        mvc.perform(get("/privacy?discreet=0"))
            .andExpect(content().string(allOf(containsString("Counterspace</title>"),
                    containsString("href=\"/privacy?discreet=1#discreet\""))));
        mvc.perform(get("/privacy?discreet=1"))
            .andExpect(content().string(containsString("href=\"/privacy?discreet=0#discreet\"")));
    }

    @Test
    void discreetVisitorsKeepTheChoiceThroughGetFormsButPostFormsNeedNoField() throws Exception {
        mvc.perform(get("/help?discreet=1"))
            .andExpect(content().string(allOf(containsString("action=\"/help?discreet=1\""),
                    containsString("<input type=\"hidden\" name=\"discreet\" value=\"1\""))));
        mvc.perform(get("/guidance?discreet=1"))
            .andExpect(content().string(containsString("<input type=\"hidden\" name=\"discreet\" value=\"1\"")));
        mvc.perform(get("/help"))
            .andExpect(content().string(not(containsString("name=\"discreet\""))));
        AccountPrincipal me = TestAccounts.create(jdbc, "form-" + UUID.randomUUID().toString().substring(0, 8));
        mvc.perform(get("/safety-plan/edit?discreet=1").with(TestAccounts.as(me)))
            .andExpect(content().string(allOf(containsString("action=\"/safety-plan?discreet=1\""),
                    containsString("name=\"_csrf\""), not(containsString("name=\"discreet\"")))));
    }

    @Test
    void discreetModeAlsoCoversErrorPagesAndRedirects() throws Exception {
        mvc.perform(get("/guidance/no-such-guide?discreet=1"))
            .andExpect(status().isNotFound())
            .andExpect(content().string(allOf(containsString("<title>Notes</title>"),
                    containsString("href=\"/?discreet=1\""))));
        AccountPrincipal me = TestAccounts.create(jdbc, "discreet-" + UUID.randomUUID().toString().substring(0, 8));
        mvc.perform(post("/safety-plan?discreet=1").with(csrf()).with(TestAccounts.as(me))
            .param("warningSigns", "x")).andExpect(redirectedUrl("/safety-plan?discreet=1"));
    }

    @Test
    void discreetAccountSettingNeedsNoParameter() throws Exception {
        AccountPrincipal me = TestAccounts.create(jdbc, "quiet-" + UUID.randomUUID().toString().substring(0, 8))
            .withSettings(ZoneId.of("UTC"), true);
        mvc.perform(get("/safety-plan").with(TestAccounts.as(me)))
            .andExpect(content().string(allOf(containsString("<title>Notes</title>"), containsString("neutral.svg"),
                    containsString("href=\"/help\""))));
    }

    @Test
    void signedInPagesLeaveAfterTheSessionTimeoutEvenWithoutJavaScript() throws Exception {
        AccountPrincipal me = TestAccounts.create(jdbc, "idle-" + UUID.randomUUID().toString().substring(0, 8));
        mvc.perform(get("/safety-plan").with(TestAccounts.as(me)))
            .andExpect(content().string(allOf(
                    containsString("<noscript><meta http-equiv=\"refresh\" content=\"1805;url=/signed-out-for-inactivity\"></noscript>"),
                    containsString("data-timeout=\"1800\""), containsString("data-warning=\"120\""),
                    containsString("/assets/js/inactivity.js"))));
        mvc.perform(get("/guidance"))
            .andExpect(content().string(allOf(not(containsString("http-equiv=\"refresh\"")),
                    not(containsString("inactivity.js")))));
    }

    @Test
    void theSignedOutPageEndsTheSessionAndThePingKeepsItAlive() throws Exception {
        AccountPrincipal me = TestAccounts.create(jdbc, "ping-" + UUID.randomUUID().toString().substring(0, 8));
        mvc.perform(get("/session/ping").with(TestAccounts.as(me))).andExpect(status().isNoContent())
            .andExpect(header().string("Cache-Control", containsString("no-store")));
        assertThat(mvc.perform(get("/session/ping")).andReturn().getResponse().getStatus()).isIn(302, 401, 403);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/signed-out-for-inactivity").with(TestAccounts.as(me)).session(session))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("You were signed out"),
                    not(containsString("http-equiv=\"refresh\"")))));
        assertThat(session.isInvalid()).isTrue();
    }
}
