package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The one way the browser tests start Debian's headless Chromium: a fresh profile, no background networking (this
 * machine's network is closed), Japanese, the console recorded for {@link PolicyConsole}. On CI a missing browser
 * fails the run; elsewhere the browser tests are skipped.
 */
final class HeadlessChromium {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** A phone (390×844) or a desktop window, as the test needs. */
    static WebDriver start(int width, int height) throws IOException {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (System.getenv("CI") != null) assertTrue(installed, "CI must install Debian chromium and chromium-driver (.ci/run does)");
        Assumptions.assumeTrue(installed, "Debian chromium/chromium-driver not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=" + width + "," + height, "--lang=ja-JP",
                "--user-data-dir=" + Files.createTempDirectory("chromium-"));
        PolicyConsole.record(options);
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build(), options);
    }
}
