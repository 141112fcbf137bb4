package org.counterspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.BrowserTestSupport;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.samstevens.totp.code.DefaultCodeGenerator;

/** The whole life of an account in a real browser, with axe-core on every page on the way. */
class AccountBrowserTests extends BrowserTestSupport {

    static final String PASSWORD = "five small boats drifting past the pier";

    static final String NEW_PASSWORD = "the blue door at the end of the lane";

    @Autowired
    JdbcTemplate jdbc;

    private void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void submit() {
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    /** Submits the form and waits for the page it leads to (a sign-in can take a moment on a busy machine). */
    private void submitAndWaitFor(String urlEnd) {
        submit();
        waitFor(urlEnd);
    }

    /**
     * For a form that posts to its own page's address: the address matches before the answer arrives, so
     * this waits for the page to be replaced first.
     */
    private void submitAndWaitForNextPage(String urlEnd) {
        WebElement page = driver.findElement(By.tagName("html"));
        submit();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> replaced(page));
        waitFor(urlEnd);
    }

    /**
     * Whether the page's element is gone from the document. Chromium reports that as a stale element,
     * or, caught between the old page and the new, as an inspector error about a node that no longer
     * belongs to the document (which Selenium's own staleness check lets through as a failure).
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        }
        catch (StaleElementReferenceException e) {
            return true;
        }
        catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private void waitFor(String urlEnd) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.urlMatches(Pattern.quote(urlEnd) + "$"));
    }

    @Test
    void registerKeepCodesSignOutRecoverSignInAndDelete() throws Exception {
        String name = "journey." + System.nanoTime() % 100000;

        open("/register");
        assertNoAxeViolations();
        type("username", name);
        type("password", "too short");
        type("confirm", "too short");
        submit();
        new WebDriverWait(driver, Duration.ofSeconds(60))
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("at least 15 characters");
        assertThat(driver.findElement(By.id("username")).getAttribute("value")).isEqualTo(name);
        assertThat(driver.findElement(By.id("password")).getAttribute("value")).isEmpty();
        assertNoAxeViolations();
        assertErrorSummaryLinksFocusTheirFields();

        type("password", PASSWORD);
        type("confirm", PASSWORD);
        submitAndWaitFor("/account/recovery-codes");
        List<String> codes = driver.findElements(By.cssSelector(".recovery-codes code")).stream()
            .map(WebElement::getText).toList();
        assertThat(codes).hasSize(10);
        assertThat(driver.findElement(By.cssSelector("[data-print]")).isDisplayed()).isTrue();
        assertNoAxeViolations();
        screenshot("account-recovery-codes");
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getExpiry()).as("a session cookie, gone when the browser closes").isNull();

        driver.findElement(By.cssSelector("form.signout button")).click();
        waitFor("/login?signedout");
        assertNoAxeViolations();

        open("/recover");
        assertNoAxeViolations();
        type("username", name);
        type("code", codes.get(0));
        type("password", NEW_PASSWORD);
        type("confirm", NEW_PASSWORD);
        submitAndWaitFor("/login?recovered");
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("9 recovery codes left");
        assertNoAxeViolations();

        type("username", name);
        type("password", NEW_PASSWORD);
        submitAndWaitFor("/");
        assertThat(driver.findElement(By.cssSelector(".since-last-visit")).getText())
            .contains("A recovery code was used to set a new password");
        assertNoAxeViolations();
        screenshot("account-since-last-visit");
        open("/account/activity");
        assertThat(driver.findElement(By.cssSelector("ul.activity")).getText()).contains("Account made");
        assertNoAxeViolations();
        open("/account");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your account");
        assertNoAxeViolations();
        for (String page : List.of("/account/password", "/account/recovery-codes/new")) {
            open(page);
            assertNoAxeViolations();
        }

        open("/account/delete");
        assertNoAxeViolations();
        type("currentPassword", NEW_PASSWORD);
        submitAndWaitFor("/login?deleted");
        assertNoAxeViolations();
        assertThat(jdbc.queryForObject("select count(*) from account where username_key = ?", Integer.class,
                name.toLowerCase())).isZero();
    }

    @Test
    void theSecondStepIsSetUpAndAskedForAccessibly() throws Exception {
        AccountPrincipal account = TestAccounts.create(jdbc, "twostep." + System.nanoTime() % 100000);
        open("/login");
        type("username", account.getUsername());
        type("password", TestAccounts.PASSWORD);
        submitAndWaitFor("/");
        open("/account/second-step");
        assertThat(driver.findElement(By.cssSelector(".qr svg")).getAttribute("aria-label")).contains("QR code");
        assertNoAxeViolations();
        screenshot("account-second-step-setup");
        String key = driver.findElement(By.cssSelector("code.setup-key")).getText().replace(" ", "");
        long step = Instant.now().getEpochSecond() / 30;
        type("code", new DefaultCodeGenerator().generate(key, step));
        type("currentPassword", TestAccounts.PASSWORD);
        submitAndWaitForNextPage("/account/second-step");
        // The whole of main, so that a failure shows what the page said instead (an error, or the setup again).
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("The second step is on");
        assertNoAxeViolations();

        driver.findElement(By.cssSelector("form.signout button")).click();
        waitFor("/login?signedout");
        type("username", account.getUsername());
        type("password", TestAccounts.PASSWORD);
        submitAndWaitFor("/login/second-step");
        assertNoAxeViolations();
        // A step after the one that turned it on: a code works once.
        type("code", new DefaultCodeGenerator().generate(key, Math.max(step + 1, Instant.now().getEpochSecond() / 30)));
        submitAndWaitFor("/");
        assertThat(driver.findElement(By.cssSelector(".since-last-visit")).getText())
            .contains("The second step was turned on");
        driver.findElement(By.cssSelector("form.signout button")).click();
        waitFor("/login?signedout");
    }

    @Test
    void aFailedSignInAndTheCuratorPageAreAccessible() throws Exception {
        AccountPrincipal admin = TestAccounts.create(jdbc, "curator." + System.nanoTime() % 100000,
                AccountPrincipal.ROLE_ADMIN);
        open("/login");
        type("username", admin.getUsername());
        type("password", "this is not the password");
        submitAndWaitFor("/login?error");
        assertThat(driver.findElement(By.id("username")).getAttribute("value")).isEqualTo(admin.getUsername());
        assertNoAxeViolations();

        type("password", TestAccounts.PASSWORD);
        submitAndWaitFor("/");
        open("/admin/curators");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Curators");
        assertNoAxeViolations();
        driver.findElement(By.cssSelector("form.signout button")).click();
        waitFor("/login?signedout");
    }

    @Test
    void theSixthFailedSignInShowsWhenToTryAgain() {
        String nobody = "nobody." + System.nanoTime() % 100000;
        for (int i = 0; i < 6; i++) {
            open("/login");
            type("username", nobody);
            type("password", "guessing once more " + i);
            if (i < 5) {
                submitAndWaitFor("/login?error");
            }
            else {
                submit();
            }
        }
        new WebDriverWait(driver, Duration.ofSeconds(60))
            .until(ExpectedConditions.textToBe(By.tagName("h1"), "Please wait a little"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Please wait a little");
        assertThat(driver.findElement(By.cssSelector("main .lead")).getText()).contains("try again in about");
        assertNoAxeViolations();
    }
}
