package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
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
 * Running behind a reverse proxy that ends TLS, as README "Behind a proxy" describes: forwarded
 * headers on, a base URL configured. The test client talks from loopback, one of the proxies
 * trusted by default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native", "counterspace.base-url=https://counterspace.example" })
class BehindAProxyTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void overHttpsAtTheProxyTheSignInIsStrictTransportAndItsCookiesSecure() throws Exception {
        RawHttp.Response signedIn = signIn(new RawHttp(port).with(Map.of("X-Forwarded-Proto", "https")));
        assertThat(signedIn.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(cookies(signedIn)).hasSize(2)
            .allSatisfy(cookie -> assertThat(cookie).containsAnyOf("JSESSIONID=", "device=").contains("Secure"));
    }

    @Test
    void overPlainHttpNeither() throws Exception {
        RawHttp.Response signedIn = signIn(new RawHttp(port));
        assertThat(signedIn.header("Strict-Transport-Security")).isNull();
        assertThat(cookies(signedIn)).isNotEmpty().noneSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    }

    @Test
    void redirectsStartWithTheBaseUrlWhateverHostTheRequestNamed() throws Exception {
        RawHttp browser = new RawHttp(port).with(RedirectLocationTests.FORGED);
        RawHttp.Response personal = browser.get("/checkins");
        assertThat(personal.header("Location")).isEqualTo("https://counterspace.example/login");
        assertThat(signIn(browser).header("Location")).isEqualTo("https://counterspace.example/checkins?continue");
        // Somewhere else entirely stays where it was going.
        assertThat(browser.get("/exit").header("Location")).startsWith("https://www.bbc.co.uk/");
    }

    private RawHttp.Response signIn(RawHttp browser) throws Exception {
        AccountPrincipal me = TestAccounts.create(jdbc, "proxy-" + UUID.randomUUID().toString().substring(0, 8));
        String token = RawHttp.hiddenCsrfToken(browser.get("/login").body());
        return browser.postForm("/login", "username=" + me.getUsername() + "&password="
                + TestAccounts.PASSWORD.replace(' ', '+') + "&_csrf=" + token);
    }

    /** Each Set-Cookie header of the answer (RawHttp joins repeated headers with a comma). */
    private static List<String> cookies(RawHttp.Response response) {
        String all = response.header("Set-Cookie");
        return all == null ? List.of() : Arrays.stream(all.split(", (?=[A-Za-z_]+=)")).toList();
    }
}
