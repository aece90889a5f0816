package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The one headless Chromium of a browser test class, on the local stack's gateway, with what every browser test
 * does with it: wait, run a script, type, sign in as a demo user, upload, take a screenshot. Registered on the
 * instance of a {@code PER_CLASS} test, it checks after each test that the Content-Security-Policy refused nothing
 * (so every state a flow reaches runs without inline script or style) and quits the browser after the class:
 * <pre>{@code @RegisterExtension final Browser browser;
 * SomeBrowserTest(LocalSystem system) { this.browser = Browser.phone(system); }}</pre>
 */
final class Browser implements AfterEachCallback, AfterAllCallback {
    private final LocalSystem system;
    private final WebDriver driver;
    private boolean checksRefusals = true;

    private Browser(LocalSystem system, int width, int height) throws IOException {
        this.system = system;
        this.driver = HeadlessChromium.start(width, height);
    }

    /** A phone-sized window (390×844), as most applicants see the pages. */
    static Browser phone(LocalSystem system) throws IOException { return new Browser(system, 390, 844); }

    /** A desktop window (1280×1000), as the secretariat works. */
    static Browser desktop(LocalSystem system) throws IOException { return new Browser(system, 1280, 1000); }

    /** For a test that provokes the policy's refusals on purpose and reads them itself ({@link PolicyConsole#refusals}). */
    Browser readingRefusalsItself() {
        checksRefusals = false;
        return this;
    }

    WebDriver driver() { return driver; }

    /** Loads a page or path of the local gateway, e.g. {@code /mypage.html}. */
    void open(String path) { driver.get(system.gateway().url() + path); }

    WebDriverWait waiting() { return new WebDriverWait(driver, Duration.ofSeconds(15)); }

    Object js(String script, Object... args) { return ((JavascriptExecutor) driver).executeScript(script, args); }

    WebElement visible(String id) { return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id))); }

    /** Replaces what the field holds with {@code text}, as a person typing. */
    void type(String id, String text) {
        WebElement e = visible(id);
        e.clear();
        e.sendKeys(text);
    }

    /** A stranger's browser: no session and nothing on the device (remembered user ID, unsaved input). */
    void startOver() {
        driver.manage().deleteAllCookies();
        // a page without script: index.html would redirect a signed-in session to mypage.html meanwhile
        open("/404.html");
        js("sessionStorage.clear(); localStorage.clear()");
    }

    /** Fills the login page as a stranger and presses ログイン, whatever the answer. */
    void submitLogin(String userId, String password) {
        startOver();
        open("/index.html");
        WebElement id = waiting().until(ExpectedConditions.elementToBeClickable(By.id("userId")));
        id.clear();
        id.sendKeys(userId);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("submit")).click();
    }

    /** Signs in with the demo password and waits for マイページ. */
    void logIn(String userId) {
        submitLogin(userId, DemoData.PASSWORD);
        waiting().until(ExpectedConditions.urlContains("mypage.html"));
    }

    /** Chooses a file with this content for the file input. */
    void upload(WebElement fileInput, byte[] content, String suffix) throws IOException {
        Path f = Files.createTempFile("upload", suffix);
        Files.write(f, content);
        fileInput.sendKeys(f.toString());
    }

    /** Saves what the member sees to local/target/screenshots/ (for a look by a person; not asserted). */
    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (checksRefusals) assertEquals(List.of(), PolicyConsole.refusals(driver));
    }

    @Override
    public void afterAll(ExtensionContext context) { driver.quit(); }
}
