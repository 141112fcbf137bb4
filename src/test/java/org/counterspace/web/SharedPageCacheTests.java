package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shared-page cache over real HTTP: what is replayed is exactly what was rendered, and nothing
 * personal, one-time or discreet is ever replayed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharedPageCacheTests {

    private static final String GUIDE = "/guidance/healing-at-home";

    private static final List<String> SECURITY_HEADERS = List.of("content-security-policy", "x-frame-options",
            "x-content-type-options", "referrer-policy", "permissions-policy", "cache-control", "content-type",
            "content-language", "cross-origin-opener-policy");

    @LocalServerPort
    int port;

    @Autowired
    SharedPageCache cache;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient anonymous = HttpClient.newHttpClient();

    @Test
    void aRepeatedAnonymousVisitGetsTheSameBytesAndHeadersFromMemory() throws Exception {
        HttpResponse<String> rendered = get(anonymous, GUIDE, Map.of());
        long replays = cache.replays();
        HttpResponse<String> replayed = get(anonymous, GUIDE, Map.of());

        assertThat(cache.replays()).isEqualTo(replays + 1);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo(rendered.body()).contains("Healing while you still live there");
        for (String header : SECURITY_HEADERS) {
            assertThat(replayed.headers().allValues(header)).as(header)
                .isNotEmpty()
                .isEqualTo(rendered.headers().allValues(header));
        }
        assertThat(replayed.headers().firstValue("content-security-policy").orElseThrow())
            .contains("default-src 'self'").doesNotContain("unsafe-inline");
    }

    @Test
    void aReplayIsGzippedOnceForBrowsersThatAcceptIt() throws Exception {
        String page = "/guidance/when-home-pulls-you-back";
        String plain = get(anonymous, page, Map.of()).body();
        long replays = cache.replays();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
            .header("Accept-Encoding", "br;q=1.0, gzip;q=0.8, *;q=0.1")
            .build();
        HttpResponse<byte[]> gzipped = anonymous.send(request, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(cache.replays()).isEqualTo(replays + 1);
        assertThat(gzipped.headers().firstValue("content-encoding")).contains("gzip");
        assertThat(gzipped.headers().allValues("vary")).containsExactly("Accept-Encoding");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
        // compressed on the first replay that asks for it, then kept
        assertThat(anonymous.send(request, HttpResponse.BodyHandlers.ofByteArray()).body()).isEqualTo(gzipped.body());
        HttpResponse<String> refused = get(anonymous, page, Map.of("Accept-Encoding", "gzip;q=0, identity"));
        assertThat(refused.headers().firstValue("content-encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(plain);
    }

    @Test
    void aBrowsersFirstPageShowsTheExitNoticeEveryTimeAndIsNeverReplayed() throws Exception {
        Map<String, String> browser = Map.of("Accept", "text/html");
        long replays = cache.replays();
        for (int visit = 0; visit < 2; visit++) {
            HttpResponse<String> page = get(anonymous, GUIDE, browser);
            assertThat(page.body()).contains("id=\"exit-notice\"");
            assertThat(page.headers().allValues("set-cookie")).anyMatch(cookie -> cookie.startsWith("notice="));
        }
        assertThat(cache.replays()).isEqualTo(replays);

        HttpResponse<String> noticeSeen = get(anonymous, GUIDE, Map.of("Accept", "text/html", "Cookie", "notice=seen"));
        replays = cache.replays();
        HttpResponse<String> again = get(anonymous, GUIDE, Map.of("Accept", "text/html", "Cookie", "notice=seen"));

        assertThat(cache.replays()).isEqualTo(replays + 1);
        assertThat(again.body()).isEqualTo(noticeSeen.body()).doesNotContain("id=\"exit-notice\"");
        assertThat(again.headers().allValues("set-cookie")).isEmpty();
    }

    @Test
    void discreetSearchAndMissingPagesAreAlwaysRendered() throws Exception {
        int kept = cache.size();
        long replays = cache.replays();
        get(anonymous, GUIDE + "?discreet=1", Map.of());
        HttpResponse<String> discreet = get(anonymous, GUIDE + "?discreet=1", Map.of());
        get(anonymous, "/guidance?q=home", Map.of());
        get(anonymous, "/guidance/no-such-guide", Map.of());
        get(anonymous, "/guidance/no-such-guide", Map.of());

        assertThat(discreet.body()).doesNotContain("Counterspace</title>");
        assertThat(cache.size()).isEqualTo(kept);
        assertThat(cache.replays()).isEqualTo(replays);
    }

    /** The search page is kept per query string (and index state and minute: CurateTests shows a change at once). */
    @Test
    void theSearchPageIsReplayedForTheSameQueryOnlyAndNeverWhenDiscreet() throws Exception {
        HttpResponse<String> rendered = get(anonymous, "/support?q=counselling", Map.of());
        long replays = cache.replays();
        // two more visits: at most one of them falls in the next minute, rendered anew
        List<String> again = List.of(get(anonymous, "/support?q=counselling", Map.of()).body(),
                get(anonymous, "/support?q=counselling", Map.of()).body());
        assertThat(cache.replays()).isGreaterThan(replays);
        assertThat(again).contains(rendered.body());
        assertThat(rendered.body()).contains("services found");

        long before = cache.replays();
        HttpResponse<String> other = get(anonymous, "/support?q=housing", Map.of());
        get(anonymous, "/support?q=counselling&discreet=1", Map.of());
        HttpResponse<String> discreet = get(anonymous, "/support?q=counselling&discreet=1", Map.of());
        assertThat(other.body()).isNotEqualTo(rendered.body());
        assertThat(discreet.body()).doesNotContain("Counterspace</title>");
        assertThat(cache.replays()).isEqualTo(before);
    }

    @Test
    void aSignedInPersonGetsTheirOwnPageNotTheSharedOne() throws Exception {
        get(anonymous, "/", Map.of());
        long replays = cache.replays();
        get(anonymous, "/", Map.of());
        assertThat(cache.replays()).isEqualTo(replays + 1);

        TestAccounts.create(jdbc, "shared.page.reader");
        HttpClient signedIn = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        signIn(signedIn, "shared.page.reader");
        replays = cache.replays();
        HttpResponse<String> home = get(signedIn, "/", Map.of());

        assertThat(home.body()).contains("href=\"/checkins\"").contains("href=\"/account\"");
        assertThat(home.headers().firstValue("cache-control").orElseThrow()).contains("no-store");
        assertThat(cache.replays()).isEqualTo(replays);
    }

    private void signIn(HttpClient client, String username) throws Exception {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(client, "/login", Map.of()).body());
        assertThat(token.find()).isTrue();
        String form = "username=" + username + "&password=" + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("location").orElseThrow()).doesNotContain("error");
    }

    private HttpResponse<String> get(HttpClient client, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
