package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

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

    private String rawGet(String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            in.transferTo(body);
            return body.toString(StandardCharsets.UTF_8);
        }
    }
}
