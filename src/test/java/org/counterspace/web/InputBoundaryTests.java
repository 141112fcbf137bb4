package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The boundary every form and query goes through before anything is bound ({@link InputBoundary}):
 * indexed or dotted parameter names and control characters.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class InputBoundaryTests {

    static final String ID = "7f4c6a52-1d3e-4b8a-9c0f-2e5d6b7a8c9d";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    AccountPrincipal person;

    AccountPrincipal curator;

    @BeforeEach
    void accounts() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        person = TestAccounts.create(jdbc, "person." + suffix);
        curator = TestAccounts.create(jdbc, "curator." + suffix, AccountPrincipal.ROLE_ADMIN);
    }

    MockHttpServletRequestBuilder as(String who, MockHttpServletRequestBuilder request) {
        return switch (who) {
            case "person" -> request.with(TestAccounts.as(person));
            case "curator" -> request.with(TestAccounts.as(curator));
            default -> request;
        };
    }

    /** Every form that binds a form object, the anonymous ones included; each answered 500 before. */
    @ParameterizedTest
    @CsvSource({ "/register, anonymous, username[0]", "/recover, anonymous, code[abc]",
            "/support/suggest, anonymous, name[0]", "/support/services/" + ID + "/report, anonymous, message[1]",
            "/account/settings, person, timeZone[0]", "/account/password, person, currentPassword[0]",
            "/account/recovery-codes/new, person, currentPassword[x]", "/account/delete, person, currentPassword[0]",
            "/safety-plan, person, warningSigns[0]", "/support/services/" + ID + "/save, person, note[0]",
            "/support/saved/" + ID + ", person, note[2]", "/checkins/new, person, environments[abc]",
            "/checkins/" + ID + "/edit, person, mood[0]", "/checkins/environments, person, name[0]",
            "/checkins/wellbeing, person, item0[0]", "/curate/services, curator, categories[abc]",
            "/curate/services/" + ID + ", curator, channels[0]", "/admin/curators/grant, curator, username[0]",
            "/admin/curators/revoke, curator, username.bytes" })
    void anIndexedOrDottedNameAnswers400QuietlyOnEveryForm(String path, String who, String name, CapturedOutput log)
            throws Exception {
        int before = log.length();
        mvc.perform(as(who, post(path).with(csrf())).param("username", "boundary." + UUID.randomUUID().toString()
            .substring(0, 8)).param("password", TestAccounts.PASSWORD).param("confirm", TestAccounts.PASSWORD)
            .param(name, "x"))
            .andExpect(status().isBadRequest())
            .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
            .andExpect(content().string(containsString("Something in that request did not look right")))
            .andExpect(content().string(not(containsString(name))));
        String written = log.toString().substring(before);
        assertThat(written.lines().filter(line -> line.contains("Refused POST " + path))).hasSize(1);
        assertThat(written).doesNotContain("Exception", "\tat ");
        assertThat(jdbc.queryForObject("select count(*) from account where username like 'boundary.%'", Integer.class))
            .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/support?q=help&categories[0]=x", "/guidance?q.x=1", "/checkins?from[0]=2024-01-01" })
    void queriesWithSuchNamesAnswer400Too(String target) throws Exception {
        mvc.perform(get(target).with(TestAccounts.as(person))).andExpect(status().isBadRequest());
    }

    /** Where a paste could carry one, the form comes back with the text kept and a message on the field. */
    @ParameterizedTest
    @ValueSource(strings = { "\u0000", "\u000b", "\u000c", "\u0001", "\u007f", "\u0085" })
    void aControlCharacterInANoteIsAFormErrorAndNothingIsSaved(String control) throws Exception {
        mvc.perform(post("/checkins/new").with(TestAccounts.as(person)).with(csrf()).param("day", today())
            .param("mood", "3").param("homePull", "2").param("note", "first line" + control + "second line"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("invisible character")))
            .andExpect(content().string(containsString("second line")));
        assertThat(checkIns()).isZero();
    }

    @Test
    void tabsAndLineBreaksAreOrdinaryText() throws Exception {
        mvc.perform(post("/checkins/new").with(TestAccounts.as(person)).with(csrf()).param("day", today())
            .param("mood", "3").param("homePull", "2").param("note", "one\ttwo\r\nthree\nfour"))
            .andExpect(status().isFound());
        assertThat(checkIns()).isOne();
    }

    /** A username breaks its own pattern too; that message is the one shown, once. */
    @Test
    void aControlCharacterInAUsernameGivesOneMessageOnTheField() throws Exception {
        String body = mvc.perform(post("/register").with(csrf()).param("username", "name\u0001x")
            .param("password", TestAccounts.PASSWORD).param("confirm", TestAccounts.PASSWORD))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("Choose a username").doesNotContain("invisible character");
    }

    /** Elsewhere (a query, a form whose page has no place for the message) the calm 400 page says what happened. */
    @ParameterizedTest
    @CsvSource({ "/support, q", "/checkins, from", "/help, region" })
    void aControlCharacterAnywhereElseAnswers400WithAnExplanation(String path, String name) throws Exception {
        mvc.perform(get(path).param(name, "G\u0000B").with(TestAccounts.as(person)))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("had an invisible character in it")));
    }

    @Test
    void aBookmarkNoteWithAControlCharacterIsRefusedWithTheExplanation() throws Exception {
        String samaritans = jdbc.queryForObject("select id from dir_service where name = 'Samaritans'", String.class);
        mvc.perform(post("/support/services/" + samaritans + "/save").with(TestAccounts.as(person)).with(csrf())
            .param("note", "call\u0000them"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("had an invisible character in it")));
        assertThat(jdbc.queryForObject("select count(*) from dir_bookmark where account_id = ?", Integer.class,
                person.id())).isZero();
    }

    String today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    }

    int checkIns() {
        return jdbc.queryForObject("select count(*) from check_in where account_id = ?", Integer.class, person.id());
    }
}
