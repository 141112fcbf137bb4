package org.counterspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.BrowserTestSupport;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The quick exit, discreet mode and the safety plan in a real browser; the exit lands on a local page. */
@TestPropertySource(properties = "counterspace.safety.exit-url=/guidance?exited=1")
class SafetyBrowserTests extends BrowserTestSupport {

    static final String EXIT_LANDING = "/guidance?exited=1";

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    @AfterEach
    void forgetCookies() {
        if (driver != null) {
            driver.manage().deleteAllCookies();
        }
    }

    private void pressShift(int times) {
        for (int i = 0; i < times; i++) {
            new Actions(driver).keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).perform();
        }
    }

    private String liveRegion() {
        return driver.findElement(By.id("exit-status")).getAttribute("textContent");
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(locator));
    }

    private void waitForUrlEnding(ChromeDriver browser, String ending) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(ending));
    }

    @Test
    void pressingShiftThreeTimesLeavesForTheExitPage() {
        open("/guidance/healing-at-home");
        pressShift(2);
        assertThat(liveRegion()).isEqualTo("Shift pressed 2 of 3 times");
        assertThat(driver.getCurrentUrl()).endsWith("/guidance/healing-at-home");
        pressShift(1);
        waitForUrlEnding(driver, EXIT_LANDING);
    }

    @Test
    void theThirdPressBlanksThePageAndAnnouncesTheExitAtOnce() {
        open("/help");
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) driver.executeScript("""
                for (let i = 0; i < 3; i++) {
                  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', bubbles: true }));
                  document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));
                }
                return { main: getComputedStyle(document.querySelector('main')).display,
                         header: getComputedStyle(document.querySelector('header')).display,
                         announced: document.getElementById('exit-status').textContent };
                """);
        assertThat(seen).containsEntry("main", "none").containsEntry("header", "none")
            .containsEntry("announced", "Exiting this page");
        waitForUrlEnding(driver, EXIT_LANDING);
    }

    @Test
    void shiftWithAnotherKeyDoesNotCount() throws Exception {
        open("/guidance");
        WebElement search = driver.findElement(By.id("guidance-q"));
        search.click();
        pressShift(2);
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys("a").keyUp(Keys.SHIFT).perform();
        pressShift(1);
        assertThat(liveRegion()).isEqualTo("Shift pressed 1 of 3 times");
        new Actions(driver).sendKeys("b").perform();
        pressShift(2);
        Thread.sleep(700);
        assertThat(driver.getCurrentUrl()).endsWith("/guidance");
        assertThat(search.getAttribute("value")).isEqualTo("Ab");
    }

    @Test
    void theExitButtonUsesLocationReplaceSoTheLastPageIsNotInHistory() {
        open("/help");
        open("/privacy");
        driver.findElement(By.cssSelector("a.quick-exit")).click();
        waitForUrlEnding(driver, EXIT_LANDING);
        driver.navigate().back();
        waitForUrlEnding(driver, "/help");
    }

    @Test
    void theExitLinkAndItsSkipLinkWorkWithoutJavaScript() throws Exception {
        ChromeDriver noScript = startChromium(false);
        try {
            noScript.get(url("/help"));
            assertThat(noScript.manage().getCookieNamed("notice")).isNotNull();
            noScript.findElement(By.cssSelector("a.quick-exit")).click();
            waitForUrlEnding(noScript, EXIT_LANDING);
            assertThat(noScript.manage().getCookies()).noneMatch(c -> c.getName().equals("JSESSIONID"));

            noScript.get(url("/privacy"));
            WebElement skip = noScript.findElement(By.xpath("//a[@class='skip-link' and text()='Skip to quick exit']"));
            skip.sendKeys(Keys.ENTER);
            waitForUrlEnding(noScript, EXIT_LANDING);
        }
        finally {
            noScript.quit();
        }
    }

    @Test
    void theNoticeExplainsTheExitBeforeTheButtonAndCanBeDismissed() {
        open("/guidance");
        WebElement notice = driver.findElement(By.id("exit-notice"));
        assertThat(notice.getText()).contains("does not erase your browser history", "not a protection");
        assertThat(notice.getLocation().getY()).isLessThan(
                driver.findElement(By.cssSelector("a.quick-exit")).getLocation().getY());
        assertNoAxeViolations();
        notice.findElement(By.linkText("Got it, hide this")).click();
        assertThat(driver.findElements(By.id("exit-notice"))).isEmpty();
        open("/help");
        assertThat(driver.findElements(By.id("exit-notice"))).isEmpty();
    }

    @Test
    void discreetModeKeepsANeutralTitleFromPageToPage() {
        open("/privacy");
        assertThat(driver.getTitle()).contains("Counterspace");
        driver.findElement(By.linkText("Turn on discreet mode for this visit")).click();
        waitForUrlEnding(driver, "/privacy?discreet=1#discreet");
        assertThat(driver.getTitle()).isEqualTo("Notes");
        assertThat(driver.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).endsWith("/neutral.svg");
        driver.findElement(By.cssSelector(".site-nav a.help-link")).click();
        waitForUrlEnding(driver, "/help?discreet=1");
        assertThat(driver.getTitle()).isEqualTo("Notes");
        driver.findElement(By.cssSelector(".region-form select")).sendKeys("Ireland");
        driver.findElement(By.cssSelector(".region-form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("region=IE"));
        assertThat(driver.getCurrentUrl()).contains("discreet=1");
        assertThat(driver.getTitle()).isEqualTo("Notes");
        assertNoAxeViolations();
        driver.findElement(By.linkText("Privacy and online safety")).click();
        waitFor(By.linkText("Turn off discreet mode")).click();
        waitForUrlEnding(driver, "/privacy?discreet=0#discreet");
        assertThat(driver.getTitle()).contains("Counterspace");
    }

    @Test
    void errorPagesStayDiscreetAndNeverPutTheSessionIdInALink() {
        for (String page : List.of("/safety-plan?discreet=1", "/no-such-page?discreet=1", "/guidance/nothing?discreet=1")) {
            open(page);
            assertThat(driver.getTitle()).as(page).isEqualTo("Notes");
            assertThat(driver.findElement(By.cssSelector("a.quick-exit")).getAttribute("href")).as(page)
                .endsWith("/exit?discreet=1");
        }
        driver.manage().deleteAllCookies();
        open("/safety-plan");
        assertThat(driver.getPageSource()).doesNotContainIgnoringCase("jsessionid");
    }

    private void signIn(AccountPrincipal me) {
        signIn(driver, me.getUsername());
    }

    @Test
    void backAfterExitShowsNoPersonalContent() {
        AccountPrincipal me = TestAccounts.create(jdbc, "back-" + UUID.randomUUID().toString().substring(0, 8));
        signIn(me);
        open("/safety-plan/edit");
        driver.findElement(By.id("warningSigns")).sendKeys("Marker-river-walk");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.cssSelector(".saved-note"));
        open("/safety-plan");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Marker-river-walk");
        driver.executeScript("window.stillInMemory = true;");
        open("/safety-plan/versions");
        driver.executeScript("window.stillInMemory = true;");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Version 1");

        pressShift(3);
        waitForUrlEnding(driver, EXIT_LANDING);

        for (int i = 0; i < 2; i++) {
            driver.navigate().back();
            assertThat(driver.executeScript("return window.stillInMemory === true")).as("restored from bfcache")
                .isEqualTo(false);
            assertThat(driver.getPageSource()).doesNotContain("Marker-river-walk", "Version 1, saved");
        }
    }

    @Test
    void safetyPlanPagesAreAccessibleAndLoadNothingFromElsewhere() throws Exception {
        AccountPrincipal me = TestAccounts.create(jdbc, "axe-" + UUID.randomUUID().toString().substring(0, 8));
        signIn(me);
        clearRequestLog();
        for (String page : List.of("/safety-plan", "/safety-plan/edit", "/safety-plan/versions")) {
            open(page);
            assertNoAxeViolations();
        }
        open("/safety-plan/edit");
        driver.findElement(By.id("onMyOwn")).sendKeys("<script>document.title='pwned'</script>");
        WebElement signs = driver.findElement(By.id("warningSigns"));
        driver.executeScript("arguments[0].value = 'x'.repeat(2001);", signs);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".error-summary")).getText()).contains("My warning signs");
        assertThat(driver.findElement(By.id("warningSigns")).getAttribute("aria-invalid")).isEqualTo("true");
        assertNoAxeViolations();
        assertErrorSummaryLinksFocusTheirFields();
        screenshot("safety-plan-errors");

        driver.executeScript("arguments[0].value = 'Not sleeping';", driver.findElement(By.id("warningSigns")));
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.cssSelector(".saved-note"));
        assertThat(driver.getTitle()).doesNotContain("pwned");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("<script>document.title='pwned'</script>");
        assertNoAxeViolations();
        screenshot("safety-plan");
        driver.findElement(By.linkText("Earlier versions")).click();
        waitFor(By.partialLinkText("Version 1")).click();
        waitFor(By.cssSelector(".plan-version"));
        assertNoAxeViolations();
        open("/signed-out-for-inactivity");
        assertNoAxeViolations();
        assertThat(requestedUrls()).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(origin() + "/"));
    }

    @Test
    void publicSafetyPagesAreAccessibleAndLoadNothingFromElsewhere() {
        for (String page : List.of("/privacy", "/privacy?discreet=1", "/help?region=IE", "/help?region=%3Cscript%3E")) {
            clearRequestLog();
            open(page);
            assertNoAxeViolations();
            assertThat(requestedUrls()).as(page).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(origin() + "/"));
        }
    }

    @Test
    void narrowScreensKeepTheExitInReachWithoutSidewaysScrolling() throws Exception {
        driver.manage().window().setSize(new Dimension(320, 700));
        try {
            for (String page : List.of("/privacy", "/help")) {
                open(page);
                screenshot("narrow" + page.replace('/', '-'));
                Long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
                Long clientWidth = (Long) driver.executeScript("return document.documentElement.clientWidth");
                assertThat(scrollWidth).as(page).isLessThanOrEqualTo(clientWidth);
                driver.executeScript("window.scrollTo(0, document.body.scrollHeight)");
                WebElement exit = driver.findElement(By.cssSelector("a.quick-exit"));
                Long top = (Long) driver.executeScript("return Math.round(arguments[0].getBoundingClientRect().top)", exit);
                assertThat(top).as("exit button on screen after scrolling " + page).isBetween(0L, 100L);
            }
        }
        finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
