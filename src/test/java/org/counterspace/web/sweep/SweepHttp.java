package org.counterspace.web.sweep;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.counterspace.support.TestAccounts;
import org.counterspace.web.sweep.SweepEndpoint.Role;
import org.counterspace.web.sweep.SweepValues.Bytes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The part of the sweep MockMvc cannot express, sent to the real server over HTTP: broken UTF-8 as
 * raw bytes in form bodies and percent-encoded in queries (Tomcat decodes those, MockMvc does not),
 * a form body in a charset that does not exist, and paths Spring Security's firewall refuses.
 * Each role has a real session: anonymous, and the person and the curator signed in through /login.
 */
final class SweepHttp {

    private static final List<String> FIREWALL_PROBES = List.of(";x=1", "/%2e%2e/x", "%5cx", "%00", "%25");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private final int port;

    private final String base;

    private final SweepLedger ledger;

    private final Random random;

    private final Map<Role, Session> sessions = new EnumMap<>(Role.class);

    /** One browser: its cookies and the CSRF token its pages carry. */
    private static final class Session {

        final Map<String, String> cookies = new LinkedHashMap<>();

        String csrf = "";
    }

    SweepHttp(int port, SweepRoles roles, SweepLedger ledger, Random random) throws Exception {
        this.random = random;
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.ledger = ledger;
        for (Role role : Role.values()) {
            Session session = new Session();
            sessions.put(role, session);
            session.csrf = token(session, "/login");
            if (role != Role.ANONYMOUS) {
                String body = form(Map.of("username", List.of(roles.principal(role).getUsername()), "password",
                        List.of(TestAccounts.PASSWORD))) + "&_csrf=" + session.csrf;
                Response signIn = send(session, "POST", "/login", body.getBytes(StandardCharsets.US_ASCII),
                        "application/x-www-form-urlencoded");
                if (signIn.status() != 302 || String.valueOf(signIn.location()).contains("error")) {
                    throw new IllegalStateException("Could not sign in as " + role + " over HTTP: " + signIn.status());
                }
                session.csrf = token(session, "/");
            }
        }
    }

    void sweep(List<SweepEndpoint> endpoints) throws Exception {
        for (SweepEndpoint endpoint : endpoints) {
            Session session = sessions.get(endpoint.role);
            String path = endpoint.path(Map.of());
            for (String name : endpoint.parameterNames()) {
                if (endpoint.fileFields.contains(name)) {
                    continue;
                }
                Map<String, List<String>> others = new LinkedHashMap<>(endpoint.baseline);
                others.remove(name);
                for (Bytes broken : SweepValues.brokenBytes(random)) {
                    String what = name + " = " + broken.label();
                    if (endpoint.isGet()) {
                        String query = join(form(others), name + "=" + percentEncoded(broken.bytes()));
                        check(endpoint, what, session, "GET", path + "?" + query, null, null);
                    }
                    else if (!endpoint.multipart()) {
                        check(endpoint, what, session, "POST", path, formBody(session, others, name, broken.bytes()),
                                "application/x-www-form-urlencoded");
                    }
                }
            }
            if (endpoint.isGet()) {
                for (String probe : FIREWALL_PROBES) {
                    check(endpoint, "path + " + probe, session, "GET", path + probe, null, null);
                }
            }
            else if (!endpoint.multipart()) {
                byte[] body = join(form(endpoint.baseline), "_csrf=" + session.csrf).getBytes(StandardCharsets.US_ASCII);
                check(endpoint, "charset = unknown", session, "POST", path, body,
                        "application/x-www-form-urlencoded; charset=no-such-charset");
            }
        }
    }

    private void check(SweepEndpoint endpoint, String what, Session session, String method, String target, byte[] body,
            String contentType) throws Exception {
        ledger.before();
        Response response = send(session, method, target, body, contentType);
        ledger.after(endpoint, "over HTTP: " + what, new SweepLedger.Outcome(method, response.status(),
                response.location(), response.contentType(), new String(response.body(), StandardCharsets.UTF_8)));
    }

    /** A response as the checks need it, from the HTTP client or from a raw socket. */
    private record Response(int status, String location, String contentType, byte[] body, List<String> cookies) {
    }

    private Response send(Session session, String method, String target, byte[] body, String contentType)
            throws Exception {
        String cookies = session.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
        URI uri;
        try {
            uri = URI.create(base + target);
        }
        catch (IllegalArgumentException notAUri) {
            return remember(session, raw(method, target, cookies));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return remember(session, new Response(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("Content-Type").orElse(null), response.body(),
                response.headers().allValues("Set-Cookie")));
    }

    /** A request no URI can hold (a broken escape in the query), written straight to the socket. */
    private Response raw(String method, String target, String cookies) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                    + (cookies.isEmpty() ? "" : "Cookie: " + cookies + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = Math.max(0, response.indexOf("\r\n\r\n"));
            List<String> lines = List.of(response.substring(0, end).split("\r\n"));
            return new Response(Integer.parseInt(lines.get(0).split(" ")[1]), header(lines, "location"),
                    header(lines, "content-type"), response.substring(end).getBytes(StandardCharsets.UTF_8),
                    lines.stream().filter(l -> l.toLowerCase().startsWith("set-cookie:"))
                        .map(l -> l.substring(11).strip()).toList());
        }
    }

    private static String header(List<String> lines, String name) {
        return lines.stream().filter(l -> l.toLowerCase().startsWith(name + ":"))
            .map(l -> l.substring(name.length() + 1).strip()).findFirst().orElse(null);
    }

    private static Response remember(Session session, Response response) {
        for (String cookie : response.cookies()) {
            String pair = cookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            if (value.isEmpty() || cookie.toLowerCase().contains("max-age=0")) {
                session.cookies.remove(name);
            }
            else {
                session.cookies.put(name, value);
            }
        }
        return response;
    }

    private String token(Session session, String page) throws Exception {
        Response response = send(session, "GET", page, null, null);
        Element csrf = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8)).selectFirst("input[name=_csrf]");
        if (csrf == null) {
            throw new IllegalStateException("No CSRF token on " + page);
        }
        return csrf.attr("value");
    }

    private static byte[] formBody(Session session, Map<String, List<String>> others, String name, byte[] value) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(join(form(others), "_csrf=" + session.csrf, name + "=").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(value);
        return body.toByteArray();
    }

    private static String form(Map<String, List<String>> params) {
        return params.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)))
            .collect(Collectors.joining("&"));
    }

    private static String join(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).collect(Collectors.joining("&"));
    }

    /** Bytes as they may stand in a query: printable ASCII as it is (a broken escape stays broken), others as %XX. */
    private static String percentEncoded(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            out.append(c > 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }
}
