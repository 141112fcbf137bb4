package org.counterspace.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real headless Chromium (Debian's chromium and chromium-driver) against the app on a random
 * port. Skips with a message where Chromium is not installed; fails under CI, which installs it.
 * Every page a test opens can be checked with axe-core and for requests to other hosts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTestSupport {

    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    static final String CHROMIUM = "/usr/bin/chromium";

    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
            "best-practice");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String AXE_SCRIPT = readAxe();

    private static final Pattern NETWORK_URL = Pattern.compile("(https?|wss?):", Pattern.CASE_INSENSITIVE);

    protected static ChromeDriver driver;

    @LocalServerPort
    protected int port;

    private static String readAxe() {
        try (var in = BrowserTestSupport.class.getResourceAsStream("/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe.min.js is missing from the test classpath", e);
        }
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        boolean present = Files.isExecutable(Path.of(CHROMEDRIVER)) && Files.isExecutable(Path.of(CHROMIUM));
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("CI needs: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(present,
                "Chromium is not installed (apt-get install -y chromium chromium-driver): browser tests skipped");
        driver = startChromium(true);
    }

    /** A fresh browser with its own empty profile; the caller quits it. */
    protected static ChromeDriver startChromium(boolean javascript) throws Exception {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-default-apps", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    protected String origin() {
        return "http://127.0.0.1:" + port;
    }

    protected String url(String path) {
        return origin() + path;
    }

    protected void open(String path) {
        driver.get(url(path));
    }

    /**
     * Signs a browser in through the login form as a {@link TestAccounts} account, and waits until the
     * answer has left the login page: a page opened sooner can be overtaken by the sign-in's redirect.
     */
    protected void signIn(WebDriver browser, String username) {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(username);
        WebElement password = browser.findElement(By.name("password"));
        password.sendKeys(TestAccounts.PASSWORD);
        password.submit();
        new WebDriverWait(browser, Duration.ofSeconds(30))
            .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Clicks a link or button and waits until the next page has replaced this one. */
    protected void clickThrough(By button) {
        goThrough(() -> driver.findElement(button).click());
    }

    /**
     * Does something that leads to another page (a click, Enter in a search box) and waits until that
     * page has replaced this one: the driver may answer before the browser has navigated. Asked about a
     * node of a page it has already replaced, ChromeDriver sometimes answers "does not belong to the
     * document" instead of "stale": both mean the page is gone.
     */
    protected void goThrough(Runnable action) {
        WebElement page = driver.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(browser -> {
            try {
                page.isEnabled();
                return false;
            }
            catch (WebDriverException gone) {
                return true;
            }
        });
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
    }

    /**
     * axe-core (WCAG 2.0–2.2 A/AA and best practices) finds nothing on the current page. The script
     * (bundled in Deque's axe-core artifact) is injected into the page itself: DevTools evaluation is
     * not subject to the page's CSP, and no extra window is opened, which keeps runs steady under load.
     */
    @SuppressWarnings("unchecked")
    protected void assertNoAxeViolations() {
        driver.executeScript(AXE_SCRIPT);
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } })
                   .then(r => done({ violations: r.violations.map(v => v.id + ' (' + v.help + ') at '
                                     + v.nodes.map(n => n.target.join(' ')).join(', ')) }))
                   .catch(e => done({ error: String(e) }));
                """, AXE_TAGS);
        assertThat(result).as("axe-core run on " + driver.getCurrentUrl()).doesNotContainKey("error");
        assertThat((List<String>) result.get("violations")).as("axe-core violations on " + driver.getCurrentUrl())
            .isEmpty();
    }

    /**
     * Every link in the page's error summary moves focus to the field it names: the element whose id is
     * the link's anchor, which is the field's control (or, for a group of choices, its fieldset).
     */
    protected void assertErrorSummaryLinksFocusTheirFields() {
        List<WebElement> links = driver.findElements(By.cssSelector(".error-summary a"));
        assertThat(links).as("error summary links on " + driver.getCurrentUrl()).isNotEmpty();
        for (WebElement link : links) {
            String anchor = link.getAttribute("href").replaceFirst("^[^#]*#", "");
            link.click();
            assertThat(driver.switchTo().activeElement().getAttribute("id")).as("focus after the link to #" + anchor)
                .isEqualTo(anchor);
        }
    }

    /** Forgets the network requests recorded so far. */
    protected void clearRequestLog() {
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    /**
     * Every network URL (http, https, ws) the browser asked for since the last call, from Chrome's
     * DevTools network events; the browser's own chrome:// pages and data: URLs never leave it.
     */
    protected List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asString())) {
                String url = message.path("params").path("request").path("url").asString();
                if (NETWORK_URL.matcher(url).lookingAt()) {
                    urls.add(url);
                }
            }
        }
        return urls;
    }

    protected void screenshot(String name) throws Exception {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
