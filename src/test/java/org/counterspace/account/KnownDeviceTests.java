package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The device cookie: a browser where the account signed in keeps its own small allowance, so
 * guesses made anywhere else cannot make the owner wait.
 */
class KnownDeviceTests extends AccountWebTestSupport {

    static final String WRONG = "certainly not the right password";

    @Autowired
    ThrottleProperties limits;

    /** A sign-in from this address, with this browser's device cookie when it has one. */
    ResultActions signIn(String address, Cookie device, String username, String password) throws Exception {
        return signIn(address, device, username, password, false);
    }

    /** The same, with the sign-in form's "this is a shared device" box ticked or not. */
    ResultActions signIn(String address, Cookie device, String username, String password, boolean sharedDevice)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/login").with(csrf()).with(from(address))
            .param("username", username).param("password", password);
        if (sharedDevice) {
            request.param(KnownDevices.SHARED_PARAMETER, "true");
        }
        if (device != null) {
            request.cookie(device);
        }
        return mvc.perform(request);
    }

    /** Signs in once and returns the device cookie the browser got. */
    Cookie knownDevice(AccountPrincipal account, String address) throws Exception {
        MvcResult result = signIn(address, null, account.getUsername(), TestAccounts.PASSWORD)
            .andExpect(authenticated()).andReturn();
        Cookie device = result.getResponse().getCookie(KnownDevices.COOKIE);
        assertThat(device).isNotNull();
        return device;
    }

    void lockForUnknownBrowsers(AccountPrincipal account, String address) throws Exception {
        for (int i = 0; i < limits.signInName().attempts(); i++) {
            signIn(address, null, account.getUsername(), WRONG + i).andExpect(redirectedUrl("/login?error"));
        }
        signIn(address, null, account.getUsername(), TestAccounts.PASSWORD).andExpect(status().isTooManyRequests());
    }

    @Test
    void aSignInGivesTheBrowserALongLivedHttpOnlyLaxCookieWithoutTheName() throws Exception {
        AccountPrincipal account = testAccount("cookie");
        MvcResult result = signIn(uniqueAddress(), null, account.getUsername(), TestAccounts.PASSWORD).andReturn();
        String header = result.getResponse().getHeaders(HttpHeaders.SET_COOKIE).stream()
            .filter(cookie -> cookie.startsWith(KnownDevices.COOKIE + "="))
            .findFirst()
            .orElseThrow();
        assertThat(header).contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=" + Duration.ofDays(365).toSeconds())
            .doesNotContain("Secure")
            .doesNotContainIgnoringCase(account.getUsername())
            .doesNotContain(account.id().toString());
        MvcResult secure = mvc.perform(post("/login").secure(true).with(csrf()).with(from(uniqueAddress()))
            .param("username", account.getUsername()).param("password", TestAccounts.PASSWORD)).andReturn();
        assertThat(secure.getResponse().getHeaders(HttpHeaders.SET_COOKIE))
            .anySatisfy(cookie -> assertThat(cookie).startsWith(KnownDevices.COOKIE + "=").contains("Secure"));
    }

    @Test
    void aKnownDeviceSignsInWhileItsUsernameIsLockedForUnknownBrowsers() throws Exception {
        AccountPrincipal owner = testAccount("owner");
        String home = uniqueAddress();
        Cookie device = knownDevice(owner, home);
        // Someone at the same address, on another browser, who knows the username.
        lockForUnknownBrowsers(owner, home);
        signIn(uniqueAddress(), null, owner.getUsername(), TestAccounts.PASSWORD).andExpect(status().isTooManyRequests());
        signIn(home, device, owner.getUsername(), TestAccounts.PASSWORD)
            .andExpect(authenticated().withUsername(owner.getUsername()));
    }

    @Test
    void aKnownDevicesWrongPasswordsUseItsOwnAllowanceThenItCountsAsUnknown() throws Exception {
        AccountPrincipal owner = testAccount("typo");
        String address = uniqueAddress();
        Cookie device = knownDevice(owner, address);
        for (int i = 0; i < limits.signInDevice().attempts(); i++) {
            signIn(address, device, owner.getUsername(), WRONG + i).andExpect(redirectedUrl("/login?error"));
        }
        // Nothing was counted against the name: another browser still signs in.
        signIn(uniqueAddress(), null, owner.getUsername(), TestAccounts.PASSWORD).andExpect(authenticated());
        // With its own allowance used up the device counts as unknown, and is limited like any browser.
        lockForUnknownBrowsers(owner, address);
        signIn(address, device, owner.getUsername(), TestAccounts.PASSWORD).andExpect(status().isTooManyRequests());
    }

    @Test
    void aDeviceIsOnlyKnownForTheAccountThatSignedInThere() throws Exception {
        AccountPrincipal mine = testAccount("mine");
        AccountPrincipal theirs = testAccount("theirs");
        String address = uniqueAddress();
        Cookie device = knownDevice(mine, address);
        lockForUnknownBrowsers(theirs, uniqueAddress());
        signIn(address, device, theirs.getUsername(), TestAccounts.PASSWORD).andExpect(status().isTooManyRequests());
    }

    @Test
    void aChangedOrMadeUpCookieIsAnUnknownBrowser() throws Exception {
        AccountPrincipal owner = testAccount("forged");
        String address = uniqueAddress();
        String token = knownDevice(owner, address).getValue();
        lockForUnknownBrowsers(owner, uniqueAddress());
        String otherId = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        for (String value : List.of(otherId, token.substring(0, token.length() - 2) + "AA", "x.y", "")) {
            signIn(address, new Cookie(KnownDevices.COOKIE, value), owner.getUsername(), TestAccounts.PASSWORD)
                .andExpect(status().isTooManyRequests());
        }
    }

    @Test
    void aSharedBrowserStaysKnownForEachAccountThatSignedInThere() throws Exception {
        AccountPrincipal first = testAccount("first");
        AccountPrincipal second = testAccount("second");
        String address = uniqueAddress();
        Cookie device = knownDevice(first, address);
        MvcResult both = signIn(address, device, second.getUsername(), TestAccounts.PASSWORD)
            .andExpect(authenticated()).andReturn();
        Cookie shared = both.getResponse().getCookie(KnownDevices.COOKIE);
        lockForUnknownBrowsers(first, uniqueAddress());
        lockForUnknownBrowsers(second, uniqueAddress());
        signIn(address, shared, first.getUsername(), TestAccounts.PASSWORD).andExpect(authenticated());
        signIn(address, shared, second.getUsername(), TestAccounts.PASSWORD).andExpect(authenticated());
    }

    @Test
    void aBrowserSaidToBeSharedIsNotRememberedAndHasNoAllowanceOfItsOwn() throws Exception {
        AccountPrincipal owner = testAccount("sharedbox");
        String address = uniqueAddress();
        MvcResult shared = signIn(address, null, owner.getUsername(), TestAccounts.PASSWORD, true)
            .andExpect(authenticated()).andReturn();
        assertThat(shared.getResponse().getHeaders(HttpHeaders.SET_COOKIE))
            .noneSatisfy(cookie -> assertThat(cookie).startsWith(KnownDevices.COOKIE + "="));
        // A browser that was known and is now said to be shared drops the account's token.
        Cookie device = knownDevice(owner, address);
        MvcResult forgotten = signIn(address, device, owner.getUsername(), TestAccounts.PASSWORD, true)
            .andExpect(authenticated()).andReturn();
        assertThat(forgotten.getResponse().getCookie(KnownDevices.COOKIE).getMaxAge()).isZero();
        // With the box ticked, a browser still holding a token gets no allowance of its own.
        lockForUnknownBrowsers(owner, uniqueAddress());
        signIn(address, device, owner.getUsername(), TestAccounts.PASSWORD, true).andExpect(status().isTooManyRequests());
        signIn(address, device, owner.getUsername(), TestAccounts.PASSWORD, false).andExpect(authenticated());
    }

    @Test
    void forgettingOneAccountKeepsTheOthersOnTheSameBrowser() throws Exception {
        AccountPrincipal first = testAccount("stays");
        AccountPrincipal second = testAccount("goes");
        String address = uniqueAddress();
        Cookie one = knownDevice(first, address);
        Cookie both = signIn(address, one, second.getUsername(), TestAccounts.PASSWORD)
            .andReturn().getResponse().getCookie(KnownDevices.COOKIE);
        Cookie left = signIn(address, both, second.getUsername(), TestAccounts.PASSWORD, true)
            .andReturn().getResponse().getCookie(KnownDevices.COOKIE);
        assertThat(left.getMaxAge()).isPositive();
        assertThat(left.getValue()).isEqualTo(one.getValue());
    }

    @Test
    void theBoxStaysTickedAfterAWrongPassword() throws Exception {
        AccountPrincipal owner = testAccount("ticked");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).with(from(uniqueAddress()))
            .param("username", owner.getUsername()).param("password", WRONG)
            .param(KnownDevices.SHARED_PARAMETER, "true"))
            .andExpect(redirectedUrl("/login?error"));
        String page = mvc.perform(get("/login").param("error", "").session(session))
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"true\" aria-describedby=\"sharedDevice-hint\" checked");
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
            .contains("name=\"sharedDevice\"").doesNotContain("sharedDevice-hint\" checked");
    }

    @Test
    void signingOutKeepsTheDeviceCookie() throws Exception {
        AccountPrincipal owner = testAccount("leaving");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).with(from(uniqueAddress()))
            .param("username", owner.getUsername()).param("password", TestAccounts.PASSWORD));
        MvcResult out = mvc.perform(post("/logout").session(session).with(csrf()).secure(true)).andReturn();
        assertThat(out.getResponse().getHeaders(HttpHeaders.SET_COOKIE))
            .noneSatisfy(cookie -> assertThat(cookie).startsWith(KnownDevices.COOKIE + "="));
        assertThat(out.getResponse().getHeader("Clear-Site-Data")).contains("\"cache\"", "\"storage\"")
            .doesNotContain("\"cookies\"");
    }

    @Test
    void theQuickExitRemovesTheDeviceCookie() throws Exception {
        MvcResult exit = mvc.perform(get("/exit").cookie(new Cookie(KnownDevices.COOKIE, "a.b"))).andReturn();
        assertThat(exit.getResponse().getHeaders(HttpHeaders.SET_COOKIE))
            .anySatisfy(cookie -> assertThat(cookie).startsWith(KnownDevices.COOKIE + "=;").contains("Max-Age=0"));
    }

    @Test
    void guessesAtOneNameDoNotBlockOtherNamesAtTheSameAddress() throws Exception {
        AccountPrincipal guessed = testAccount("guessed");
        AccountPrincipal neighbour = testAccount("neighbour");
        String shelter = uniqueAddress();
        lockForUnknownBrowsers(guessed, shelter);
        signIn(shelter, null, neighbour.getUsername(), TestAccounts.PASSWORD).andExpect(authenticated());
    }

    @Test
    void wrongCurrentPasswordsOnAKnownDeviceUseItsAllowanceAndEndTheSession() throws Exception {
        AccountPrincipal owner = testAccount("reauth");
        String address = uniqueAddress();
        MockHttpSession session = new MockHttpSession();
        Cookie device = mvc.perform(post("/login").session(session).with(csrf()).with(from(address))
            .param("username", owner.getUsername()).param("password", TestAccounts.PASSWORD))
            .andReturn().getResponse().getCookie(KnownDevices.COOKIE);
        for (int i = 1; i < limits.signInDevice().attempts(); i++) {
            changePassword(session, device, address, WRONG + i).andExpect(status().isOk());
        }
        changePassword(session, device, address, WRONG).andExpect(redirectedUrl("/login?reauthlimit"));
        assertThat(session.isInvalid()).isTrue();
        // The guesses were the device's own: the name is not locked for the owner's other browsers.
        signIn(uniqueAddress(), null, owner.getUsername(), TestAccounts.PASSWORD).andExpect(authenticated());
    }

    ResultActions changePassword(MockHttpSession session, Cookie device, String address, String currentPassword)
            throws Exception {
        String other = "a different long password for this form";
        return mvc.perform(post("/account/password").session(session).cookie(device).with(csrf()).with(from(address))
            .param("currentPassword", currentPassword).param("password", other).param("confirm", other));
    }
}
