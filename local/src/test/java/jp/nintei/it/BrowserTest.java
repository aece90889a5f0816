package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import jp.nintei.domain.Messages;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A member logs in on a phone-sized headless Chromium (Debian's) and sees the right menu. */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final LocalSystem system;
    private WebDriver driver;

    BrowserTest(LocalSystem system) { this.system = system; }

    @BeforeAll
    void startBrowser() throws Exception {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (System.getenv("CI") != null) {
            assertTrue(installed, "CI must install Debian chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(installed, "Debian chromium/chromium-driver not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=390,844", "--lang=ja-JP",
                "--user-data-dir=" + Files.createTempDirectory("chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) driver.quit();
    }

    private WebDriverWait waiting() { return new WebDriverWait(driver, Duration.ofSeconds(15)); }

    private void logIn(String userId, String password) {
        driver.manage().deleteAllCookies();
        driver.get(system.gateway().url() + "/index.html");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        driver.get(system.gateway().url() + "/index.html");
        WebElement id = waiting().until(ExpectedConditions.elementToBeClickable(By.id("userId")));
        id.clear();
        id.sendKeys(userId);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("submit")).click();
    }

    /** Saves what the member sees to local/target/screenshots/ (for a look by a person; not asserted). */
    private void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void scrollTo(String id) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private String menuText(String kind) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#menu tr[data-kind='" + kind + "'] td"))).getText();
    }

    @Test
    void aMemberWithASubmittedPrimarySeesSubmittedAndTheSecondaryReason() {
        logIn("１００００００２", DemoData.PASSWORD); // full-width digits, as typed on a Japanese phone keyboard
        waiting().until(ExpectedConditions.urlContains("mypage.html"));
        assertEquals("申請済みです。", menuText("new-primary"));
        assertEquals("緩和 二郎", driver.findElement(By.cssSelector("[data-field='name']")).getText());
        assertEquals("10000002", driver.findElement(By.cssSelector("[data-field='memberNo']")).getText());
        String secondary = menuText("new-secondary");
        int year = system.demo().year();
        // in June the secondary is open for this member; at other times the manual's reason shows
        assertTrue(secondary.equals(Messages.SECONDARY_UNAVAILABLE)
                || secondary.equals("受付期間：" + year + "年6月1日 0:00 ~ " + year + "年6月30日 23:59"), secondary);
        assertEquals(Messages.NOT_SPECIALIST, menuText("renewal"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('menu').scrollIntoView()");
        screenshot("mypage-primary-submitted");

        driver.findElement(By.cssSelector("[data-logout]")).click();
        waiting().until(ExpectedConditions.urlContains("index.html"));
        driver.get(system.gateway().url() + "/mypage.html");
        waiting().until(ExpectedConditions.urlContains("index.html"));
    }

    @Test
    void inAprilTheFreshApplicantSeesTheWindowAsALink() {
        int year = system.demo().year();
        jp.nintei.domain.AppClock.shiftForLocalRun(jp.nintei.local.LocalGateway.clockAt(year + "-04-10T09:00"));
        try {
            logIn("ichiro@example.jp", DemoData.PASSWORD);
            WebElement link = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#menu tr[data-kind='new-primary'] a")));
            assertEquals("受付期間：" + year + "年4月1日 0:00 ~ " + year + "年4月30日 23:59", link.getText());
            assertTrue(driver.findElement(By.cssSelector(".local-banner")).getText().contains(year + "-04-10 09:00"));
            screenshot("mypage-april-fresh-applicant");
        } finally {
            jp.nintei.domain.AppClock.shiftForLocalRun(null);
        }
    }

    @Test
    void theWholePrimaryApplicationOnAPhone() throws Exception {
        int year = system.demo().year();
        var member = TestMembers.create(system, false);
        jp.nintei.domain.AppClock.shiftForLocalRun(jp.nintei.local.LocalGateway.clockAt(year + "-04-12T21:30"));
        try {
            logIn(member.memberNo(), DemoData.PASSWORD);
            waiting().until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#menu tr[data-kind='new-primary'] a"))).click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-field='name']"),
                    member.name()));

            java.nio.file.Path pdf = Files.createTempFile("振込控え", ".pdf");
            Files.write(pdf, Samples.pdf());
            driver.findElement(By.id("file")).sendKeys(pdf.toString());
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("receipt-badge"), "登録済"));
            assertTrue(driver.findElement(By.id("files")).getText().contains(pdf.getFileName().toString()));
            assertTrue(!driver.findElement(By.id("dropzone")).isDisplayed(), "one receipt: the drop zone goes away");

            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("pref0"))).selectByVisibleText("北海道");
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved"), "保存しました"));
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("pref1"))).selectByVisibleText("東京都");
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved"), "保存しました"));
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("pref2"))).selectByVisibleText("沖縄県");
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("prefs-badge"), "登録済"));
            scrollTo("receipt-title");
            screenshot("primary-edit");

            driver.findElement(By.id("to-confirm")).click();
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
            assertEquals("北海道", driver.findElement(By.id("c-pref0")).getText());
            assertEquals("東京都", driver.findElement(By.id("c-pref1")).getText());
            assertEquals("沖縄県", driver.findElement(By.id("c-pref2")).getText());
            assertTrue(driver.findElement(By.id("confirm")).getText().contains("「申請」ボタンをクリック後、修正はできませんのでご注意ください。"));
            screenshot("primary-confirm");

            driver.findElement(By.id("submit")).click();
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
            assertEquals("申請済", driver.findElement(By.id("done-title")).getText());
            assertEquals("P" + year + "-" + member.memberNo(), driver.findElement(By.id("d-receipt")).getText());
            assertEquals(year + "年4月12日 21:30（日本時間）", driver.findElement(By.id("d-time")).getText());
            assertTrue(driver.findElement(By.id("d-mail")).getText().contains("送信しました"));
            screenshot("primary-done");
            assertEquals(1, SesStore.mailsTo(system, member.email()).size());

            driver.get(system.gateway().url() + "/mypage.html");
            assertEquals("申請済みです。", menuText("new-primary"));
        } finally {
            jp.nintei.domain.AppClock.shiftForLocalRun(null);
        }
    }

    @Test
    void aWrongPasswordShowsTheJapaneseMessageAndStaysOnTheLoginPage() {
        logIn("10000001", "wrong-password");
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        waiting().until(ExpectedConditions.textToBePresentInElement(error, "正しくありません"));
        assertEquals(Messages.LOGIN_FAILED, error.getText());
        screenshot("login-wrong-password");
        assertTrue(driver.getCurrentUrl().contains("index.html"));
    }
}
