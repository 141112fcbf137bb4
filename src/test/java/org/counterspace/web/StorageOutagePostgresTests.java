package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.counterspace.CounterspaceApplication;
import org.counterspace.support.PostgresTestSupport;
import org.counterspace.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database out of reach, for real: the app (postgres profile, real Tomcat) talks to PostgreSQL
 * through a TCP relay that the test cuts, so open connections break and new ones are refused, as
 * while PostgreSQL restarts. Meanwhile every kind of request answers a calm 503 page within
 * seconds (a signed-in page, whose session is read from the database before any controller runs; a
 * controller's own query; a check-in, which is not stored); health says DOWN. Once the relay is
 * back, the same session works again without anything restarted.
 */
class StorageOutagePostgresTests {

    static final String SCHEMA = PostgresTestSupport.newSchema();

    /** The pool gives up after 3 s; the rest is room for a busy machine. A hang would be Hikari's default 30 s. */
    static final long ANSWERED_WITHIN_MS = 10_000;

    static final String PASSWORD = "a quiet walk by the river at dusk";

    static Relay relay;

    static ConfigurableApplicationContext app;

    static int port;

    @BeforeAll
    static void start() throws IOException {
        PostgresTestSupport.assumeAvailable();
        relay = new Relay(PostgresTestSupport.HOST, PostgresTestSupport.PORT);
        String url = "jdbc:postgresql://127.0.0.1:" + relay.port() + "/" + PostgresTestSupport.DATABASE
                + "?currentSchema=" + SCHEMA;
        app = new SpringApplicationBuilder(CounterspaceApplication.class).profiles("postgres").run(
                "--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresTestSupport.USER, "--spring.datasource.password=",
                "--spring.flyway.schemas=" + SCHEMA, "--spring.flyway.default-schema=" + SCHEMA);
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (relay != null) {
            relay.cut();
        }
        PostgresTestSupport.dropSchema(SCHEMA);
    }

    @Test
    void whileTheDatabaseIsOutOfReachEveryRequestGetsTheCalm503PageAndTheAppRecoversByItself() throws Exception {
        RawHttp person = new RawHttp(port);
        register(person, "outage.person");
        // the form's token, read while the database answers (the form page needs it too)
        String token = RawHttp.hiddenCsrfToken(person.get("/checkins/new").body());
        assertThat(checkIn(person, token, "before the outage").status()).isEqualTo(302);

        relay.cut();
        String heading = app.getBean(MessageSource.class).getMessage("error.503.heading", null, Locale.ENGLISH);
        assertCalm503(() -> person.get("/checkins"), heading);
        assertCalm503(() -> checkIn(person, token, "during the outage"), heading);
        assertCalm503(() -> new RawHttp(port).get("/support?q=food"), heading);
        assertThat(timed(() -> new RawHttp(port).get("/actuator/health")).status()).isEqualTo(503);
        assertThat(timed(() -> new RawHttp(port).get("/actuator/health/readiness")).status()).isEqualTo(503);

        relay.restore();
        long restored = System.nanoTime();
        RawHttp.Response journal = person.get("/checkins");
        while (journal.status() != 200 && System.nanoTime() - restored < 10_000_000_000L) {
            Thread.sleep(200);
            journal = person.get("/checkins");
        }
        assertThat(journal.status()).as("the same session works again within 10 s").isEqualTo(200);
        assertThat(checkIn(person, token, "after the outage").status()).isEqualTo(302);
        assertThat(new RawHttp(port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(new RawHttp(port).get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(app.getBean(JdbcTemplate.class).queryForList("select note from check_in order by recorded_at",
                String.class)).containsExactly("before the outage", "after the outage");
    }

    /**
     * Signing in needs the database three times over: the session (with the form's token), the attempt
     * limits, the account. While it is out of reach the form gets the calm 503 page too, and once it is
     * back the same person signs in.
     */
    @Test
    void signingInWhileTheDatabaseIsOutOfReachGetsTheCalm503PageAndWorksOnceItIsBack() throws Exception {
        register(new RawHttp(port), "outage.signin");
        RawHttp person = new RawHttp(port);
        String token = RawHttp.hiddenCsrfToken(person.get("/login").body());
        String form = "username=outage.signin&password=" + encode(PASSWORD) + "&_csrf=" + encode(token);

        relay.cut();
        try {
            String heading = app.getBean(MessageSource.class).getMessage("error.503.heading", null, Locale.ENGLISH);
            assertCalm503(() -> person.postForm("/login", form), heading);
        }
        finally {
            relay.restore();
        }
        long restored = System.nanoTime();
        RawHttp.Response signIn = person.postForm("/login", form);
        while (signIn.status() == 503 && System.nanoTime() - restored < 10_000_000_000L) {
            Thread.sleep(200);
            signIn = person.postForm("/login", form);
        }
        assertThat(signIn.status()).as("signed in within 10 s of the database's return").isEqualTo(302);
        assertThat(signIn.header("location")).doesNotContain("error", "login");
    }

    interface Exchange {
        RawHttp.Response send() throws IOException;
    }

    static RawHttp.Response timed(Exchange exchange) throws IOException {
        long started = System.nanoTime();
        RawHttp.Response response = exchange.send();
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to answer").isLessThan(ANSWERED_WITHIN_MS);
        return response;
    }

    static void assertCalm503(Exchange exchange, String heading) throws IOException {
        RawHttp.Response response = timed(exchange);
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("retry-after")).isNotNull();
        assertThat(response.header("content-type")).startsWith("text/html");
        assertThat(response.body()).contains(heading, "href=\"/exit\"").doesNotContain("Exception", "at org.");
    }

    static void register(RawHttp person, String username) throws IOException {
        String token = RawHttp.hiddenCsrfToken(person.get("/register").body());
        RawHttp.Response registered = person.postForm("/register", "_csrf=" + encode(token) + "&username=" + username
                + "&password=" + encode(PASSWORD) + "&confirm=" + encode(PASSWORD));
        assertThat(registered.status()).isEqualTo(302);
    }

    static RawHttp.Response checkIn(RawHttp person, String token, String note) throws IOException {
        return person.postForm("/checkins/new", "_csrf=" + encode(token) + "&day=" + LocalDate.now().minusDays(1)
                + "&mood=3&homePull=4&note=" + encode(note));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Relays one loopback port to PostgreSQL; cutting it closes every open connection and refuses new ones. */
    static final class Relay {

        private final String host;

        private final int targetPort;

        private final Set<Socket> open = ConcurrentHashMap.newKeySet();

        private volatile ServerSocket listening;

        Relay(String host, int targetPort) throws IOException {
            this.host = host;
            this.targetPort = targetPort;
            listen(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        }

        int port() {
            return listening.getLocalPort();
        }

        void cut() throws IOException {
            listening.close();
            for (Socket socket : open) {
                socket.close();
            }
            open.clear();
        }

        void restore() throws IOException {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()));
            listen(again);
        }

        private void listen(ServerSocket server) {
            listening = server;
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket database = new Socket(host, targetPort);
                        open.add(client);
                        open.add(database);
                        pump(client, database);
                        pump(database, client);
                    }
                    catch (IOException closed) {
                        // the relay was cut
                    }
                }
            }, "relay-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void pump(Socket from, Socket to) {
            Thread pump = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                }
                catch (IOException closed) {
                    // either side went away
                }
                finally {
                    close(from);
                    close(to);
                }
            }, "relay-pump");
            pump.setDaemon(true);
            pump.start();
        }

        private void close(Socket socket) {
            try {
                socket.close();
            }
            catch (IOException ignored) {
                // closing anyway
            }
            open.remove(socket);
        }
    }
}
