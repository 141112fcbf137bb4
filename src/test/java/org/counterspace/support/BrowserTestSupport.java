package org.counterspace.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

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

    protected static ChromeDriver driver;

    @LocalServerPort
    protected int port;

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

    /** axe-core (WCAG 2.0–2.2 A/AA and best practices) finds nothing on the current page. */
    protected void assertNoAxeViolations() {
        Results results = new AxeBuilder().withTags(AXE_TAGS).analyze(driver);
        List<String> problems = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            problems.add(rule.getId() + " (" + rule.getHelp() + ") at "
                    + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
        }
        assertThat(problems).as("axe-core violations on " + driver.getCurrentUrl()).isEmpty();
    }

    /** Forgets the network requests recorded so far. */
    protected void clearRequestLog() {
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    /** Every URL the browser asked for since the last call (from Chrome's DevTools network events): http(s) and ws(s) only. */
    protected List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            String url = message.path("params").path("request").path("url").asString();
            // only network requests: chrome:// and data: URLs are the browser's own (its new-tab page may still be loading)
            if ("Network.requestWillBeSent".equals(message.path("method").asString())
                    && (url.startsWith("http") || url.startsWith("ws"))) {
                urls.add(url);
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
