package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests no client library would send, written straight to the socket of the real server:
 * each gets a calm 400 page, never a 500 or a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestTests {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = { "/guidance?q=%zz", "/guidance?q=%E0%A4%A", "/help?region=%", "/guidance/%",
            "/guidance/..%2f..%2fetc", "/guidance/x%00y" })
    void malformedRequestsAnswer400WithAFriendlyPage(String target) throws Exception {
        String response = rawGet(target);
        String statusLine = response.substring(0, response.indexOf("\r\n"));
        assertThat(statusLine).startsWith("HTTP/1.1 400");
        assertThat(response).contains("Something in that request did not look right")
            .contains("href=\"/help\"")
            .doesNotContain("Exception", "at org.", "Tomcat", "HTTP Status");
        assertThat(response.toLowerCase()).contains("content-security-policy: default-src 'self'");
    }

    /** Refused by Spring Security's firewall: the same calm page and headers, and the path is not repeated. */
    @ParameterizedTest
    @ValueSource(strings = { "/guidance;x=1", "/help;jsessionid=abc/x", "/guidance/%2e/x", "/support/%2E%2E/admin",
            "/guidance/a%5cb", "/checkins//new" })
    void requestsTheFirewallRefusesAnswer400WithTheCalmPageAndSecurityHeaders(String target) throws Exception {
        String response = rawGet(target);
        assertThat(response.substring(0, response.indexOf("\r\n"))).startsWith("HTTP/1.1 400");
        String headers = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(headers).contains("content-security-policy: default-src 'self'", "x-frame-options: deny",
                "referrer-policy: no-referrer", "x-content-type-options: nosniff", "content-type: text/html");
        String body = response.substring(response.indexOf("\r\n\r\n"));
        assertThat(body).contains("Something in that request did not look right")
            .doesNotContain(target, "Exception", "\"path\"", "rejected");
    }

    @Test
    void theErrorPageAskedForByItsAddressIsNotFoundRatherThanAFailure() throws Exception {
        String response = rawGet("/error", "Accept: text/html");
        assertThat(response.substring(0, response.indexOf("\r\n"))).startsWith("HTTP/1.1 404");
        assertThat(response).contains("We could not find that page");
        assertThat(response.toLowerCase()).contains("content-security-policy: default-src 'self'");
    }

    private String rawGet(String target, String... headers) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String extra = headers.length == 0 ? "" : String.join("\r\n", headers) + "\r\n";
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            in.transferTo(body);
            return body.toString(StandardCharsets.UTF_8);
        }
    }
}
