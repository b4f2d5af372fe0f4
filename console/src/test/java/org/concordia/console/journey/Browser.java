package org.concordia.console.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium. Finds Debian's {@code chromium} and {@code chromium-driver} (or {@code CHROME_BIN}
 * and {@code CHROMEDRIVER}), else lets Selenium Manager find or fetch a browser; fails with what to install when
 * none can be had. Every page it checks gets an axe-core run that must find no serious or critical violation.
 */
final class Browser implements AutoCloseable {

    // generous: the journeys must pass on a loaded 2-core machine
    static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private final WebDriver driver;
    private final Platform platform;

    Browser(Platform platform) {
        this.platform = platform;
        this.driver = start();
        driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
    }

    private static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en");
        Optional<Path> binary =
                firstExecutable(System.getenv("CHROME_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Optional<Path> chromedriver = firstExecutable(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver");
        try {
            if (binary.isPresent() && chromedriver.isPresent()) {
                options.setBinary(binary.get().toFile());
                return new ChromeDriver(
                        new ChromeDriverService.Builder()
                                .usingDriverExecutable(chromedriver.get().toFile())
                                .build(),
                        options);
            }
            return new ChromeDriver(options);
        } catch (RuntimeException noBrowser) {
            throw new IllegalStateException(
                    "No Chromium for the browser journeys: install Debian's chromium and chromium-driver"
                            + " (apt-get install -y chromium chromium-driver; .ci/run does), or set CHROME_BIN and"
                            + " CHROMEDRIVER, or let Selenium Manager reach the internet. Cause: " + noBrowser,
                    noBrowser);
        }
    }

    private static Optional<Path> firstExecutable(String... candidates) {
        return Stream.of(candidates)
                .filter(candidate -> candidate != null && !candidate.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Through the identity provider's sign-in form, back to the console's inbox. */
    Browser signIn(String email) {
        driver.get(platform.consoleUri() + "/");
        until().until(d -> d.getCurrentUrl().startsWith(platform.identityUri() + "/login"));
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys("concordia-demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        until().until(d -> d.getCurrentUrl().startsWith(platform.consoleUri() + "/inbox"));
        return this;
    }

    Browser open(String path) {
        driver.get(platform.consoleUri() + path);
        return this;
    }

    /** The element once it is there; else a failure that shows where the browser is and what it shows. */
    WebElement find(By by) {
        try {
            return until().until(d -> d.findElement(by));
        } catch (TimeoutException notThere) {
            throw new AssertionError(
                    "No " + by + " on " + driver.getCurrentUrl() + " showing:\n" + abbreviated(text()), notThere);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 3000 ? text.substring(0, 3000) + "…" : text;
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebDriverWait until() {
        return new WebDriverWait(driver, PATIENCE);
    }

    WebDriver driver() {
        return driver;
    }

    /** axe-core on the page as it is now: no serious or critical violation. */
    Browser accessible() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object found = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                + " + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        assertThat((List<?>) found)
                .as("serious accessibility violations on %s", driver.getCurrentUrl())
                .isEmpty();
        return this;
    }

    /** A phone-sized window: nothing wider than the screen. */
    Browser fitsAPhone() {
        Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(390, 844));
        Object overflow = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        driver.manage().window().setSize(desktop);
        assertThat(((Number) overflow).intValue())
                .as("horizontal overflow on a phone on %s", driver.getCurrentUrl())
                .isLessThanOrEqualTo(0);
        return this;
    }

    /**
     * Keeps a picture of the page in target/screenshots, and in docs/screenshots when the build is asked to refresh
     * them ({@code -Dconcordia.screenshots=refresh}).
     */
    Browser screenshot(String name) {
        try {
            Path shot =
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Path target = Platform.home().resolve("console/target/screenshots");
            Files.createDirectories(target);
            Files.copy(shot, target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            if ("refresh".equals(System.getProperty("concordia.screenshots"))) {
                Path docs = Platform.home().resolve("docs/screenshots");
                Files.createDirectories(docs);
                Files.copy(shot, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream axe = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (axe == null) {
                throw new IllegalStateException(AXE + " is not on the test classpath");
            }
            return new String(axe.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
