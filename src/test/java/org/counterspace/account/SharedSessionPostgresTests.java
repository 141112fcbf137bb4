package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.counterspace.CounterspaceApplication;
import org.counterspace.directory.RateLimits;
import org.counterspace.support.PostgresTestSupport;
import org.counterspace.support.RawHttp;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In the postgres profile sessions live in the database: two instances of the app on one
 * PostgreSQL schema share a sign-in, and signing out on one ends it on the other. A Daylio preview
 * waiting for its owner is in the database too, and so are attempt and rate limits.
 */
class SharedSessionPostgresTests {

    static final String SCHEMA = PostgresTestSupport.newSchema();

    static ConfigurableApplicationContext first;

    static ConfigurableApplicationContext second;

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTwoInstances() {
        PostgresTestSupport.assumeAvailable();
        first = start();
        second = start();
    }

    static ConfigurableApplicationContext start() {
        // as arguments: they must win over application-postgres.properties, as a deployment's would
        Stream<String> schema = PostgresTestSupport.properties(SCHEMA).entrySet().stream()
            .map(property -> "--" + property.getKey() + "=" + property.getValue());
        return new SpringApplicationBuilder(CounterspaceApplication.class).profiles("postgres")
            .run(Stream.concat(Stream.of("--server.port=0"), schema).toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
            if (context != null) {
                context.close();
            }
        }
        PostgresTestSupport.dropSchema(SCHEMA);
    }

    static String url(ConfigurableApplicationContext context, String path) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path;
    }

    static HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String cookie, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("SESSION=") && !c.startsWith("SESSION=;"))
            .map(c -> c.substring(0, c.indexOf(';')))
            .reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("no SESSION cookie in " + response.headers().map()));
    }

    static String csrf(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }

    @Test
    void aSignInOnOneInstanceWorksOnTheOtherAndSigningOutEndsItOnBoth() throws Exception {
        AccountPrincipal account = TestAccounts.create(first.getBean(JdbcTemplate.class), "shared.person");

        HttpResponse<String> loginPage = get(url(first, "/login"), null);
        String anonymous = sessionCookie(loginPage);
        HttpResponse<String> signedIn = post(url(first, "/login"), anonymous, Map.of("_csrf", csrf(loginPage.body()),
                "username", account.getUsername(), "password", TestAccounts.PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String session = sessionCookie(signedIn);
        assertThat(session).isNotEqualTo(anonymous);
        assertThat(signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")))
            .allSatisfy(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax").contains("Secure"));

        assertThat(first.getBean(JdbcTemplate.class).queryForList(
                "select MAX_INACTIVE_INTERVAL from SPRING_SESSION where PRINCIPAL_NAME = ?", Integer.class,
                account.getUsername())).containsExactly(1800);

        HttpResponse<String> elsewhere = get(url(second, "/account"), session);
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        assertThat(elsewhere.body()).contains("Signed in as " + account.getUsername());
        assertThat(get(url(second, "/account"), anonymous).statusCode()).isEqualTo(302);

        HttpResponse<String> signedOut = post(url(second, "/logout"), session, Map.of("_csrf", csrf(elsewhere.body())));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        HttpResponse<String> afterwards = get(url(first, "/account"), session);
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    /**
     * A Daylio preview waits in the database, not in one instance's memory: uploaded through one
     * instance, it is shown and imported through the other.
     */
    @Test
    void aDaylioPreviewUploadedThroughOneInstanceIsImportedThroughTheOther() throws Exception {
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        AccountPrincipal account = TestAccounts.create(jdbc, "daylio.person");
        RawHttp one = new RawHttp(Integer.parseInt(first.getEnvironment().getProperty("local.server.port")));
        one.signIn(account.getUsername(), TestAccounts.PASSWORD);
        String token = RawHttp.formActionToken(one.get("/checkins/export").body(), "/checkins/import/daylio");
        RawHttp.Response uploaded = one.postMultipart("/checkins/import/daylio?_csrf=" + token, RawHttp.Multipart.text(
                "full_date,date,weekday,time,mood,activities,note_title,note\n"
                + "2025-03-02,March 2,Sunday,9:15 pm,rad,friends | music,Good day,Saw Sam\n"
                + "2025-03-01,March 1,Saturday,8:00 pm,awful,,,\n"), false);
        assertThat(uploaded.status()).isEqualTo(302);

        RawHttp two = one.on(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
        RawHttp.Response preview = two.get("/checkins/import/daylio");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("2 entries from 1 March 2025 to 2 March 2025");
        RawHttp.Response imported = two.postForm("/checkins/import/daylio/confirm",
                "homePull=5&preview=" + RawHttp.hiddenField(preview.body(), "preview") + "&_csrf="
                + RawHttp.hiddenCsrfToken(preview.body()));
        assertThat(imported.header("location")).endsWith("/checkins");
        assertThat(jdbc.queryForObject("select count(*) from check_in where account_id = ? and imported", Integer.class,
                account.id())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from daylio_preview", Integer.class)).isZero();
    }

    /** Signs in through the form on that instance and returns the signed-in SESSION cookie. */
    static String signIn(ConfigurableApplicationContext instance, String username, String password) throws Exception {
        HttpResponse<String> loginPage = get(url(instance, "/login"), null);
        HttpResponse<String> signedIn = post(url(instance, "/login"), sessionCookie(loginPage),
                Map.of("_csrf", csrf(loginPage.body()), "username", username, "password", password));
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return sessionCookie(signedIn);
    }

    @Test
    void aRecoveryOnOneInstanceEndsTheSessionsOnTheOtherAndTheNextSignInIsTold() throws Exception {
        AccountPrincipal account = TestAccounts.create(first.getBean(JdbcTemplate.class), "recovered.person");
        String code = first.getBean(AccountService.class).replaceRecoveryCodes(account.id()).get(0);
        String session = signIn(first, account.getUsername(), TestAccounts.PASSWORD);

        String newPassword = "a long new password chosen after the recovery";
        HttpResponse<String> form = get(url(second, "/recover"), null);
        HttpResponse<String> recovered = post(url(second, "/recover"), sessionCookie(form), Map.of("_csrf",
                csrf(form.body()), "username", account.getUsername(), "code", code, "password", newPassword,
                "confirm", newPassword));
        assertThat(recovered.headers().firstValue("Location").orElseThrow()).endsWith("/login?recovered");

        HttpResponse<String> ended = get(url(first, "/account"), session);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");

        String again = signIn(first, account.getUsername(), newPassword);
        assertThat(get(url(second, "/"), again).body()).contains("A recovery code was used to set a new password",
                "Every other place where you were signed in was signed out");
    }

    /**
     * Five wrong passwords through one instance use up the username's limit on both: the right
     * password through the other instance, typed in capitals or full-width letters, waits with a 429
     * (one key for every spelling of the name, on every instance). The table holds digests, not the name.
     */
    @Test
    void aSignInLimitReachedOnOneInstanceHoldsOnTheOther() throws Exception {
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        AccountPrincipal account = TestAccounts.create(jdbc, "guessed.person");
        for (int i = 0; i < 5; i++) {
            assertThat(attemptSignIn(first, account.getUsername(), "wrong password number " + i).headers()
                .firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
        HttpResponse<String> waiting = attemptSignIn(second, account.getUsername().toUpperCase(), TestAccounts.PASSWORD);
        assertThat(waiting.statusCode()).isEqualTo(429);
        assertThat(waiting.headers().firstValue("Retry-After")).isPresent();
        assertThat(attemptSignIn(first, account.getUsername(), TestAccounts.PASSWORD).statusCode()).isEqualTo(429);
        // every spelling that names the account shares its key (NFKC: full-width letters); one that cannot
        // name it (a control character, once the "%01" bypass) never signs in, on either instance
        String fullWidth = account.getUsername().chars()
            .map(c -> c >= '!' && c <= '~' ? c + 0xFEE0 : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(attemptSignIn(second, fullWidth, TestAccounts.PASSWORD).statusCode()).isEqualTo(429);
        assertThat(attemptSignIn(second, account.getUsername() + "\u0001", TestAccounts.PASSWORD).headers()
            .firstValue("Location").orElseThrow()).endsWith("/login?error");

        AccountPrincipal other = TestAccounts.create(jdbc, "other.person");
        assertThat(attemptSignIn(second, other.getUsername(), TestAccounts.PASSWORD).headers().firstValue("Location")
            .orElseThrow()).doesNotContain("error");
        assertThat(jdbc.queryForList("select id from rate_limit_bucket", String.class)).isNotEmpty()
            .noneMatch(id -> id.contains("guessed"));
    }

    /** The directory's report limit too: reports used up through one instance are refused by the other. */
    @Test
    void aReportLimitUsedUpOnOneInstanceHoldsOnTheOther() {
        RateLimits onFirst = first.getBean("reportLimits", RateLimits.class);
        RateLimits onSecond = second.getBean("reportLimits", RateLimits.class);
        String client = "192.0.2.44";
        int allowed = 0;
        while (onFirst.tryAcquire(client)) {
            assertThat(++allowed).isLessThan(1000);
        }
        assertThat(allowed).isPositive();
        assertThat(onSecond.tryAcquire(client)).isFalse();
        assertThat(onSecond.tryAcquire("192.0.2.45")).isTrue();
    }

    static HttpResponse<String> attemptSignIn(ConfigurableApplicationContext instance, String username,
            String password) throws Exception {
        HttpResponse<String> loginPage = get(url(instance, "/login"), null);
        return post(url(instance, "/login"), sessionCookie(loginPage),
                Map.of("_csrf", csrf(loginPage.body()), "username", username, "password", password));
    }
}
