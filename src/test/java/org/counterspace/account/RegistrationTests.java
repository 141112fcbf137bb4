package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

class RegistrationTests extends AccountWebTestSupport {

    @Test
    void registrationSignsInAndShowsTenRecoveryCodesOnce() throws Exception {
        String name = uniqueName("Reg");
        MvcResult result = register(name, PASSWORD);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/account/recovery-codes");
        List<String> codes = codesOf(result);
        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
            .allSatisfy(code -> assertThat(code).matches("[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}"));
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession();

        mvc.perform(get("/account/recovery-codes").session(session))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString(codes.get(0)), containsString(codes.get(9)))));
        mvc.perform(get("/account/recovery-codes").session(session)).andExpect(redirectedUrl("/account"));
        mvc.perform(get("/account").session(session)).andExpect(status().isOk())
            .andExpect(authenticated().withUsername(name))
            .andExpect(content().string(containsString(name)));

        List<String> hashes = jdbc.queryForList("select code_hash from recovery_code where account_id = ?",
                String.class, idOf(name));
        assertThat(hashes).hasSize(10).noneMatch(hash -> codes.stream()
            .anyMatch(code -> hash.contains(RecoveryCodes.normalise(code))));
        assertThat(jdbc.queryForObject("select password_hash from account where id = ?", String.class, idOf(name)))
            .startsWith("{argon2}$argon2id$");
    }

    @Test
    void theFormOffersNeutralTitlesByDefaultAndSaysWhenNotToSaveThePassword() throws Exception {
        mvc.perform(get("/register"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(
                    containsString("<input type=\"radio\" name=\"discreet\" id=\"discreet-on\" value=\"true\" checked=\"checked\">"),
                    containsString("<input type=\"radio\" name=\"discreet\" id=\"discreet-off\" value=\"false\">"),
                    containsString("Keep page titles neutral?"), containsString("when it offers to save your password"),
                    containsString("autocomplete=\"new-password\""), containsString("autocomplete=\"username\""))));
    }

    String zoneOf(String name) {
        return jdbc.queryForObject("select time_zone from account where id = ?", String.class, idOf(name));
    }

    /** Without JavaScript (nothing chosen) a new account takes the region's zone, not UTC; a chosen zone is kept. */
    @Test
    void aNewAccountsTimeZoneIsTheRegionsUnlessAnotherIsChosen() throws Exception {
        String plain = uniqueName("zone");
        register(plain, PASSWORD);
        assertThat(zoneOf(plain)).isEqualTo("Europe/London");

        String chosen = uniqueName("zone");
        mvc.perform(post("/register").with(csrf()).with(from(uniqueAddress())).param("username", chosen)
                .param("password", PASSWORD).param("confirm", PASSWORD).param("timeZone", "America/Chicago"))
            .andExpect(redirectedUrl("/account/recovery-codes"));
        assertThat(zoneOf(chosen)).isEqualTo("America/Chicago");

        String wrong = uniqueName("zone");
        mvc.perform(post("/register").with(csrf()).with(from(uniqueAddress())).param("username", wrong)
                .param("password", PASSWORD).param("confirm", PASSWORD).param("timeZone", "Mars/Olympus_Mons"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Choose a time zone from the list.")))
            .andExpect(content().string(not(containsString("data-guess-zone"))));
        assertThat(jdbc.queryForObject("select count(*) from account where username = ?", Integer.class, wrong)).isZero();
    }

    /** Likely zones first (the browser's country, then the region's), the full list after; the script may guess. */
    @Test
    void theTimeZoneListStartsWithLikelyZones() throws Exception {
        String british = mvc.perform(get("/register")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(british).contains("<optgroup label=\"Likely time zones\">\n      <option value=\"Europe/London\" selected=\"selected\">London \u2013 ")
            .contains("<option value=\"America/New_York\">New York \u2013 Eastern Time</option>",
                    "<option value=\"Australia/Sydney\">", "<optgroup label=\"All time zones\">",
                    "<option value=\"Africa/Abidjan\">Africa/Abidjan</option>", "data-guess-zone=\"true\"",
                    "src=\"/assets/js/time-zone.js\"")
            .containsOnlyOnce("value=\"Europe/London\"");
        assertThat(british.indexOf("Europe/Dublin")).isLessThan(british.indexOf("America/New_York"));
        String american = mvc.perform(get("/register").header("Accept-Language", "en-US")).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(american.indexOf("value=\"America/New_York\"")).isLessThan(american.indexOf("value=\"Europe/London\""));
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void theDiscreetChoiceAtRegistrationIsTheAccountsSetting(boolean discreet) throws Exception {
        String name = uniqueName("discreet");
        MvcResult result = mvc.perform(post("/register").with(csrf()).with(from(uniqueAddress()))
            .param("username", name).param("password", PASSWORD).param("confirm", PASSWORD)
            .param("discreet", String.valueOf(discreet))).andExpect(status().isFound()).andReturn();
        assertThat(jdbc.queryForObject("select discreet from account where id = ?", Boolean.class, idOf(name)))
            .isEqualTo(discreet);
        String title = discreet ? "<title>Notes</title>" : "<title>Today \u00b7 Counterspace</title>";
        mvc.perform(get("/").session((MockHttpSession) result.getRequest().getSession()))
            .andExpect(content().string(containsString(title)));
    }

    @Test
    void usernamesAreUniqueIgnoringCaseWithAClearMessageAndTheInputKept() throws Exception {
        String name = uniqueName("Case");
        register(name, PASSWORD);
        String other = name.toUpperCase();
        mvc.perform(post("/register").with(csrf()).with(from(uniqueAddress()))
            .param("username", other).param("password", PASSWORD).param("confirm", PASSWORD))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("That username is already taken"),
                    containsString("value=\"" + other + "\""), containsString("class=\"error-summary\""),
                    containsString("href=\"#username\""), containsString("aria-invalid=\"true\""),
                    not(containsString(PASSWORD)))));
        assertThat(jdbc.queryForObject("select count(*) from account where username_key = ?", Integer.class,
                name.toLowerCase())).isOne();
    }

    static Stream<Arguments> badInput() {
        String longName = "n".repeat(100);
        return Stream.of(Arguments.of("", "", "", "Choose a username"),
                Arguments.of(longName, PASSWORD, PASSWORD, "Choose a username"),
                Arguments.of("ab", PASSWORD, PASSWORD, "Choose a username"),
                Arguments.of("bad\u0000name", PASSWORD, PASSWORD, "Choose a username"),
                Arguments.of("with space", PASSWORD, PASSWORD, "Choose a username"),
                Arguments.of("fine.name", "", "", "Choose a password"),
                Arguments.of("fine.name", "too short pw", "too short pw", "at least 15 characters"),
                Arguments.of("fine.name", "x".repeat(257), "x".repeat(257), "at most 256 characters"),
                Arguments.of("fine.name", "my name is fine.name ok", "my name is fine.name ok", "does not contain your username"),
                Arguments.of("fine.name", "IloveYouForever", "IloveYouForever", "common or leaked"),
                Arguments.of("fine.name", "passwordpassword", "passwordpassword", "common or leaked"),
                Arguments.of("fine.name", "passwordpassword123", "passwordpassword123",
                        "easy for someone to guess. Repeating a word, a letter or a pattern"),
                Arguments.of("fine.name", "password1234567890", "password1234567890",
                        "easy for someone to guess. It is very like a password many people use"),
                Arguments.of("fine.name", "iloveyouiloveyou", "iloveyouiloveyou",
                        "easy for someone to guess. Repeating a word, a letter or a pattern"),
                Arguments.of("fine.name", " ".repeat(15), " ".repeat(15),
                        "easy for someone to guess. Repeating a word, a letter or a pattern"),
                Arguments.of("fine.name", PASSWORD, PASSWORD + "!", "not the same"),
                Arguments.of(null, null, null, "Choose a username"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputGivesAFormErrorKeepsTheUsernameAndWritesNothing(String username, String password, String confirm,
            String message) throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from account", Integer.class);
        var request = post("/register").with(csrf()).with(from(uniqueAddress()));
        if (username != null) {
            request.param("username", username).param("password", password).param("confirm", confirm);
        }
        MvcResult result = mvc.perform(request)
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString(message), containsString("role=\"alert\""),
                    containsString("aria-invalid=\"true\""))))
            .andReturn();
        String body = result.getResponse().getContentAsString();
        if (password != null && !password.isEmpty()) {
            assertThat(body).doesNotContain("value=\"" + password + "\"");
        }
        if ("fine.name".equals(username)) {
            assertThat(body).contains("value=\"fine.name\"");
        }
        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(before);
    }

    @Test
    void aPasswordOfSixtyFourEmojiWorks() throws Exception {
        // 64 different emoji (plants, fruit and food, U+1F330 to U+1F36F): the same emoji repeated is easy to guess.
        String password = IntStream.range(0x1F330, 0x1F370)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
        assertThat(password.codePointCount(0, password.length())).isEqualTo(64);
        assertThat(password.getBytes(StandardCharsets.UTF_8)).hasSize(256); // bcrypt would see only the first 72 bytes
        String name = uniqueName("emoji");
        assertThat(register(name, password).getResponse().getRedirectedUrl()).isEqualTo("/account/recovery-codes");

        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", name).param("password", password))
            .andExpect(redirectedUrl("/")).andExpect(authenticated().withUsername(name));
        String almost = password.substring(0, password.length() - 2) + new StringBuilder().appendCodePoint(0x1F33F);
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", name).param("password", almost))
            .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void passwordsAreUnicodeNormalisedSoEquivalentFormsSignIn() throws Exception {
        String name = uniqueName("nfkc");
        String composed = "caf\u00e9 au lait with \uFB01gs"; // é precomposed, "fi" ligature
        String decomposed = "cafe\u0301 au lait with figs";
        register(name, composed);
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", name.toUpperCase()).param("password", decomposed))
            .andExpect(authenticated().withUsername(name));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aTakenNameIsNotWrittenToTheLog(CapturedOutput log) throws Exception {
        String name = uniqueName("Secret");
        register(name, PASSWORD);
        int before = log.length();
        mvc.perform(post("/register").with(csrf()).with(from(uniqueAddress()))
            .param("username", name.toUpperCase()).param("password", PASSWORD).param("confirm", PASSWORD))
            .andExpect(content().string(containsString("That username is already taken")));
        assertThat(log.toString().substring(before).toLowerCase()).doesNotContain(name.toLowerCase());
    }

    @Test
    void twoRegistrationsRacingForOneNameGiveExactlyOneAccount() throws Exception {
        String name = uniqueName("race");
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<MvcResult>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String spelling = i % 2 == 0 ? name : name.toUpperCase();
                Callable<MvcResult> attempt = () -> {
                    start.await();
                    return register(spelling, PASSWORD);
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int won = 0;
            int taken = 0;
            for (Future<MvcResult> result : results) {
                MvcResult done = result.get();
                if (done.getResponse().getStatus() == 302) {
                    won++;
                }
                else {
                    assertThat(done.getResponse().getStatus()).isEqualTo(200);
                    assertThat(done.getResponse().getContentAsString()).contains("That username is already taken");
                    taken++;
                }
            }
            assertThat(won).isOne();
            assertThat(taken).isEqualTo(racers - 1);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from account where username_key = ?", Integer.class,
                name.toLowerCase())).isOne();
        assertThat(jdbc.queryForObject("select count(*) from recovery_code where account_id = ?", Integer.class,
                idOf(name))).isEqualTo(10);
    }

    @Test
    void registrationsPerAddressAreLimited() throws Exception {
        String address = uniqueAddress();
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/register").with(csrf()).with(from(address))
                .param("username", uniqueName("many")).param("password", PASSWORD).param("confirm", PASSWORD))
                .andExpect(status().isFound());
        }
        mvc.perform(post("/register").with(csrf()).with(from(address))
            .param("username", uniqueName("many")).param("password", PASSWORD).param("confirm", PASSWORD))
            .andExpect(status().isTooManyRequests())
            .andExpect(content().string(containsString("Please wait a little")))
            .andExpect(flash().attributeCount(0));
    }

    /** As at sign-in: on a shared device the new account's first browser is not remembered as one of its devices. */
    @Test
    void aSharedDeviceIsNotRememberedFromRegistration() throws Exception {
        MvcResult shared = mvc.perform(post("/register").with(csrf()).with(from(uniqueAddress()))
                .param("username", uniqueName("shared")).param("password", PASSWORD).param("confirm", PASSWORD)
                .param("sharedDevice", "true"))
            .andExpect(redirectedUrl("/account/recovery-codes")).andReturn();
        assertThat(shared.getResponse().getHeaders(HttpHeaders.SET_COOKIE))
            .noneMatch(cookie -> cookie.startsWith(KnownDevices.COOKIE + "=") && !cookie.contains("Max-Age=0"));
        MvcResult own = mvc.perform(post("/register").with(csrf()).with(from(uniqueAddress()))
                .param("username", uniqueName("own")).param("password", PASSWORD).param("confirm", PASSWORD))
            .andExpect(redirectedUrl("/account/recovery-codes")).andReturn();
        assertThat(own.getResponse().getHeaders(HttpHeaders.SET_COOKIE))
            .anyMatch(cookie -> cookie.startsWith(KnownDevices.COOKIE + "="));
        mvc.perform(get("/register")).andExpect(content().string(containsString("name=\"sharedDevice\"")));
    }
}
