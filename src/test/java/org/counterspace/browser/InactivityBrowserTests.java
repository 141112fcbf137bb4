package org.counterspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.BrowserTestSupport;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Sign-out after inactivity, with a page timer shortened to 15 seconds (warning 13 seconds before).
 * The servlet container still keeps the session for a minute, so these prove the pages leave and the
 * signed-out page ends the session, not the container's own expiry.
 */
@TestPropertySource(properties = { "server.servlet.session.timeout=15s", "counterspace.safety.inactivity-warning=13s" })
class InactivityBrowserTests extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    private AccountPrincipal newAccount() {
        return TestAccounts.create(jdbc, "idle-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void warnsWithACountdownLetsThePersonStayThenSignsOut() {
        driver.manage().deleteAllCookies();
        signIn(driver, newAccount().getUsername());
        open("/safety-plan");
        WebElement warning = driver.findElement(By.id("inactivity"));
        assertThat(warning.isDisplayed()).isFalse();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> warning.isDisplayed());
        assertThat(warning.findElement(By.cssSelector(".inactivity-countdown")).getText()).matches("0:[01][0-9]");
        assertThat(driver.findElement(By.id("exit-status")).getAttribute("textContent")).contains("signed out soon");
        assertNoAxeViolations();

        long stayedAt = System.nanoTime();
        warning.findElement(By.cssSelector("button.inactivity-stay")).click();
        wait.until(d -> !warning.isDisplayed());
        assertThat(driver.getCurrentUrl()).endsWith("/safety-plan");

        wait.until(d -> d.getCurrentUrl().endsWith("/signed-out-for-inactivity"));
        assertThat(Duration.ofNanos(System.nanoTime() - stayedAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(14));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("You were signed out");
        open("/safety-plan");
        assertThat(driver.findElements(By.cssSelector("a[href='/safety-plan/edit']"))).isEmpty();
    }

    @Test
    void withoutJavaScriptTheMetaRefreshSignsOut() throws Exception {
        ChromeDriver noScript = startChromium(false);
        try {
            signIn(noScript, newAccount().getUsername());
            noScript.get(url("/safety-plan"));
            assertThat(noScript.findElements(By.cssSelector("a[href='/safety-plan/edit']"))).isNotEmpty();
            new WebDriverWait(noScript, Duration.ofSeconds(40))
                .until(d -> d.getCurrentUrl().endsWith("/signed-out-for-inactivity"));
            noScript.get(url("/safety-plan"));
            assertThat(noScript.findElements(By.cssSelector("a[href='/safety-plan/edit']"))).isEmpty();
        }
        finally {
            noScript.quit();
        }
    }
}
