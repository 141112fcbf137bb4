package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wrong guesses sent at the same moment to the real server: each one takes an attempt before any is checked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentSignInTests {

    static final int GUESSES = 12;

    static final int LIMIT = 5;

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twelveParallelWrongGuessesTakeTwelveAttemptsAndOnlyFiveAreChecked() throws Exception {
        AccountPrincipal victim = TestAccounts.create(jdbc, "parallel." + System.nanoTime());
        List<HttpRequest> guesses = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            guesses.add(signIn(victim.getUsername(), "a wrong guess in parallel " + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (HttpRequest guess : guesses) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.send(guess, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                outcomes.add(response.statusCode() + " " + response.headers().firstValue("Location").orElse(""));
            }
            assertThat(outcomes).filteredOn(outcome -> outcome.endsWith("/login?error")).hasSize(LIMIT);
            assertThat(outcomes).filteredOn(outcome -> outcome.startsWith("429")).hasSize(GUESSES - LIMIT);
        }
        finally {
            pool.shutdownNow();
        }
        HttpResponse<String> right = http.send(signIn(victim.getUsername(), TestAccounts.PASSWORD),
                HttpResponse.BodyHandlers.ofString());
        assertThat(right.statusCode()).isEqualTo(429);
    }

    /** A sign-in POST in a session of its own, with that session's CSRF token. */
    HttpRequest signIn(String username, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String form = Map.of("_csrf", token.group(1), "username", username, "password", password).entrySet().stream()
            .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(url("/login")).header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
