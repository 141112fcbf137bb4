package org.counterspace.web.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.directory.hsds.ImportJobs;
import org.counterspace.support.TestAccounts;
import org.counterspace.web.sweep.SweepEndpoint.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The bad-input sweep: every form and every endpoint with parameters, found in the running app
 * ({@link SweepDiscovery}: the pages each role reaches from "/" and the request mappings no page
 * links to), gets the battery ({@link SweepBattery}, {@link SweepValues}): empty, 10 k and (on one
 * parameter per endpoint, picked by the seeded random, to keep the run short) 1 M characters, NUL and
 * other control characters, lone surrogates, right-to-left and emoji text, HTML and script,
 * template expressions, SQL fragments, negative, huge and fractional numbers, impossible dates,
 * duplicated, indexed and dotted names, missing parameters, bad path ids, missing and wrong CSRF
 * tokens, bad uploads and the app's own downloads with bad values in them; and over real HTTP
 * ({@link SweepHttp}) broken UTF-8 in form bodies and queries, an unknown charset and paths the
 * firewall refuses.
 * <p>
 * Every answer is checked ({@link SweepLedger}): never a 5xx; a refused request (4xx, a form shown
 * again, or the sign-in page) adds or removes no row in any table; a POST answered 200 shows a message;
 * no script comes back unescaped and no exception shows on a page; no request logs a stack trace or an
 * event over {@value SweepLedger#MAX_LOG_EVENT} characters. The sweep prints how many requests it sent
 * to each endpoint and in all, and writes the same to {@code target/bad-input-sweep-<database>.txt}.
 * <p>
 * Skipped, because they end the session the sweep works in: {@code POST /logout} (signs out) and
 * {@code GET /exit} (the quick exit: ends the session and leaves the site). The account deletion form
 * is swept, but its password field never holds the real password ({@link SweepPages#WRONG_PASSWORD}),
 * so it is always refused. Forms that remove something ({@link SweepEndpoint#destructive()}) are swept
 * last, so their success takes nothing away from the rest. The sign-in, report and API limits are
 * raised here, so requests reach the code behind them instead of a 429 (their own tests cover them).
 * <p>
 * The seed is printed; run again with {@code -Dsweep.seed=N} to repeat a run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "counterspace.throttle.sign-in-name.attempts=1000000", "counterspace.throttle.sign-in-name.period=1m",
        "counterspace.throttle.sign-in-address.attempts=1000000", "counterspace.throttle.sign-in-address.period=1m",
        "counterspace.throttle.recover-name.attempts=1000000", "counterspace.throttle.recover-name.period=1m",
        "counterspace.throttle.recover-address.attempts=1000000", "counterspace.throttle.recover-address.period=1m",
        "counterspace.throttle.register-address.attempts=1000000", "counterspace.throttle.register-address.period=1m",
        "counterspace.directory.limits.reports=1000000", "counterspace.directory.limits.api-requests=1000000",
        "server.servlet.session.cookie.secure=false" })
@AutoConfigureMockMvc
abstract class BadInputSweep {

    static final Set<String> SKIPPED = Set.of("POST /logout", "GET /exit");

    static final long SEED = Long.getLong("sweep.seed", System.nanoTime());

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ImportJobs imports;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @LocalServerPort
    int port;

    /** The database's name in the report. */
    abstract String database();

    /** Waits for an HSDS import a request started in the background: its rows (or its audit line) are that request's. */
    private void importsEnded() {
        for (int i = 0; i < 600 && imports.running().isPresent(); i++) {
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(imports.running()).as("an HSDS import still running after a minute").isEmpty();
    }

    @Test
    void noBadInputAnswers5xxWritesARowWhenRefusedOrFloodsTheLog() throws Exception {
        long started = System.nanoTime();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        SweepRoles roles = new SweepRoles(TestAccounts.create(jdbc, "sweep.person." + suffix),
                TestAccounts.create(jdbc, "sweep.curator." + suffix, AccountPrincipal.ROLE_ADMIN));
        SweepDiscovery discovery = new SweepDiscovery(mvc, handlerMapping, roles, SKIPPED);
        List<SweepEndpoint> endpoints = discovery.discover();
        assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(40);
        assertThat(endpoints).extracting(e -> e.role).as("roles").contains(Role.values());
        try (SweepLedger ledger = new SweepLedger(jdbc, this::importsEnded)) {
            discovery.problems().forEach(problem -> ledger.fail(problem, ""));
            Random random = new Random(SEED);
            new SweepHttp(port, roles, ledger, random).sweep(endpoints);
            SweepBattery battery = new SweepBattery(mvc, roles, ledger, random, discovery.downloads());
            for (SweepEndpoint endpoint : endpoints) {
                battery.sweep(endpoint);
            }
            report(ledger, endpoints, discovery, (System.nanoTime() - started) / 1_000_000_000.0);
            assertThat(ledger.failures()).as("what the sweep found (all in target/bad-input-sweep-*.txt)")
                .isEmpty();
        }
    }

    private void report(SweepLedger ledger, List<SweepEndpoint> endpoints, SweepDiscovery discovery, double seconds)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("Bad-input sweep on %s: %d requests to %d endpoints in %.0f s (seed %d; %d more to "
                + "discover them; %d tables watched; largest log event %d characters)", database(), ledger.total(),
                endpoints.size(), seconds, SEED, discovery.requests(), ledger.tables().size(), ledger.largestLogEvent()));
        for (SweepEndpoint endpoint : endpoints) {
            lines.add(String.format("  %6d requests %6.1f s  %s (%s)", ledger.perEndpoint().getOrDefault(endpoint.toString(), 0),
                    ledger.millisPerEndpoint().getOrDefault(endpoint.toString(), 0L) / 1000.0, endpoint, endpoint.source));
        }
        lines.add("  forms sent once before the second crawl: " + String.join("; ", discovery.seeded()));
        discovery.downloads().forEach(d -> lines.add("  download " + d.fileName() + (d.holdsMarker() ? " holds" : " lacks")
                + " the sweep's text"));
        ledger.failures().stream().limit(200).forEach(failure -> lines.add("  FOUND: " + failure));
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "bad-input-sweep-" + database().toLowerCase() + ".txt"), lines,
                StandardCharsets.UTF_8);
    }
}
