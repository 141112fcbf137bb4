package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class SignInTests extends AccountWebTestSupport {

    @Autowired
    ThrottleProperties limits;

    @Test
    void signInPageHasTheExpectedFields() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
            .andExpect(content().string(containsString("name=\"username\"")))
            .andExpect(content().string(containsString("name=\"password\"")))
            .andExpect(content().string(containsString("autocomplete=\"current-password\"")));
    }

    @Test
    void signingInChangesTheSessionId() throws Exception {
        AccountPrincipal account = testAccount("fixation");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/login").session(session)).andExpect(status().isOk());
        String before = session.getId();
        mvc.perform(post("/login").session(session).with(csrf()).with(from(uniqueAddress()))
            .param("username", account.getUsername()).param("password", TestAccounts.PASSWORD))
            .andExpect(redirectedUrl("/"))
            .andExpect(authenticated().withUsername(account.getUsername()));
        assertThat(session.getId()).isNotEqualTo(before);
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void aFailedSignInShowsOneMessageAndKeepsTheUsernameButNotThePassword() throws Exception {
        AccountPrincipal account = testAccount("failed");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).with(from(uniqueAddress()))
            .param("username", account.getUsername()).param("password", "not the right password at all"))
            .andExpect(redirectedUrl("/login?error"))
            .andExpect(unauthenticated());
        String page = mvc.perform(get("/login").param("error", "").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"" + account.getUsername() + "\"", "do not match", "role=\"alert\"")
            .doesNotContain("not the right password");
    }

    @Test
    void theSixthFailureWithinFifteenMinutesWaitsWithA429EvenWithTheRightPassword() throws Exception {
        AccountPrincipal account = testAccount("throttled");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
                .param("username", account.getUsername()).param("password", "wrong password number " + i))
                .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", account.getUsername().toUpperCase()).param("password", TestAccounts.PASSWORD))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().exists("Retry-After"))
            .andExpect(forwardedUrl("/throttled"))
            .andExpect(unauthenticated());
        // another person is not affected
        AccountPrincipal other = testAccount("unaffected");
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", other.getUsername()).param("password", TestAccounts.PASSWORD))
            .andExpect(authenticated());
    }

    @Test
    void aNameWithoutAnAccountIsLimitedExactlyLikeARealOne() throws Exception {
        String nobody = uniqueName("nobody");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
                .param("username", nobody).param("password", "wrong password number " + i))
                .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", nobody).param("password", "wrong password again"))
            .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }

    @Test
    void oneAddressTryingManyNamesIsLimitedToo() throws Exception {
        String address = uniqueAddress();
        int limit = limits.signInAddress().attempts();
        for (int i = 0; i < limit; i++) {
            spray(address, i).andExpect(redirectedUrl("/login?error"));
        }
        // The window refills smoothly while the test runs (one attempt every few seconds), so a few
        // more may pass before the wait; never more than a tenth of the limit.
        int more = 0;
        while (spray(address, limit + more).andReturn().getResponse().getStatus() != 429) {
            assertThat(++more).isLessThan(limit / 10);
        }
    }

    ResultActions spray(String address, int guess) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(address))
            .param("username", uniqueName("spray")).param("password", "a guessed password " + guess));
    }

    @Test
    void theWaitPageSaysWhenToTryAgain() throws Exception {
        mvc.perform(get("/throttled").requestAttr(ThrottledPage.WAIT_ATTRIBUTE, java.time.Duration.ofSeconds(170)))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().string("Retry-After", "170"))
            .andExpect(content().string(containsString("try again in about 3 minutes")));
    }

    @Test
    void signingOutEndsTheSessionAndClearsTheCookies() throws Exception {
        AccountPrincipal account = testAccount("signout");
        MockHttpSession session = signIn(account.getUsername(), TestAccounts.PASSWORD);
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").session(session).with(csrf()))
            .andExpect(redirectedUrl("/login?signedout"))
            .andExpect(cookie().maxAge("JSESSIONID", 0))
            .andExpect(cookie().maxAge("SESSION", 0));
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aHashUnderAnOlderDefaultIsUpgradedToArgon2idAtSignIn() throws Exception {
        UUID id = UUID.randomUUID();
        String name = uniqueName("bcrypt");
        jdbc.update("insert into account (id, username, username_key, password_hash, roles, time_zone, discreet, created_at) "
                + "values (?, ?, ?, ?, 'ROLE_USER', 'UTC', false, ?)", id, name, name.toLowerCase(),
                "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD), Timestamp.from(Instant.now()));
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", name).param("password", PASSWORD))
            .andExpect(authenticated().withUsername(name));
        assertThat(jdbc.queryForObject("select password_hash from account where id = ?", String.class, id))
            .startsWith("{argon2}$argon2id$");
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", name).param("password", PASSWORD))
            .andExpect(authenticated().withUsername(name));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/account", "/account/password", "/account/recovery-codes/new", "/account/delete",
            "/account/export", "/admin/curators" })
    void personalPagesNeedSignIn(String path) throws Exception {
        mvc.perform(get(path)).andExpect(redirectedUrl("/login"));
    }
}
