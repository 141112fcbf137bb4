package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.account.AccountLock;
import org.counterspace.support.SmallLimits;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What one person can add in a day, and what the server holds for Daylio previews, with the limits
 * of {@link SmallLimits}: 3 check-ins a day through the form, 5 imported rows a day, previews of
 * 900 characters in all.
 */
@SmallLimits
class JournalLimitsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CheckInService checkins;

    @Autowired
    AccountLock accountLock;

    @Autowired
    TransactionTemplate transactions;

    AccountPrincipal newAccount() {
        return Journals.newPerson(jdbc, checkins, "limits");
    }

    /** Check-ins stored for this person. */
    int count(AccountPrincipal who) {
        return jdbc.queryForObject("select count(*) from check_in where account_id = ?", Integer.class, who.id());
    }

    /** Moves everything this person recorded to a day and an hour ago, out of the last 24 hours. */
    void aDayPasses(AccountPrincipal who) {
        jdbc.update("update check_in set recorded_at = recorded_at - interval '25' hour where account_id = ?", who.id());
    }

    ResultActions checkIn(AccountPrincipal who) throws Exception {
        return mvc.perform(post("/checkins/new").with(TestAccounts.as(who)).with(csrf())
            .param("day", "2025-06-01").param("mood", "3").param("homePull", "4"));
    }

    ResultActions upload(String path, AccountPrincipal who, String content, MockHttpSession session) throws Exception {
        return mvc.perform(multipart(path)
            .file(new MockMultipartFile("file", "file.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8)))
            .session(session).with(TestAccounts.as(who)).with(csrf()));
    }

    static String journal(int rows) {
        StringBuilder csv = new StringBuilder(JournalCsvTests.HEADER);
        for (int i = 1; i <= rows; i++) {
            csv.append("2025-01-0").append(i).append(",3,Okay,4,,,,false\n");
        }
        return csv.toString();
    }

    @Test
    void theFormSavesAtMostTheDaysCheckInsAndSaysWhy() throws Exception {
        AccountPrincipal me = newAccount();
        for (int i = 0; i < SmallLimits.CHECK_INS_PER_DAY; i++) {
            checkIn(me).andExpect(redirectedUrl("/checkins"));
        }
        checkIn(me).andExpect(status().isOk())
            .andExpect(content().string(containsString("You have saved 3 check-ins in the last 24 hours")));
        assertThat(count(me)).isEqualTo(SmallLimits.CHECK_INS_PER_DAY);

        aDayPasses(me);
        checkIn(me).andExpect(redirectedUrl("/checkins"));
        assertThat(count(me)).isEqualTo(SmallLimits.CHECK_INS_PER_DAY + 1);
    }

    /**
     * Many check-ins posted at once (a double click, or requests reaching several instances) still
     * save no more than the day's: each counts the day's check-ins with the journal held.
     */
    @Test
    void checkInsPostedAtOnceStillSaveAtMostTheDays() throws Exception {
        AccountPrincipal me = newAccount();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                sent.add(pool.submit(() -> checkIn(me).andReturn().getResponse().getStatus()));
            }
            int saved = 0;
            for (Future<Integer> one : sent) {
                saved += one.get(60, TimeUnit.SECONDS) == 302 ? 1 : 0;
            }
            assertThat(saved).isEqualTo(SmallLimits.CHECK_INS_PER_DAY);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(count(me)).isEqualTo(SmallLimits.CHECK_INS_PER_DAY);
    }

    /** A check-in posted while a long import holds the journal waits for it and is then saved. */
    @Test
    void aCheckInWaitsForALongImportInsteadOfFailing() throws Exception {
        AccountPrincipal me = newAccount();
        CountDownLatch held = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> longImport = pool.submit(() -> transactions.executeWithoutResult(status -> {
                accountLock.hold(me.id());
                held.countDown();
                sleep(Duration.ofSeconds(3));
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            checkIn(me).andExpect(redirectedUrl("/checkins"));
            longImport.get(30, TimeUnit.SECONDS);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(count(me)).isEqualTo(1);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void importsStayWithinTheDaysAllowanceAndLeaveTheFormAlone() throws Exception {
        AccountPrincipal me = newAccount();
        upload("/checkins/import", me, journal(6), new MockHttpSession()).andExpect(status().isOk())
            .andExpect(content().string(containsString("This file has 6 new check-ins, and 5 more can be imported today (up to 5 a day")));
        assertThat(count(me)).isZero();

        upload("/checkins/import", me, journal(3), new MockHttpSession()).andExpect(redirectedUrl("/checkins"));
        // only new check-ins count: the three already there, plus three more, leave one over
        upload("/checkins/import", me, journal(6), new MockHttpSession()).andExpect(status().isOk())
            .andExpect(content().string(containsString("This file has 3 new check-ins, and 2 more can be imported today")));
        upload("/checkins/import/daylio", me, TransferControllerTests.DAYLIO, new MockHttpSession()).andExpect(status().isOk())
            .andExpect(content().string(containsString("This file has 3 new check-ins, and 2 more can be imported today")));
        assertThat(count(me)).isEqualTo(3);

        // imported check-ins have their own allowance: the form still takes the day's check-ins
        checkIn(me).andExpect(redirectedUrl("/checkins"));

        aDayPasses(me);
        upload("/checkins/import", me, journal(8), new MockHttpSession()).andExpect(redirectedUrl("/checkins"));
        assertThat(count(me)).isEqualTo(3 + 1 + 5);
    }

    @Test
    void aDaylioPreviewIsCheckedAgainstTheAllowanceWhenConfirmedToo() throws Exception {
        AccountPrincipal me = newAccount();
        MockHttpSession session = new MockHttpSession();
        upload("/checkins/import/daylio", me, TransferControllerTests.DAYLIO, session).andExpect(redirectedUrl("/checkins/import/daylio"));
        upload("/checkins/import", me, journal(3), new MockHttpSession()).andExpect(redirectedUrl("/checkins"));
        String preview = jdbc.queryForObject("select preview_id from daylio_preview where account_id = ?", String.class,
                me.id());
        mvc.perform(post("/checkins/import/daylio/confirm").param("preview", preview).param("homePull", "5").session(session)
                .with(TestAccounts.as(me)).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("This file has 3 new check-ins, and 2 more can be imported today")));
        assertThat(count(me)).isEqualTo(3);
    }

    /**
     * The memory case: fifteen sessions of one account each upload a Daylio file. The server holds one
     * preview for the account, the latest file's text, and none of the sessions holds any of it.
     */
    @Test
    void manySessionsOfOneAccountUploadingADaylioFileKeepOnlyOnePreview() throws Exception {
        AccountPrincipal me = newAccount();
        MockHttpSession[] sessions = new MockHttpSession[15];
        String file = null;
        for (int i = 0; i < sessions.length; i++) {
            sessions[i] = new MockHttpSession();
            file = TransferControllerTests.DAYLIO.replace("Long walk", "Long walk " + i);
            upload("/checkins/import/daylio", me, file, sessions[i]).andExpect(redirectedUrl("/checkins/import/daylio"));
        }
        String last = file;
        assertThat(jdbc.queryForObject("select count(*) from daylio_preview where account_id = ?", Integer.class, me.id()))
            .isEqualTo(1);
        assertThat(jdbc.queryForObject("select characters from daylio_preview where account_id = ?", Integer.class, me.id()))
            .isEqualTo(last.length() - 1); // without the byte order mark
        assertThat(jdbc.queryForObject("select sum(characters) from daylio_preview", Long.class))
            .isLessThanOrEqualTo(SmallLimits.PREVIEWS_HELD);
        for (MockHttpSession session : sessions) {
            assertThat(serialisedSize(session)).isLessThan(2_000);
        }
        // any of the sessions sees the one preview, the latest file
        mvc.perform(get("/checkins/import/daylio").session(sessions[0]).with(TestAccounts.as(me)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Long walk 14")))
            .andExpect(content().string(not(containsString("Long walk 13"))));

        // and all at once: each upload replaces the one before, none fails on another
        ExecutorService pool = Executors.newFixedThreadPool(sessions.length);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (MockHttpSession session : sessions) {
                answers.add(pool.submit(() -> upload("/checkins/import/daylio", me, last, session).andReturn()
                    .getResponse().getStatus()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(302);
            }
        }
        finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from daylio_preview where account_id = ?", Integer.class, me.id()))
            .isEqualTo(1);
    }

    private static int serialisedSize(MockHttpSession session) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (String name : Collections.list(session.getAttributeNames())) {
                out.writeObject(session.getAttribute(name));
            }
        }
        return bytes.size();
    }

    @Test
    void theOldestPreviewsGiveWayAndExpiredOnesAreGoneWithAKindWord() throws Exception {
        jdbc.update("delete from daylio_preview");
        AccountPrincipal[] people = { newAccount(), newAccount(), newAccount(), newAccount() };
        for (AccountPrincipal person : people) {
            upload("/checkins/import/daylio", person, TransferControllerTests.DAYLIO, new MockHttpSession())
                .andExpect(redirectedUrl("/checkins/import/daylio"));
        }
        assertThat(jdbc.queryForObject("select sum(characters) from daylio_preview", Long.class))
            .isLessThanOrEqualTo(SmallLimits.PREVIEWS_HELD);
        mvc.perform(post("/checkins/import/daylio/confirm").param("homePull", "5").with(TestAccounts.as(people[0])).with(csrf()))
            .andExpect(redirectedUrl("/checkins/export"))
            .andExpect(flash().attribute("previewGone", 30L));
        mvc.perform(get("/checkins/export").flashAttr("previewGone", 30L).with(TestAccounts.as(people[0])))
            .andExpect(content().string(containsString("The Daylio preview is no longer there (a preview is kept for 30 minutes")));
        mvc.perform(get("/checkins/import/daylio").with(TestAccounts.as(people[3]))).andExpect(status().isOk());

        jdbc.update("update daylio_preview set uploaded_at = uploaded_at - interval '31' minute where account_id = ?",
                people[3].id());
        mvc.perform(get("/checkins/import/daylio").with(TestAccounts.as(people[3]))).andExpect(redirectedUrl("/checkins/export"));
        // the next upload clears it away
        upload("/checkins/import/daylio", newAccount(), TransferControllerTests.DAYLIO, new MockHttpSession());
        assertThat(jdbc.queryForObject("select count(*) from daylio_preview where account_id = ?", Integer.class,
                people[3].id())).isZero();
        assertThat(count(people[0]) + count(people[3])).isZero();
    }
}
