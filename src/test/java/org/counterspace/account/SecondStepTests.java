package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import dev.samstevens.totp.code.DefaultCodeGenerator;

/**
 * The optional second step: setting it up with a QR code drawn here, signing in with the app's
 * code, a wrong code, a recovery code instead, and turning it off. Codes are worked out here from
 * the key the setup page shows, as the app would; each accepted code is from a later 30-second step.
 */
class SecondStepTests extends AccountWebTestSupport {

    static final Pattern KEY = Pattern.compile("<code class=\"setup-key\">([A-Z2-7 ]+)</code>");

    /** An account, signed in, that has just turned the second step on. */
    record Enrolled(String username, String password, String secret, MockHttpSession session, List<String> codes) {
    }

    /**
     * The app's code for the first 30-second step from now on that no code was accepted for yet:
     * never an earlier step, so the code still counts if the clock moves on before it is checked.
     * Two codes in a row fit the window (now and the next step).
     */
    final class App {

        private final String secret;

        private long lastStep = Long.MIN_VALUE;

        App(String secret) {
            this.secret = secret;
        }

        String nextCode() throws Exception {
            long step = Math.max(lastStep + 1, Instant.now().getEpochSecond() / SecondStepService.PERIOD_SECONDS);
            lastStep = step;
            return new DefaultCodeGenerator().generate(secret, step);
        }
    }

    String setupKey(MockHttpSession session) throws Exception {
        String page = mvc.perform(get("/account/second-step").session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        Matcher key = KEY.matcher(page);
        assertThat(key.find()).as("the setup key on the page").isTrue();
        return key.group(1).replace(" ", "");
    }

    ResultActions turnOn(MockHttpSession session, String code, String password) throws Exception {
        return mvc.perform(post("/account/second-step/on").session(session).with(csrf())
            .param("code", code).param("currentPassword", password));
    }

    Enrolled enrolled(String prefix, App[] app) throws Exception {
        String name = uniqueName(prefix);
        MvcResult registration = register(name, PASSWORD);
        MockHttpSession session = (MockHttpSession) registration.getRequest().getSession();
        String secret = setupKey(session);
        app[0] = new App(secret);
        turnOn(session, app[0].nextCode(), PASSWORD).andExpect(redirectedUrl("/account/second-step"));
        return new Enrolled(name, PASSWORD, secret, session, codesOf(registration));
    }

    /** The password step: the browser is sent to the second step and is not signed in yet. */
    MockHttpSession passwordStep(String username, String password) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).with(from(uniqueAddress()))
            .param("username", username).param("password", password))
            .andExpect(redirectedUrl(SecondStepSignInController.PATH))
            .andExpect(unauthenticated());
        return session;
    }

    ResultActions secondStep(MockHttpSession session, String code) throws Exception {
        return mvc.perform(post(SecondStepSignInController.PATH).session(session).with(csrf()).with(from(uniqueAddress()))
            .param("code", code));
    }

    /** A code for a key from an earlier visit cannot match: the page says the key is new, and shows it. */
    @Test
    void aCodeSentWithoutTheSetupPageInThisSessionIsAskedForAgainWithANewKey() throws Exception {
        MockHttpSession session = (MockHttpSession) register(uniqueName("nokey"), PASSWORD).getRequest().getSession();

        String page = turnOn(session, "123456", PASSWORD).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();

        assertThat(page).contains("This page has a new key").containsPattern(KEY.pattern());
        String secret = setupKey(session);
        turnOn(session, new App(secret).nextCode(), PASSWORD).andExpect(redirectedUrl("/account/second-step"));
        turnOn(session, "123456", PASSWORD).andExpect(redirectedUrl("/account/second-step"));
    }

    @Test
    void settingItUpShowsAQrCodeDrawnHereAndNeedsTheAppsCodeAndThePassword() throws Exception {
        String name = uniqueName("setup");
        MockHttpSession session = (MockHttpSession) register(name, PASSWORD).getRequest().getSession();
        String page = mvc.perform(get("/account/second-step").session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\"", "role=\"img\"",
                "When it helps, and when it does not").doesNotContain("<img", "otpauth://");
        App app = new App(setupKey(session));

        String code = app.nextCode();
        turnOn(session, "000000".equals(code) ? "111111" : "000000", PASSWORD).andExpect(status().isOk())
            .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("That code does not match"));
        turnOn(session, code, "not my password at all").andExpect(status().isOk())
            .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                .contains("That is not your current password"));
        turnOn(session, code, PASSWORD).andExpect(redirectedUrl("/account/second-step"));

        mvc.perform(get("/account").session(session))
            .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("The second step is on"));
        assertThat(jdbc.queryForObject("select secret from second_step where account_id = ?", String.class, idOf(name)))
            .doesNotContain(app.secret).hasSize(80);
        assertThat(jdbc.queryForList("select kind from account_event where account_id = ?", String.class, idOf(name)))
            .contains("SECOND_STEP_ON");
    }

    @Test
    void signingInNeedsTheCodeAfterThePasswordAndACodeWorksOnce() throws Exception {
        App[] app = new App[1];
        Enrolled me = enrolled("twostep", app);
        MockHttpSession session = passwordStep(me.username(), me.password());
        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get(SecondStepSignInController.PATH).session(session)).andExpect(status().isOk());

        secondStep(session, "12345").andExpect(status().isOk()).andExpect(unauthenticated())
            .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("That code is not right"));
        String code = app[0].nextCode();
        // The page asked for before signing in is where the second step leads.
        secondStep(session, code).andExpect(authenticated().withUsername(me.username()))
            .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/account?continue"));
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());

        MockHttpSession again = passwordStep(me.username(), me.password());
        secondStep(again, code).andExpect(status().isOk()).andExpect(unauthenticated());
        assertThat(jdbc.queryForList("select kind from account_event where account_id = ?", String.class,
                idOf(me.username()))).contains("SECOND_STEP_FAILED");
    }

    @Test
    void aBrowserSaidToBeSharedAtThePasswordIsNotRememberedAfterTheCode() throws Exception {
        App[] app = new App[1];
        Enrolled me = enrolled("sharedstep", app);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).with(from(uniqueAddress()))
            .param("username", me.username()).param("password", me.password())
            .param(KnownDevices.SHARED_PARAMETER, "true"))
            .andExpect(redirectedUrl(SecondStepSignInController.PATH));
        MvcResult signedIn = secondStep(session, app[0].nextCode()).andExpect(authenticated()).andReturn();
        assertThat(signedIn.getResponse().getHeaders(HttpHeaders.SET_COOKIE))
            .noneSatisfy(cookie -> assertThat(cookie).startsWith(KnownDevices.COOKIE + "="));
    }

    @Test
    void wrongCodesCountLikeWrongPasswords() throws Exception {
        App[] app = new App[1];
        Enrolled me = enrolled("guessed", app);
        MockHttpSession session = passwordStep(me.username(), me.password());
        for (int i = 0; i < 5; i++) {
            secondStep(session, String.format("%06d", i)).andExpect(status().isOk());
        }
        secondStep(session, app[0].nextCode()).andExpect(status().isTooManyRequests()).andExpect(unauthenticated());
    }

    @Test
    void aRecoveryCodeWorksInsteadOfTheAppOnce() throws Exception {
        App[] app = new App[1];
        Enrolled me = enrolled("lostphone", app);
        String code = me.codes().get(2);
        secondStep(passwordStep(me.username(), me.password()), code.toLowerCase())
            .andExpect(redirectedUrl("/")).andExpect(authenticated());
        UUID id = idOf(me.username());
        assertThat(jdbc.queryForObject("select count(*) from recovery_code where account_id = ?", Integer.class, id))
            .isEqualTo(9);
        secondStep(passwordStep(me.username(), me.password()), code).andExpect(status().isOk())
            .andExpect(unauthenticated());
        assertThat(jdbc.queryForList("select kind from account_event where account_id = ?", String.class, id))
            .contains("SECOND_STEP_RECOVERY_CODE");
    }

    @Test
    void turningItOffNeedsThePasswordAndACode() throws Exception {
        App[] app = new App[1];
        Enrolled me = enrolled("turnoff", app);
        String code = app[0].nextCode();
        mvc.perform(post("/account/second-step/off").session(me.session()).with(csrf())
            .param("code", "000000".equals(code) ? "111111" : "000000").param("currentPassword", PASSWORD))
            .andExpect(status().isOk())
            .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("That code is not right"));
        mvc.perform(post("/account/second-step/off").session(me.session()).with(csrf())
            .param("code", code).param("currentPassword", "not my password at all"))
            .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from second_step where account_id = ?", Integer.class,
                idOf(me.username()))).isOne();

        mvc.perform(post("/account/second-step/off").session(me.session()).with(csrf())
            .param("code", code).param("currentPassword", PASSWORD))
            .andExpect(redirectedUrl("/account/second-step"));
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", me.username()).param("password", PASSWORD))
            .andExpect(redirectedUrl("/")).andExpect(authenticated());
        assertThat(jdbc.queryForList("select kind from account_event where account_id = ?", String.class,
                idOf(me.username()))).contains("SECOND_STEP_OFF");
    }

    @Test
    void withoutThePasswordStepThereIsNothingToAnswer() throws Exception {
        mvc.perform(get(SecondStepSignInController.PATH)).andExpect(redirectedUrl("/login"));
        mvc.perform(post(SecondStepSignInController.PATH).with(csrf()).param("code", "123456"))
            .andExpect(redirectedUrl("/login")).andExpect(unauthenticated());
        AccountPrincipal plain = testAccount("plain");
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", plain.getUsername()).param("password", TestAccounts.PASSWORD))
            .andExpect(redirectedUrl("/")).andExpect(authenticated());
    }

    @Test
    void deletingTheAccountDeletesItsSecondStep() throws Exception {
        App[] app = new App[1];
        Enrolled me = enrolled("gone", app);
        UUID id = idOf(me.username());
        mvc.perform(post("/account/delete").session(me.session()).with(csrf()).param("currentPassword", PASSWORD))
            .andExpect(redirectedUrl("/login?deleted"));
        assertThat(jdbc.queryForObject("select count(*) from second_step where account_id = ?", Integer.class, id))
            .isZero();
    }
}
