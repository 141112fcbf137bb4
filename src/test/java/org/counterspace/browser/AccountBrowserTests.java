package org.counterspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.BrowserTestSupport;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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

    @Test
    void registerKeepCodesSignOutRecoverSignInAndDelete() throws Exception {
        String name = "journey." + System.nanoTime() % 100000;

        open("/register");
        assertNoAxeViolations();
        type("username", name);
        type("password", "too short");
        type("confirm", "too short");
        submit();
        assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("at least 15 characters");
        assertThat(driver.findElement(By.id("username")).getAttribute("value")).isEqualTo(name);
        assertThat(driver.findElement(By.id("password")).getAttribute("value")).isEmpty();
        assertNoAxeViolations();

        type("password", PASSWORD);
        type("confirm", PASSWORD);
        submit();
        assertThat(driver.getCurrentUrl()).endsWith("/account/recovery-codes");
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
        assertThat(driver.getCurrentUrl()).endsWith("/login?signedout");
        assertNoAxeViolations();

        open("/recover");
        assertNoAxeViolations();
        type("username", name);
        type("code", codes.get(0));
        type("password", NEW_PASSWORD);
        type("confirm", NEW_PASSWORD);
        submit();
        assertThat(driver.getCurrentUrl()).endsWith("/login?recovered");
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("9 recovery codes left");
        assertNoAxeViolations();

        type("username", name);
        type("password", NEW_PASSWORD);
        submit();
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
        submit();
        assertThat(driver.getCurrentUrl()).endsWith("/login?deleted");
        assertNoAxeViolations();
        assertThat(jdbc.queryForObject("select count(*) from account where username_key = ?", Integer.class,
                name.toLowerCase())).isZero();
    }

    @Test
    void aFailedSignInAndTheCuratorPageAreAccessible() throws Exception {
        AccountPrincipal admin = TestAccounts.create(jdbc, "curator." + System.nanoTime() % 100000,
                AccountPrincipal.ROLE_ADMIN);
        open("/login");
        type("username", admin.getUsername());
        type("password", "this is not the password");
        submit();
        assertThat(driver.getCurrentUrl()).endsWith("/login?error");
        assertThat(driver.findElement(By.id("username")).getAttribute("value")).isEqualTo(admin.getUsername());
        assertNoAxeViolations();

        type("password", TestAccounts.PASSWORD);
        submit();
        open("/admin/curators");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Curators");
        assertNoAxeViolations();
        driver.findElement(By.cssSelector("form.signout button")).click();
    }

    @Test
    void theSixthFailedSignInShowsWhenToTryAgain() {
        String nobody = "nobody." + System.nanoTime() % 100000;
        for (int i = 0; i < 6; i++) {
            open("/login");
            type("username", nobody);
            type("password", "guessing once more " + i);
            submit();
        }
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Please wait a little");
        assertThat(driver.findElement(By.cssSelector("main .lead")).getText()).contains("try again in about");
        assertNoAxeViolations();
    }
}
