package org.counterspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.counterspace.support.BrowserTestSupport;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A person's first week at a phone's width and a desktop's: register (discreet, as the form offers; the
 * time zone guessed from the browser's), check in from the start page in three taps, import the same
 * journal twice (the second adds nothing), find the saved list and the safety plan in the navigation,
 * remove a saved service, look at the summary as it prints, and leave by the quick exit (which lands on a
 * local page here, as in {@link SafetyBrowserTests}); axe-core on every page.
 */
@TestPropertySource(properties = "counterspace.safety.exit-url=/guidance?exited=1")
class FirstWeekBrowserTests extends BrowserTestSupport {

    static final String PASSWORD = "seven herons standing in the reeds";

    /** WCAG 2.2 AA contrast for ordinary text. */
    static final double CONTRAST_AA = 4.5;

    /** The contrast of an element's text with the first background behind it that is not transparent. */
    static final String CONTRAST = """
            const element = arguments[0];
            const channels = css => css.match(/[\\d.]+/g).map(Number);
            const luminance = rgb => {
              const [r, g, b] = rgb.slice(0, 3).map(v => v / 255)
                .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            let behind = [255, 255, 255];
            for (let node = element; node; node = node.parentElement) {
              const background = channels(getComputedStyle(node).backgroundColor);
              if (background.length < 4 || background[3] > 0) { behind = background; break; }
            }
            const text = luminance(channels(getComputedStyle(element).color));
            const back = luminance(behind);
            return (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05);
            """;

    @Autowired
    JdbcTemplate jdbc;

    /** A short journal in the CSV export's format, without ids: matched by day and content when imported again. */
    static final String JOURNAL = "date,mood,mood_label,home_pull,counter_environments,small_win,note,to_discuss\n"
            + "2026-01-05,3,Okay,6,Music,,,false\n2026-01-06,4,Good,4,Music;Walk,A walk,,false\n";

    @AfterEach
    void desktopAgain() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
    }

    int checkIns(String username) {
        return jdbc.queryForObject("select count(*) from check_in c join account a on a.id = c.account_id "
                + "where a.username = ?", Integer.class, username);
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = { 390, 1280 })
    void aFirstWeek(int width) throws Exception {
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(width, 900));
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/Chicago"));

        open("/");
        checkPage();
        clickThrough(By.linkText("Create account"));
        String name = "week-" + width + "-" + UUID.randomUUID().toString().substring(0, 6);
        driver.findElement(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("confirm")).sendKeys(PASSWORD);
        assertThat(driver.findElement(By.id("discreet-on")).isSelected()).as("neutral titles are offered first").isTrue();
        assertThat(driver.findElement(By.id("password-note")).getText()).contains("Never");
        assertThat(new Select(driver.findElement(By.id("timeZone"))).getFirstSelectedOption().getAttribute("value"))
            .as("the time zone guessed from the browser's").isEqualTo("America/Chicago");
        checkPage();
        clickThrough(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.getCurrentUrl()).endsWith("/account/recovery-codes");
        checkPage();

        clickThrough(By.cssSelector(".site-name"));
        assertThat(driver.getTitle()).isEqualTo("Notes");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Today");
        checkPage();
        assertThat(driver.findElement(By.linkText("The full check-in: counter-environments, a small win, a note"))
            .isDisplayed()).isTrue();
        // three taps: how I feel, how hard home pulled, Check in
        driver.findElement(By.cssSelector("label[for='quick-mood-4']")).click();
        driver.findElement(By.cssSelector("label[for='quick-pull-3']")).click();
        clickThrough(By.cssSelector(".quick-checkin button[type=submit]"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Thank you for checking in");
        assertThat(checkIns(name)).isEqualTo(1);
        checkPage();
        clickThrough(By.cssSelector(".site-name"));
        assertThat(driver.findElement(By.cssSelector(".today-panel")).getText()).contains("You checked in today");
        screenshot("first-week-home-" + width);

        Path journal = Files.createTempFile("journal", ".csv");
        try {
            Files.writeString(journal, JOURNAL);
            for (int round = 0; round < 2; round++) {
                open("/checkins/export");
                checkPage();
                driver.findElement(By.id("csv-file")).sendKeys(journal.toAbsolutePath().toString());
                clickThrough(By.cssSelector("form[action^='/checkins/import?'] button[type=submit]"));
                assertThat(driver.findElement(By.cssSelector("main .notice")).getText()).contains(round == 0
                        ? "2 new check-ins were added" : "No new check-ins were added, none was updated, and 2 were already");
                assertThat(checkIns(name)).as("check-ins after import " + (round + 1)).isEqualTo(3);
                checkPage();
            }
        }
        finally {
            Files.delete(journal);
        }

        open("/support?q=samaritans");
        checkPage();
        clickThrough(By.cssSelector(".result-list h3 a"));
        checkPage();
        clickThrough(By.cssSelector("section[aria-labelledby='save-heading'] button"));
        checkPage();
        open("/");
        clickThrough(By.linkText("Saved list"));
        assertThat(driver.getCurrentUrl()).endsWith("/support/saved");
        checkPage();
        WebElement remove = driver.findElement(By.xpath("//button[text()='Remove from my list']"));
        assertThat(remove.isDisplayed()).isTrue();
        assertThat(((Number) driver.executeScript(CONTRAST, remove)).doubleValue()).as("contrast of Remove from my list")
            .isGreaterThanOrEqualTo(CONTRAST_AA);
        clickThrough(By.xpath("//button[text()='Remove from my list']"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Removed from your list");
        checkPage();

        clickThrough(By.linkText("My plan"));
        assertThat(driver.getCurrentUrl()).endsWith("/safety-plan");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("My plan");
        checkPage();

        clickThrough(By.linkText("Entries"));
        assertThat(driver.getCurrentUrl()).endsWith("/checkins");
        checkPage();
        open("/checkins/summary");
        checkPage();
        printMedia(true);
        try {
            List<WebElement> titles = driver.findElements(By.cssSelector(".chart-title"));
            assertThat(titles).hasSize(2).allMatch(WebElement::isDisplayed);
            assertThat(titles.get(0).getText()).startsWith("Mood");
            assertThat(titles.get(1).getText()).startsWith("Home pull");
            assertThat(driver.findElements(By.cssSelector(".chart-key"))).hasSize(2).allMatch(WebElement::isDisplayed);
            assertThat(driver.findElement(By.cssSelector(".site-header")).isDisplayed()).isFalse();
            screenshot("first-week-summary-print-" + width);
        }
        finally {
            printMedia(false);
        }

        driver.findElement(By.cssSelector("a.quick-exit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("exited=1"));
        checkPage();
        open("/account");
        assertThat(driver.getCurrentUrl()).as("the quick exit signed out").contains("/login");
    }

    @Test
    void withoutJavaScriptNoControlThatNeedsItIsShown() throws Exception {
        String name = TestAccounts.create(jdbc, "nojs-" + UUID.randomUUID().toString().substring(0, 8)).getUsername();
        ChromeDriver noScript = startChromium(false);
        try {
            signIn(noScript, name);
            noScript.get(url("/checkins/summary"));
            assertThat(noScript.findElement(By.cssSelector("[data-print]")).isDisplayed()).as("Print this summary").isFalse();

            noScript.get(url("/account/recovery-codes/new"));
            noScript.findElement(By.id("currentPassword")).sendKeys(TestAccounts.PASSWORD);
            noScript.findElement(By.cssSelector("main form button[type=submit]")).click();
            new WebDriverWait(noScript, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/account/recovery-codes"));
            new WebDriverWait(noScript, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".recovery-codes")));
            assertThat(noScript.findElement(By.cssSelector("[data-print]")).isDisplayed()).as("Print these codes").isFalse();
        }
        finally {
            noScript.quit();
        }
    }

    /** axe-core finds nothing, and the page does not scroll sideways at this width. */
    private void checkPage() {
        assertNoAxeViolations();
        Long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        Long clientWidth = (Long) driver.executeScript("return document.documentElement.clientWidth");
        assertThat(scrollWidth).as("sideways scrolling on " + driver.getCurrentUrl()).isLessThanOrEqualTo(clientWidth);
    }

    private void printMedia(boolean print) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
    }
}
