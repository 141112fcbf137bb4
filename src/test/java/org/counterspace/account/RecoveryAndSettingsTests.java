package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class RecoveryAndSettingsTests extends AccountWebTestSupport {

    static final String NEW_PASSWORD = "a kettle humming in a quiet kitchen";

    MockHttpServletRequestBuilder recover(String username, String code, String password) {
        return post("/recover").with(csrf()).with(from(uniqueAddress()))
            .param("username", username).param("code", code).param("password", password).param("confirm", password);
    }

    @Test
    void aRecoveryCodeSetsANewPasswordWorksOnceAndEndsEverySession() throws Exception {
        String name = uniqueName("recover");
        List<String> codes = codesOf(register(name, PASSWORD));
        MockHttpSession elsewhere = signIn(name, PASSWORD);
        mvc.perform(get("/account").session(elsewhere)).andExpect(status().isOk());

        mvc.perform(recover(name.toUpperCase(), codes.get(3).toLowerCase().replace("-", " "), NEW_PASSWORD))
            .andExpect(redirectedUrl("/login?recovered"));
        mvc.perform(get("/account").session(elsewhere)).andExpect(redirectedUrl("/login?ended"));
        signIn(name, NEW_PASSWORD);
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", name).param("password", NEW_PASSWORD))
            .andExpect(authenticated().withUsername(name));
        assertThat(jdbc.queryForObject("select count(*) from recovery_code where account_id = ?", Integer.class,
                idOf(name))).isEqualTo(9);

        mvc.perform(recover(name, codes.get(3), "and yet another new password here"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("do not match")))
            .andExpect(content().string(containsString("value=\"" + name + "\"")));
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", name).param("password", NEW_PASSWORD))
            .andExpect(authenticated());
    }

    @Test
    void anotherAccountsCodeOrAnUnknownNameDoesNotRecover() throws Exception {
        String owner = uniqueName("owner");
        List<String> codes = codesOf(register(owner, PASSWORD));
        String other = uniqueName("other");
        register(other, PASSWORD);
        mvc.perform(recover(other, codes.get(0), NEW_PASSWORD)).andExpect(status().isOk())
            .andExpect(content().string(containsString("do not match")));
        mvc.perform(recover(uniqueName("ghost"), codes.get(0), NEW_PASSWORD)).andExpect(status().isOk())
            .andExpect(content().string(containsString("do not match")));
        assertThat(jdbc.queryForObject("select count(*) from recovery_code where account_id = ?", Integer.class,
                idOf(owner))).isEqualTo(10);
    }

    @Test
    void recoveryIsLimitedPerUsername() throws Exception {
        String name = uniqueName("guessed");
        register(name, PASSWORD);
        for (int i = 0; i < 5; i++) {
            mvc.perform(recover(name, "AAAA-BBBB-CCCC-DDD" + (i + 2), NEW_PASSWORD)).andExpect(status().isOk());
        }
        mvc.perform(recover(name, "AAAA-BBBB-CCCC-DDDD", NEW_PASSWORD)).andExpect(status().isTooManyRequests())
            .andExpect(content().string(containsString("Please wait a little")));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherSessionsOnly() throws Exception {
        AccountPrincipal account = testAccount("changer");
        MockHttpSession here = signIn(account.getUsername(), TestAccounts.PASSWORD);
        MockHttpSession there = signIn(account.getUsername(), TestAccounts.PASSWORD);

        mvc.perform(post("/account/password").session(here).with(csrf())
            .param("currentPassword", "not my password at all").param("password", NEW_PASSWORD)
            .param("confirm", NEW_PASSWORD))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("That is not your current password")));
        mvc.perform(post("/account/password").session(here).with(csrf())
            .param("currentPassword", TestAccounts.PASSWORD).param("password", NEW_PASSWORD)
            .param("confirm", NEW_PASSWORD))
            .andExpect(redirectedUrl("/account"));

        mvc.perform(get("/account").session(here)).andExpect(status().isOk());
        mvc.perform(get("/account").session(there)).andExpect(redirectedUrl("/login?ended"));
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", account.getUsername()).param("password", NEW_PASSWORD))
            .andExpect(authenticated());
    }

    @Test
    void aNewPasswordThatIsEasyToGuessIsRefusedWithAdviceAndTheOldOneStays() throws Exception {
        AccountPrincipal account = testAccount("weakchange");
        MockHttpSession here = signIn(account.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(post("/account/password").session(here).with(csrf())
            .param("currentPassword", TestAccounts.PASSWORD).param("password", "password1234567890")
            .param("confirm", "password1234567890"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(
                    "That password would be easy for someone to guess. It is very like a password many people use.")))
            .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", account.getUsername()).param("password", TestAccounts.PASSWORD))
            .andExpect(authenticated());
    }

    @Test
    void newRecoveryCodesNeedThePasswordAndReplaceTheOldOnes() throws Exception {
        String name = uniqueName("regen");
        MvcResult registration = register(name, PASSWORD);
        List<String> old = codesOf(registration);
        MockHttpSession session = (MockHttpSession) registration.getRequest().getSession();

        mvc.perform(post("/account/recovery-codes/new").session(session).with(csrf())
            .param("currentPassword", "wrong password entirely"))
            .andExpect(status().isOk()).andExpect(content().string(containsString("not your current password")));
        MvcResult fresh = mvc.perform(post("/account/recovery-codes/new").session(session).with(csrf())
            .param("currentPassword", PASSWORD))
            .andExpect(redirectedUrl("/account/recovery-codes")).andReturn();
        List<String> codes = codesOf(fresh);
        assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(old);
        mvc.perform(recover(name, old.get(0), NEW_PASSWORD)).andExpect(content().string(containsString("do not match")));
        mvc.perform(recover(name, codes.get(0), NEW_PASSWORD)).andExpect(redirectedUrl("/login?recovered"));
    }

    @Test
    void timeZoneAndDiscreetModeAreStoredAndSeenAtOnce() throws Exception {
        AccountPrincipal account = testAccount("settings");
        MockHttpSession session = signIn(account.getUsername(), TestAccounts.PASSWORD);
        // likely zones first; the browser's zone is never put in place of a saved one, UTC included
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
            .andExpect(content().string(containsString("Signed in as " + account.getUsername())))
            .andExpect(content().string(containsString("<optgroup label=\"Likely time zones\">")))
            .andExpect(content().string(not(containsString("data-guess-zone"))));

        mvc.perform(post("/account/settings").session(session).with(csrf())
            .param("timeZone", "Europe/Berlin").param("discreet", "true"))
            .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
            .andExpect(authenticated().withAuthentication(auth -> {
                AccountPrincipal me = (AccountPrincipal) auth.getPrincipal();
                assertThat(me.timeZone().getId()).isEqualTo("Europe/Berlin");
                assertThat(me.discreet()).isTrue();
            }))
            .andExpect(content().string(containsString("<option value=\"Europe/Berlin\" selected=\"selected\">")))
            .andExpect(content().string(not(containsString("data-guess-zone"))))
            .andExpect(content().string(not(containsString("Signed in as"))));
        assertThat(jdbc.queryForMap("select time_zone, discreet from account where id = ?", account.id()))
            .containsEntry("TIME_ZONE", "Europe/Berlin").containsEntry("DISCREET", true);

        mvc.perform(post("/account/settings").session(session).with(csrf()).param("timeZone", "Mars/Olympus_Mons"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Choose a time zone from the list")));
        mvc.perform(post("/account/settings").session(session).with(csrf()).param("timeZone", "UTC"))
            .andExpect(redirectedUrl("/account"));
        assertThat(jdbc.queryForObject("select discreet from account where id = ?", Boolean.class, account.id()))
            .isFalse();
    }
}
