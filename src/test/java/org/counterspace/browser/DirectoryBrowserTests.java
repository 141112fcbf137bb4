package org.counterspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.counterspace.support.BrowserTestSupport;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The directory in a real browser: search, filter, a service, geolocation, bookmarks and the print view. */
class DirectoryBrowserTests extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    void printMedia(boolean print) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
    }

    /** Search, filter, open a service and look at it as it would print. */
    @Test
    void searchFilterOpenAServiceAndPrintIt() throws Exception {
        clearRequestLog();
        open("/support");
        assertNoAxeViolations();
        driver.findElement(By.id("q")).sendKeys("counselling");
        clickThrough(By.cssSelector(".search-row button"));
        assertThat(driver.getCurrentUrl()).contains("q=counselling");
        int before = driver.findElements(By.cssSelector(".result-list > li")).size();
        assertThat(before).isPositive();

        driver.findElement(By.cssSelector("label[for='free']")).click();
        driver.findElement(By.cssSelector("label[for='category-youth']")).click();
        clickThrough(By.cssSelector(".directory-filters button[type='submit']"));
        assertThat(driver.getCurrentUrl()).contains("free=yes").contains("category=youth");
        List<WebElement> results = driver.findElements(By.cssSelector(".result-list > li"));
        assertThat(results).isNotEmpty();
        assertThat(driver.findElement(By.id("free")).isSelected()).isTrue();
        assertNoAxeViolations();
        screenshot("directory-search");

        clickThrough(By.cssSelector(".result-list > li h3 a"));
        assertThat(driver.getCurrentUrl()).contains("/support/services/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("report-heading")).isDisplayed()).isTrue();
        assertNoAxeViolations();
        assertThat(requestedUrls()).allSatisfy(url -> assertThat(url).startsWith(origin() + "/"));

        printMedia(true);
        try {
            assertThat(driver.findElement(By.cssSelector(".site-header")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("report-heading")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("contact-heading")).isDisplayed()).isTrue();
        }
        finally {
            printMedia(false);
        }
    }

    @Test
    void bookmarkWithANoteAndPrintMyList() throws Exception {
        signIn(driver, TestAccounts.create(jdbc, "browser-saver").getUsername());

        open("/support?q=samaritans");
        clickThrough(By.cssSelector(".result-list h3 a"));
        driver.findElement(By.id("note")).sendKeys("Ask about the evening volunteers");
        clickThrough(By.cssSelector("#save-heading + form button, section[aria-labelledby='save-heading'] button"));
        assertThat(driver.getCurrentUrl()).endsWith("/support/saved");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Samaritans");
        assertNoAxeViolations();
        printMedia(true);
        try {
            assertThat(driver.findElement(By.cssSelector(".saved-note")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.cssSelector(".saved-note")).getText())
                .isEqualTo("Ask about the evening volunteers");
            assertThat(driver.findElement(By.cssSelector(".site-header")).isDisplayed()).isFalse();
            screenshot("directory-saved-print");
        }
        finally {
            printMedia(false);
        }
    }

    @Test
    void useMyLocationSearchesNearTheBrowsersPosition() {
        open("/support");
        driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", origin(), "permissions", List.of("geolocation")));
        driver.executeCdpCommand("Emulation.setGeolocationOverride",
                Map.of("latitude", 53.8008, "longitude", -1.5491, "accuracy", 50));
        WebElement button = driver.findElement(By.cssSelector("[data-geolocation] button"));
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
            .until(d -> d.getCurrentUrl().contains("lat="));
        assertThat(driver.getCurrentUrl()).contains("lat=53.801").contains("sort=distance");
        assertThat(driver.findElement(By.id("results-heading")).getText()).contains("near your location");
        assertThat(driver.findElement(By.cssSelector(".result-list")).getText()).contains("km away");
        assertNoAxeViolations();
    }

    @Test
    void otherPublicDirectoryPagesAreAccessible() {
        for (String page : List.of("/support?place=Bristol&sort=distance", "/support?place=Richmond",
                "/support?q=zzzzqqq", "/support/suggest", "/support?open=now&country=GB&page=2")) {
            open(page);
            assertNoAxeViolations();
        }
        // the suggestion form sent empty: its error summary and messages must be accessible too
        open("/support/suggest");
        clickThrough(By.cssSelector("main form button[type=submit]"));
        assertNoAxeViolations();
        assertErrorSummaryLinksFocusTheirFields();
    }

    @Test
    void narrowScreensDoNotScrollSideways() {
        driver.manage().window().setSize(new Dimension(320, 800));
        try {
            open("/support?q=counselling");
            String service = driver.findElement(By.cssSelector(".result-list h3 a")).getAttribute("href");
            for (String page : List.of("/support?q=counselling", service.substring(origin().length()))) {
                open(page);
                Long scrollWidth = (Long) driver.executeScript("return document.documentElement.scrollWidth");
                Long clientWidth = (Long) driver.executeScript("return document.documentElement.clientWidth");
                assertThat(scrollWidth).as(page).isLessThanOrEqualTo(clientWidth);
            }
        }
        finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /** On a phone the results come first: the filters wait below them in a disclosure that needs no script. */
    @Test
    void onAPhoneTheFirstResultIsOnTheFirstScreen() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            // as for anyone who has read the quick exit notice once
            open("/support");
            driver.findElements(By.linkText("Got it, hide this")).forEach(WebElement::click);
            open("/support?q=counselling");
            screenshot("directory-search-phone");
            Long viewport = (Long) driver.executeScript("return window.innerHeight");
            Number top = (Number) driver.executeScript(
                    "return document.querySelector('.result-list > li').getBoundingClientRect().top");
            assertThat(top.doubleValue()).as("first result card's top").isLessThan(viewport);
            WebElement filters = driver.findElement(By.cssSelector("details.directory-filters"));
            assertThat(filters.getAttribute("open")).isNull();
            assertThat(driver.findElement(By.id("free")).isDisplayed()).isFalse();
            driver.findElement(By.cssSelector("details.directory-filters > summary")).click();
            assertThat(driver.findElement(By.id("free")).isDisplayed()).isTrue();
            assertNoAxeViolations();
        }
        finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
