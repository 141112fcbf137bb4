package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.counterspace.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole journey over the real server, every word of it typed by the person, with the log captured:
 * registration, a wrong password, sign-in, the second step turned on, a wrong code, a code, a
 * recovery code, a wrong current password, a check-in with a note, a safety plan, a new password by
 * recovery code. Nothing typed appears in the log, only account ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogTests {

    static final Pattern RECOVERY_CODE = Pattern.compile("<li><code>([A-Z0-9-]+)</code></li>");

    static final Pattern SETUP_KEY = Pattern.compile("<code class=\"setup-key\">([A-Z2-7 ]+)</code>");

    @LocalServerPort
    int port;

    @Test
    void aWholeJourneyLeavesNothingTypedInTheLog(CapturedOutput log) throws Exception {
        String username = "wren" + UUID.randomUUID().toString().substring(0, 8);
        String password = "marmalade lanterns drift over seventeen quiet hills";
        String wrongPassword = "thistledown carousel beneath a copper moon";
        String newPassword = "otters juggling pebbles in the amber estuary";
        String note = "The kettle sang while the argument in the hallway went on";
        String plan = "Walk to the library on Carrow Street and sit by the fern";
        List<String> typed = new ArrayList<>(List.of(username, password, wrongPassword, newPassword, note, plan));
        RawHttp browser = new RawHttp(port);

        send(browser, "/register", "/register", "username", username, "password", password, "confirm", password);
        String codesPage = browser.get("/account/recovery-codes").body();
        List<String> codes = RECOVERY_CODE.matcher(codesPage).results().map(found -> found.group(1)).toList();
        assertThat(codes).hasSize(10);
        typed.addAll(codes);
        signOut(browser);

        assertThat(signIn(browser, username, wrongPassword)).isEqualTo("/login?error");
        assertThat(signIn(browser, username, password)).isEqualTo("/");

        Matcher key = SETUP_KEY.matcher(browser.get("/account/second-step").body());
        assertThat(key.find()).isTrue();
        String secret = key.group(1).replace(" ", "");
        typed.add(secret);
        long step = Instant.now().getEpochSecond() / 30;
        assertThat(send(browser, "/account/second-step", "/account/second-step/on", "code", code(secret, step),
                "currentPassword", password)).isEqualTo("/account/second-step");
        signOut(browser);

        assertThat(signIn(browser, username, password)).isEqualTo("/login/second-step");
        String wrongCode = code(secret, step + 20);
        assertThat(send(browser, "/login/second-step", "/login/second-step", "code", wrongCode)).isNull();
        assertThat(send(browser, "/login/second-step", "/login/second-step", "code", code(secret, step + 1)))
            .isEqualTo("/");
        signOut(browser);
        assertThat(signIn(browser, username, password)).isEqualTo("/login/second-step");
        assertThat(send(browser, "/login/second-step", "/login/second-step", "code", codes.get(0))).isEqualTo("/");

        assertThat(send(browser, "/account/password", "/account/password", "currentPassword", wrongPassword,
                "password", newPassword, "confirm", newPassword)).isNull();
        assertThat(send(browser, "/checkins/new", "/checkins/new", "day", LocalDate.now().toString(), "mood", "3",
                "homePull", "2", "note", note)).isNotNull();
        assertThat(browser.get("/checkins").body()).contains("The kettle sang");
        assertThat(send(browser, "/safety-plan/edit", "/safety-plan", "warningSigns", plan, "onMyOwn", plan))
            .isNotNull();
        signOut(browser);
        assertThat(send(browser, "/recover", "/recover", "username", username, "code", codes.get(1), "password",
                newPassword, "confirm", newPassword)).startsWith("/login?recovered");
        assertThat(signIn(browser, username, newPassword)).isEqualTo("/login/second-step");

        assertThat(log.getAll()).as("the journey was logged by account id").contains("Sign-in succeeded for account");
        for (String secretTyped : typed) {
            assertThat(log.getAll()).as("what the person typed").doesNotContainIgnoringCase(secretTyped);
        }
        assertThat(log.getAll()).as("the wrong code").doesNotContain("code=" + wrongCode);
    }

    private static String code(String secret, long step) throws Exception {
        return new DefaultCodeGenerator().generate(secret, step);
    }

    /** Opens the page with the form, then posts the fields with its CSRF token; the answer's redirect, if any. */
    private static String send(RawHttp browser, String page, String action, String... fields) throws Exception {
        StringBuilder body = new StringBuilder("_csrf=").append(RawHttp.hiddenCsrfToken(browser.get(page).body()));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        RawHttp.Response answer = browser.postForm(action, body.toString());
        assertThat(answer.status()).as(action).isIn(200, 302);
        return answer.header("Location");
    }

    private static String signIn(RawHttp browser, String username, String password) throws Exception {
        return send(browser, "/login", "/login", "username", username, "password", password);
    }

    private static void signOut(RawHttp browser) throws Exception {
        send(browser, "/help", "/logout");
    }
}
