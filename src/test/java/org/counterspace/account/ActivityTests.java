package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** The owner always learns what happened: the activity log, the notice after sign-in and the activity page. */
class ActivityTests extends AccountWebTestSupport {

    static final String WRONG = "certainly not the right password";

    static final String NEW_PASSWORD = "seven paper lanterns above the harbour";

    @Autowired
    ActivityLog activity;

    /** A sign-in on the browser with this device cookie (none: a browser never used for the account). */
    MvcResult signInOn(Cookie device, String username, String password, MockHttpSession session) throws Exception {
        var request = post("/login").session(session).with(csrf()).with(from(uniqueAddress()))
            .param("username", username).param("password", password);
        if (device != null) {
            request.cookie(device);
        }
        return mvc.perform(request).andReturn();
    }

    /** Signs in on that browser and returns the first page it is sent to. */
    String firstPageAfterSignIn(Cookie device, String username, String password) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult signedIn = signInOn(device, username, password, session);
        assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
        return mvc.perform(get("/").session(session)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
    }

    /**
     * A browser the owner has signed in on before: its first sign-in made it known (and, as a
     * browser new to the account, is not a visit), its second is the last visit.
     */
    Cookie homeBrowserOf(String username, String password) throws Exception {
        Cookie device = signInOn(null, username, password, new MockHttpSession()).getResponse()
            .getCookie(KnownDevices.COOKIE);
        signInOn(device, username, password, new MockHttpSession());
        return device;
    }

    @Test
    void failedAttemptsElsewhereAreShownAtTheOwnersNextSignInAndOnlyOnce() throws Exception {
        AccountPrincipal owner = testAccount("told");
        Cookie home = homeBrowserOf(owner.getUsername(), TestAccounts.PASSWORD);
        for (int i = 0; i < 3; i++) {
            signInOn(null, owner.getUsername(), WRONG + i, new MockHttpSession());
        }
        String page = firstPageAfterSignIn(home, owner.getUsername(), TestAccounts.PASSWORD);
        assertThat(page).contains("Since you last signed in, on ", "3 wrong passwords at sign-in",
                "If this was not you, change your password", "href=\"/account/activity\"");
        assertThat(firstPageAfterSignIn(home, owner.getUsername(), TestAccounts.PASSWORD))
            .doesNotContain("Since you last signed in");
    }

    @Test
    void aRecoveryCodeUsedBySomeoneElseIsShownToTheOwnerAtTheirNextSignIn() throws Exception {
        String name = uniqueName("takeover");
        MvcResult registration = register(name, PASSWORD);
        Cookie home = registration.getResponse().getCookie(KnownDevices.COOKIE);
        MockHttpSession ownersSession = (MockHttpSession) registration.getRequest().getSession();
        List<String> codes = codesOf(registration);

        // Someone who found a code sets a new password, which signs the owner out everywhere, and signs in.
        mvc.perform(post("/recover").with(csrf()).with(from(uniqueAddress())).param("username", name)
            .param("code", codes.get(0)).param("password", NEW_PASSWORD).param("confirm", NEW_PASSWORD))
            .andExpect(redirectedUrl("/login?recovered"));
        mvc.perform(get("/account").session(ownersSession)).andExpect(redirectedUrl("/login?ended"));
        signInOn(null, name, NEW_PASSWORD, new MockHttpSession());

        // The owner's password no longer works; they use a code of their own and sign in at home.
        signInOn(home, name, PASSWORD, new MockHttpSession());
        String mine = "my own new passphrase after all that";
        mvc.perform(post("/recover").with(csrf()).with(from(uniqueAddress())).param("username", name)
            .param("code", codes.get(1)).param("password", mine).param("confirm", mine))
            .andExpect(redirectedUrl("/login?recovered"));
        String page = firstPageAfterSignIn(home, name, mine);
        assertThat(page).contains("Since your account was made", "Recovery codes were used 2 times to set a new password",
                "Every other place where you were signed in was signed out",
                "Signed in on a browser not used for this account before", "A wrong password at sign-in");
    }

    @Test
    void aSignInOnANewBrowserIsNotAVisitSoItCannotHideWhatCameBefore() throws Exception {
        AccountPrincipal owner = testAccount("hidden");
        Cookie home = homeBrowserOf(owner.getUsername(), TestAccounts.PASSWORD);
        signInOn(null, owner.getUsername(), WRONG, new MockHttpSession());
        assertThat(firstPageAfterSignIn(null, owner.getUsername(), TestAccounts.PASSWORD))
            .contains("A wrong password at sign-in");
        assertThat(firstPageAfterSignIn(home, owner.getUsername(), TestAccounts.PASSWORD))
            .contains("A wrong password at sign-in", "Signed in on a browser not used for this account before");
    }

    @Test
    void theActivityPageListsTheLatestWithDayAndTimeInTheOwnersTimeZone() throws Exception {
        AccountPrincipal owner = testAccount("zone");
        jdbc.update("update account set time_zone = 'Pacific/Auckland' where id = ?", owner.id());
        Cookie home = homeBrowserOf(owner.getUsername(), TestAccounts.PASSWORD);
        MockHttpSession session = new MockHttpSession();
        signInOn(home, owner.getUsername(), TestAccounts.PASSWORD, session);
        // A wrong current password is typed on the signed-in device.
        mvc.perform(post("/account/recovery-codes/new").session(session).cookie(home).with(csrf())
            .param("currentPassword", WRONG)).andExpect(status().isOk());

        String page = mvc.perform(get("/account/activity").session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        Timestamp signedIn = jdbc.queryForObject("select occurred_at from account_event where account_id = ? "
                + "and kind = 'SIGNED_IN'", Timestamp.class, owner.id());
        assertThat(page).contains(ActivityLog.dayAndTime(signedIn.toInstant(), ZoneId.of("Pacific/Auckland")),
                "Pacific/Auckland")
            .containsSubsequence("A wrong current password while signed in", "Signed in 2 times",
                    "Signed in on a browser not used for this account before");
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
            .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                .contains("href=\"/account/activity\""));
    }

    @Test
    void theLogKeepsTheLatestFiftyAndCountsRepeatsInARowAsOne() {
        UUID id = testAccount("bounded").id();
        for (int i = 0; i < 30; i++) {
            activity.record(id, ActivityLog.Kind.SIGN_IN_FAILED);
        }
        assertThat(activity.latest(id, 100)).singleElement()
            .satisfies(entry -> assertThat(entry.times()).isEqualTo(30));
        for (int i = 0; i < 60; i++) {
            activity.record(id, i % 2 == 0 ? ActivityLog.Kind.SIGNED_IN : ActivityLog.Kind.PASSWORD_CHANGED);
        }
        assertThat(jdbc.queryForObject("select count(*) from account_event where account_id = ?", Integer.class, id))
            .isEqualTo(ActivityLog.KEPT);
    }
}
