package jp.nintei.it;

import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The browser console as the browser tests read it: what the Content-Security-Policy (template.yaml's
 * WebSecurityHeaders, served by the local gateway) refused. Every browser test asserts after each test that
 * nothing was, so every state a flow reaches is proven to run without inline script or style.
 */
final class PolicyConsole {
    private PolicyConsole() {}

    /** Keeps the console of the browser these options start. */
    static void record(ChromeOptions options) {
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
    }

    /** The policy's refusals since the last call (reading the console empties it). */
    static List<String> refusals(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }
}
