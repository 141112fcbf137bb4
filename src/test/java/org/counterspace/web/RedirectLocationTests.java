package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.RawHttp;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Over the real server (Tomcat turns relative redirects into absolute ones unless told not to):
 * no redirect is built from the {@code Host} a request names, and without forwarded headers turned
 * on a request cannot claim to have come over HTTPS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedirectLocationTests {

    static final Map<String, String> FORGED = Map.of("Host", "evil.example", "X-Forwarded-Host", "evil.example",
            "X-Forwarded-Proto", "https", "X-Forwarded-Port", "443");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noRedirectNamesTheHostTheRequestGave() throws Exception {
        AccountPrincipal me = TestAccounts.create(jdbc, "host-" + UUID.randomUUID().toString().substring(0, 8));
        RawHttp browser = new RawHttp(port).with(FORGED);

        assertRelative(browser.get("/checkins"), "/login");
        String token = RawHttp.hiddenCsrfToken(browser.get("/login").body());
        assertRelative(browser.postForm("/login", "username=" + me.getUsername() + "&password=wrong&_csrf=" + token),
                "/login?error");
        token = RawHttp.hiddenCsrfToken(browser.get("/login").body());
        assertRelative(browser.postForm("/login", "username=" + me.getUsername() + "&password="
                + TestAccounts.PASSWORD.replace(' ', '+') + "&_csrf=" + token), "/checkins?continue");
        token = RawHttp.hiddenCsrfToken(browser.get("/account").body());
        assertRelative(browser.postForm("/account/settings", "timeZone=Europe/London&_csrf=" + token), "/account");
        assertRelative(browser.postForm("/logout", "_csrf=" + token), "/login?signedout");
    }

    @Test
    void withoutForwardedHeadersTurnedOnAClaimOfHttpsIsIgnored() throws Exception {
        AccountPrincipal me = TestAccounts.create(jdbc, "plain-" + UUID.randomUUID().toString().substring(0, 8));
        RawHttp browser = new RawHttp(port).with(FORGED);
        String token = RawHttp.hiddenCsrfToken(browser.get("/login").body());
        RawHttp.Response signedIn = browser.postForm("/login", "username=" + me.getUsername() + "&password="
                + TestAccounts.PASSWORD.replace(' ', '+') + "&_csrf=" + token);
        assertThat(signedIn.header("Strict-Transport-Security")).isNull();
        assertThat(signedIn.header("Set-Cookie")).contains("JSESSIONID=", "device=").doesNotContain("Secure");
    }

    static void assertRelative(RawHttp.Response response, String location) {
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo(location);
    }
}
