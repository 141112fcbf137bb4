package org.counterspace.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.counterspace.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

class GuidanceBrowserTests extends BrowserTestSupport {

    static final List<String> PUBLIC_PAGES = List.of("/", "/guidance", "/guidance/healing-at-home",
            "/guidance/building-counter-environments", "/guidance/when-home-pulls-you-back",
            "/guidance/preparing-for-therapy-from-a-hard-week", "/guidance/keep-looking-for-support",
            "/guidance?q=counter+environments", "/help", "/help?region=US", "/privacy", "/guidance/no-such-guide");

    @Test
    void everyPublicPageHasNoAxeViolationsAndOnlyOwnOriginRequests() {
        for (String page : PUBLIC_PAGES) {
            clearRequestLog();
            open(page);
            assertThat(driver.findElement(By.cssSelector("a.quick-exit")).getAttribute("href")).endsWith("/exit");
            assertThat(driver.findElements(By.cssSelector("a[href='/help']"))).isNotEmpty();
            assertNoAxeViolations();
            assertThat(requestedUrls()).as("requests made by " + page).isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith(origin() + "/"));
        }
    }

    /** The accessibility check really looks: a page with an unlabelled image fails it. */
    @Test
    void axeCheckCatchesARealProblem() {
        driver.get("data:text/html,<!DOCTYPE html><html lang=en><title>t</title><main><img src=x.png></main></html>");
        assertThatThrownBy(this::assertNoAxeViolations).hasMessageContaining("image-alt");
    }

    @Test
    void foundingArticleReadsInFullWithWorkingTableOfContents() throws Exception {
        open("/guidance/healing-at-home");
        screenshot("guide");
        String text = driver.findElement(By.tagName("main")).getText();
        assertThat(text).contains("This is not failure.", "Slow progress is still progress.",
                "doing this alone is harder than it needs to be.");
        WebElement firstEntry = driver.findElement(By.cssSelector(".toc a"));
        String anchor = firstEntry.getAttribute("href").substring(firstEntry.getAttribute("href").indexOf('#'));
        firstEntry.click();
        assertThat(driver.getCurrentUrl()).endsWith(anchor);
    }

    @Test
    void keyboardReachesSkipLinkFirstAndSearchWorks() {
        open("/guidance");
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).contains("skip-link");
        assertThat(focused.isDisplayed()).isTrue();

        WebElement box = driver.findElement(By.id("guidance-q"));
        goThrough(() -> box.sendKeys("front door", Keys.ENTER));
        assertThat(driver.getCurrentUrl()).contains("q=front+door");
        assertThat(driver.findElements(By.cssSelector(".hit-list li"))).isNotEmpty();
    }

    @Test
    void narrowScreensDoNotScrollSideways() {
        driver.manage().window().setSize(new Dimension(320, 800));
        try {
            for (String page : List.of("/", "/guidance/healing-at-home", "/help")) {
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
}
