package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletContext;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.RawHttp;
import org.counterspace.support.RawHttp.Multipart;
import org.counterspace.support.RawHttp.Response;
import org.counterspace.support.SmallLimits;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Multipart bodies against the real server, whose Tomcat writes every part to a temporary file
 * when it parses a body: a watch on its temporary directory sees each such file appear, even one
 * deleted again at the end of the request. Limits from {@link SmallLimits}: check-in imports take
 * 1 MB, the server 2 MB (so the curators' HSDS upload takes 2 MB).
 */
@SmallLimits
class UploadGateTests {

    static final long MEGABYTE = 1024 * 1024;

    static final String CSV = "date,mood,mood_label,home_pull,counter_environments,small_win,note,to_discuss\n"
            + "2025-01-02,3,Okay,4,,,,false\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ServletContext servletContext;

    WatchService watch;

    @BeforeEach
    void watchTheUploadDirectory() throws IOException {
        Path uploads = ((File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
        watch = FileSystems.getDefault().newWatchService();
        uploads.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
    }

    @AfterEach
    void stopWatching() throws IOException {
        watch.close();
    }

    /** The names of the upload files Tomcat created since the last look. */
    List<String> uploadFilesCreated(long waitMillis) throws InterruptedException {
        List<String> created = new ArrayList<>();
        WatchKey key = watch.poll(waitMillis, TimeUnit.MILLISECONDS);
        while (key != null) {
            for (WatchEvent<?> event : key.pollEvents()) {
                String name = String.valueOf(event.context());
                if (name.startsWith("upload_")) {
                    created.add(name);
                }
            }
            key.reset();
            key = watch.poll(200, TimeUnit.MILLISECONDS);
        }
        return created;
    }

    RawHttp signedIn(String... roles) throws IOException {
        AccountPrincipal person = TestAccounts.create(jdbc, "up-" + UUID.randomUUID().toString().substring(0, 8), roles);
        RawHttp http = new RawHttp(port);
        http.signIn(person.getUsername(), TestAccounts.PASSWORD);
        return http;
    }

    static Multipart file(long size, Map<String, String> fields) {
        return new Multipart(fields, "file", size, "");
    }

    /** 49 MB as in the report, and 1.5 MB, which the server-wide limit alone would let Tomcat write to disk. */
    @Test
    void aLargeBodyWithoutCsrfTokenIsRefusedUnread() throws Exception {
        RawHttp anonymous = new RawHttp(port);
        for (String target : List.of("/checkins/import", "/register", "/safety-plan")) {
            for (long size : List.of(49 * MEGABYTE, MEGABYTE + MEGABYTE / 2)) {
                assertThat(anonymous.postMultipart(target, file(size, Map.of()), true).status()).isEqualTo(403);
            }
        }
        // signed in, with the token where an ordinary form has it (in the body), still unread
        RawHttp person = signedIn();
        String token = RawHttp.hiddenCsrfToken(person.get("/checkins/export").body());
        assertThat(person.postMultipart("/checkins/import", file(49 * MEGABYTE, Map.of("_csrf", token)), true).status())
            .isEqualTo(403);
        assertThat(uploadFilesCreated(1_000)).isEmpty();
    }

    @Test
    void onlyTheUploadEndpointsReadABodyAndOnlyAfterTheChecks() throws Exception {
        RawHttp person = signedIn();
        String page = person.get("/checkins/export").body();
        String token = RawHttp.formActionToken(page, "/checkins/import");

        // a form that takes no file: its multipart fields are never read, so it sees none
        Response form = person.postMultipart("/checkins/new?_csrf=" + token,
                new Multipart(Map.of("mood", "3", "homePull", "4", "day", "2025-01-02"), "file", 10, ""), true);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Choose how you feel");
        assertThat(uploadFilesCreated(1_000)).isEmpty();

        // the import, signed in with the token in the query: parsed (Tomcat's file appears) and imported
        Response imported = person.postMultipart("/checkins/import?_csrf=" + token, Multipart.text(CSV), false);
        assertThat(imported.status()).isEqualTo(302);
        assertThat(imported.header("location")).endsWith("/checkins");
        assertThat(uploadFilesCreated(2_000)).isNotEmpty();
    }

    @Test
    void aBodyThatCannotBeParsedIsACalm400() throws Exception {
        RawHttp person = signedIn();
        String token = RawHttp.formActionToken(person.get("/checkins/export").body(), "/checkins/import");
        Response answer = person.post("/checkins/import?_csrf=" + token, "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nno closing boundary");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("Something in that request did not look right").doesNotContain("Exception");
    }

    @Test
    void aFileOverTheEndpointsLimitGetsTheFormAgainWithTheLimitUnread() throws Exception {
        RawHttp person = signedIn();
        String token = RawHttp.formActionToken(person.get("/checkins/export").body(), "/checkins/import");
        Response answer = person.postMultipart("/checkins/import?_csrf=" + token, file(MEGABYTE + 100 * 1024, Map.of()),
                false);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("Nothing was imported", "This file is too large (limit 1 MB)",
                "id=\"csv-file\"", "action=\"/checkins/import?_csrf=");
        assertThat(uploadFilesCreated(1_000)).isEmpty();

        Response daylio = person.postMultipart("/checkins/import/daylio?_csrf=" + token,
                file(MEGABYTE + 100 * 1024, Map.of()), false);
        assertThat(daylio.status()).isEqualTo(413);
        assertThat(daylio.body()).contains("This file is too large (limit 1 MB)", "href=\"#daylio-file\"");
    }

    @Test
    void anHsdsFileOverTheServersLimitGetsAPageLeadingBackToTheForm() throws Exception {
        RawHttp curator = signedIn(AccountPrincipal.ROLE_ADMIN);
        String token = RawHttp.formActionToken(curator.get("/curate/files").body(), "/curate/files/import");
        Response answer = curator.postMultipart("/curate/files/import?_csrf=" + token,
                file(2 * MEGABYTE + 100 * 1024, Map.of()), false);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("This file is too large (limit 2 MB)", "href=\"/curate/files\"")
            .doesNotContain("Exception");
        assertThat(uploadFilesCreated(1_000)).isEmpty();
    }
}
