package org.counterspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;


import org.counterspace.account.AccountPrincipal;
import org.counterspace.account.AccountRegistered;
import org.counterspace.support.BrowserTestSupport;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The check-in journey in real Chromium, signed in through the login form, with axe-core on every journal page. */
class CheckInBrowserTests extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    AccountPrincipal me;

    @BeforeEach
    void freshPerson() {
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1280, 900));
        me = TestAccounts.create(jdbc, "browser-" + UUID.randomUUID().toString().substring(0, 8));
        tx.executeWithoutResult(s -> events.publishEvent(new AccountRegistered(me.id())));
    }

    @Test
    void signInCheckInSeeItInHistoryAndTrendsEditAndExport() throws Exception {
        signIn(driver, me.getUsername());
        journey();
    }

    @Test
    void journeyAndEveryJournalPageHaveNoAxeViolations() throws Exception {
        signIn(driver, me.getUsername());
        open("/checkins");
        assertNoAxeViolations();
        journey();

        open("/checkins");
        String id = driver.findElement(By.cssSelector(".entry h2 a")).getAttribute("href").replaceAll(".*/checkins/", "");
        for (String page : List.of("/checkins", "/checkins/new", "/checkins/" + id, "/checkins/" + id + "/edit",
                "/checkins/" + id + "/delete", "/checkins/calendar", "/checkins/trends?days=90", "/checkins/environments",
                "/checkins/wellbeing", "/checkins/summary", "/checkins/export")) {
            clearRequestLog();
            open(page);
            assertNoAxeViolations();
            // data: URLs are the browser's own date-picker icon, not requests to anyone
            assertThat(requestedUrls()).as("requests made by " + page).filteredOn(u -> !u.startsWith("data:"))
                .allSatisfy(u -> assertThat(u).startsWith(origin() + "/"));
        }

        // a form sent empty: error summary and field messages must be accessible too
        open("/checkins/new");
        driver.findElement(By.id("day")).clear();
        clickThrough(By.cssSelector(".checkin-form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("Choose how you feel", "Enter the date");
        assertNoAxeViolations();
        driver.findElement(By.cssSelector(".error-summary a[href='#mood']")).click();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("mood");
        assertErrorSummaryLinksFocusTheirFields();

        open("/checkins/wellbeing");
        clickThrough(By.cssSelector("main form[action='/checkins/wellbeing'] button[type=submit]"));
        assertNoAxeViolations();
        assertErrorSummaryLinksFocusTheirFields();
    }

    @Test
    void checkInWorksAtPhoneWidthWithoutHorizontalScrolling() throws Exception {
        signIn(driver, me.getUsername());
        driver.manage().window().setSize(new Dimension(360, 800));
        open("/checkins/new");
        Number scroll = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
        Number width = (Number) driver.executeScript("return document.documentElement.clientWidth;");
        assertThat(scroll.intValue()).isLessThanOrEqualTo(width.intValue());
        screenshot("checkin-phone");
        checkIn("1", "9", "A place I feel safer", "Sat in the library");
        assertThat(driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("main")).getText()).contains("Support is here");
        assertNoAxeViolations();
    }

    /**
     * Upload forms send their CSRF token in the query string, so the server checks it before reading a
     * body: a Daylio file goes through to its preview, and a file over the 5 MB limit comes back to the
     * form with the limit named.
     */
    @Test
    void uploadsGoThroughTheFormAndATooLargeFileComesBackToItWithTheLimit() throws Exception {
        signIn(driver, me.getUsername());
        Path daylio = Files.createTempFile("daylio", ".csv");
        Path big = Files.createTempFile("journal", ".csv");
        try {
            Files.writeString(daylio, "full_date,date,weekday,time,mood,activities,note_title,note\n"
                    + "2025-03-02,March 2,Sunday,9:15 pm,rad,friends | music,,\n");
            Files.write(big, new byte[6 * 1024 * 1024]);
            open("/checkins/export");
            driver.findElement(By.id("daylio-file")).sendKeys(daylio.toString());
            clickThrough(By.cssSelector("form[action^='/checkins/import/daylio'] button[type=submit]"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("1 entry from 2 March 2025");

            open("/checkins/export");
            driver.findElement(By.id("csv-file")).sendKeys(big.toString());
            clickThrough(By.cssSelector("form[action^='/checkins/import?'] button[type=submit]"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("This file is too large (limit 5 MB)");
            assertThat(driver.findElements(By.id("csv-file"))).hasSize(1);
        }
        finally {
            Files.deleteIfExists(daylio);
            Files.deleteIfExists(big);
        }
    }

    private void checkIn(String mood, String pull, String environment, String smallWin) {
        open("/checkins/new");
        driver.findElement(By.cssSelector("label[for='mood-" + mood + "']")).click();
        driver.findElement(By.cssSelector("label[for='pull-" + pull + "']")).click();
        for (WebElement label : driver.findElements(By.cssSelector(".chip-choice label"))) {
            if (label.getText().equals(environment)) {
                label.click();
            }
        }
        driver.findElement(By.id("smallWin")).sendKeys(smallWin);
        clickThrough(By.cssSelector(".checkin-form button[type=submit]"));
    }


    /** Check in, see it in history and trends, edit it, and export it (the person is signed in). */
    private void journey() throws Exception {
        checkIn("4", "3", "Music", "Played guitar for ten minutes");
        assertThat(driver.getCurrentUrl()).endsWith("/checkins");
        String history = driver.findElement(By.tagName("main")).getText();
        assertThat(history).contains("Thank you for checking in", "Played guitar for ten minutes", "Music", "4 · Good");
        screenshot("checkin-history");

        open("/checkins/trends");
        assertThat(driver.findElements(By.cssSelector("svg.chart circle.chart-dot"))).hasSize(2);
        assertThat(driver.findElement(By.id("helps-heading")).findElement(By.xpath("..")).getText()).contains("Music");
        screenshot("checkin-trends");

        open("/checkins");
        open("/checkins/" + driver.findElement(By.cssSelector(".entry h2 a")).getAttribute("href").replaceAll(".*/checkins/", "") + "/edit");
        WebElement note = driver.findElement(By.id("note"));
        note.sendKeys("Edited later: the evening was calmer.");
        clickThrough(By.cssSelector(".checkin-form button[type=submit]"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Edited later: the evening was calmer.");

        open("/checkins/export");
        String csv = (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/checkins/export/csv').then(r => r.text()).then(done).catch(e => done(String(e)));
                """);
        assertThat(csv).startsWith("date,mood,mood_label,home_pull,counter_environments,small_win,note,to_discuss")
            .contains(LocalDate.now(ZoneId.of("UTC")) + ",4,Good,3,Music,Played guitar for ten minutes,Edited later: the evening was calmer.,false");
    }
}
