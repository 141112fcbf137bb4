package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The sign-in limit keys on the same normalised name the look-up uses, and the forms that ask for
 * the current password again take their attempts from it.
 */
class SignInLimitTests extends AccountWebTestSupport {

    static final String WRONG = "certainly not the right password";

    ResultActions signInAs(String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", username).param("password", password));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u0000", "\u0001", "\u001f", "\t", "\u007f" })
    void aNameWithAControlCharacterNeverSignsInEvenWithTheRightPassword(String control) throws Exception {
        AccountPrincipal victim = testAccount("victim");
        signInAs(victim.getUsername() + control, TestAccounts.PASSWORD)
            .andExpect(redirectedUrl("/login?error"))
            .andExpect(unauthenticated());
        signInAs(control + victim.getUsername(), TestAccounts.PASSWORD).andExpect(unauthenticated());
    }

    @Test
    void controlCharactersDoNotGetAroundTheLimitOfAName() throws Exception {
        AccountPrincipal victim = testAccount("limited");
        for (int i = 0; i < 5; i++) {
            signInAs(victim.getUsername(), WRONG + i).andExpect(redirectedUrl("/login?error"));
        }
        signInAs(victim.getUsername() + "\u0001", TestAccounts.PASSWORD).andExpect(unauthenticated());
        signInAs(victim.getUsername() + "\u0000", TestAccounts.PASSWORD).andExpect(unauthenticated());
        signInAs(victim.getUsername(), TestAccounts.PASSWORD).andExpect(status().isTooManyRequests());
    }

    @Test
    void everyFormOfANameCountsAgainstOneLimit() throws Exception {
        AccountPrincipal victim = testAccount("forms");
        String name = victim.getUsername();
        String fullWidth = name.chars().mapToObj(c -> Character.toString(c >= '!' && c <= '~' ? c + 0xFEE0 : c))
            .reduce("", String::concat);
        for (String variant : new String[] { name.toUpperCase(), "  " + name + "  ", fullWidth, "\u3000" + name,
                name }) {
            signInAs(variant, WRONG).andExpect(redirectedUrl("/login?error"));
        }
        signInAs(name, TestAccounts.PASSWORD).andExpect(status().isTooManyRequests()).andExpect(unauthenticated());
    }

    @Test
    void aSignInThatSucceedsIsNotCounted() throws Exception {
        AccountPrincipal account = testAccount("often");
        for (int i = 0; i < 8; i++) {
            signInAs(account.getUsername(), TestAccounts.PASSWORD).andExpect(authenticated());
        }
        for (int i = 0; i < 4; i++) {
            signInAs(account.getUsername(), WRONG).andExpect(redirectedUrl("/login?error"));
        }
        signInAs(account.getUsername(), TestAccounts.PASSWORD).andExpect(authenticated());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/account/password", "/account/recovery-codes/new", "/account/delete" })
    void wrongCurrentPasswordsAreLimitedLikeSignInAndEndTheSession(String form) throws Exception {
        AccountPrincipal account = testAccount("device");
        MockHttpSession session = signIn(account.getUsername(), TestAccounts.PASSWORD);
        for (int i = 0; i < 4; i++) {
            confirm(form, session, WRONG + i).andExpect(status().isOk())
                .andExpect(content().string(containsString("That is not your current password")));
        }
        confirm(form, session, WRONG).andExpect(redirectedUrl("/login?reauthlimit"));
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/login").param("reauthlimit", "")).andExpect(status().isOk())
            .andExpect(content().string(containsString("You have been signed out because the current password")));
        signInAs(account.getUsername(), TestAccounts.PASSWORD).andExpect(status().isTooManyRequests());
        assertThat(idOf(account.getUsername())).isEqualTo(account.id());
    }

    @Test
    void theRightCurrentPasswordGivesItsAttemptBack() throws Exception {
        AccountPrincipal account = testAccount("careful");
        MockHttpSession session = signIn(account.getUsername(), TestAccounts.PASSWORD);
        for (int i = 0; i < 6; i++) {
            confirm("/account/recovery-codes/new", session, TestAccounts.PASSWORD)
                .andExpect(redirectedUrl("/account/recovery-codes"));
        }
        for (int i = 0; i < 4; i++) {
            confirm("/account/recovery-codes/new", session, WRONG).andExpect(status().isOk());
        }
        assertThat(session.isInvalid()).isFalse();
    }

    ResultActions confirm(String form, MockHttpSession session, String currentPassword) throws Exception {
        String other = "a different long password for this form";
        return mvc.perform(post(form).session(session).with(csrf()).param("currentPassword", currentPassword)
            .param("password", other).param("confirm", other));
    }
}
