package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A page longer than the server's response buffer (8 KB) before its first form, seen by someone
 * without a session: the form's CSRF token needs a session, which cannot be created once the start
 * of the page has been sent. Pages are rendered whole before they are sent, so the page arrives
 * complete instead of cut off by a 500 (a service with a long description did that).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LongPageTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aServicePageWithALongDescriptionArrivesWholeWithItsReportForm() throws Exception {
        UUID id = jdbc.queryForObject("select id from dir_service where name = 'Samaritans'", UUID.class);
        String description = jdbc.queryForObject("select description from dir_service where id = ?", String.class, id);
        jdbc.update("update dir_service set description = ? where id = ?", "A long description. ".repeat(199), id);
        try {
            HttpResponse<String> page = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/support/services/" + id))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).hasSizeGreaterThan(8192).contains("name=\"_csrf\"").endsWith("</html>\n");
        }
        finally {
            jdbc.update("update dir_service set description = ? where id = ?", description, id);
        }
    }
}
