package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import jp.nintei.adapter.http.Json;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On a phone-sized headless Chromium, a member the secretariat imported reads the invitation, sets a password at
 * the first sign-in, logs out (remembered user ID, never the password), forgets it and resets it with the mailed code.
 */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountBrowserTest {

    private final LocalSystem system;
    private WebDriver driver;

    AccountBrowserTest(LocalSystem system) { this.system = system; }

    @BeforeAll
    void startBrowser() throws Exception {
        driver = HeadlessChromium.start(390, 844);
    }

    /** Nothing this test did was refused by the Content-Security-Policy (no inline script or style anywhere). */
    @AfterEach
    void nothingRefusedByThePolicy() {
        if (driver != null) assertEquals(List.of(), PolicyConsole.refusals(driver));
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) driver.quit();
    }

    private WebDriverWait waiting() { return new WebDriverWait(driver, Duration.ofSeconds(15)); }

    private WebElement visible(String id) { return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id))); }

    private void type(String id, String text) {
        WebElement e = visible(id);
        e.clear();
        e.sendKeys(text);
    }

    private Object js(String script, Object... args) { return ((JavascriptExecutor) driver).executeScript(script, args); }

    /** Saves what the member sees to local/target/screenshots/ (for a look by a person; not asserted). */
    private void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String textOf(String id) {
        waiting().until(d -> !d.findElement(By.id(id)).getText().isBlank());
        return driver.findElement(By.id(id)).getText();
    }

    @Test
    void importedMemberSetsAPasswordLogsOutForgetsItAndResetsItOnThePage() {
        String no = Integer.toString(MemberAccountsFlowTest.NEXT.getAndIncrement());
        String email = "web" + no + "@example.jp";
        String staff = "Bearer " + Http.idToken(system.gateway().url(), "office@example.jp", DemoData.PASSWORD);
        Http.Response imported = Http.send("POST", system.gateway().url() + "/api/admin/imports/members", staff,
                MemberAccountsFlowTest.HEADER + MemberAccountsFlowTest.row(no, "画面 花子", email));
        assertEquals(200, imported.status(), imported.body());
        var runner = system.schedules();
        runner.fire(runner.schedules().stream().filter(s -> s.function().equals("AccountsFunction")).findFirst().orElseThrow());
        String temporary = Mails.temporaryPassword(system, email);

        // first sign-in with the invitation's temporary password, 「ログイン情報を保存する」 ticked
        driver.get(system.gateway().url() + "/index.html");
        js("sessionStorage.clear(); localStorage.clear()");
        driver.get(system.gateway().url() + "/index.html");
        type("userId", email);
        type("password", temporary);
        visible("remember").click();
        driver.findElement(By.id("submit")).click();
        assertEquals("パスワードを設定してください", visible("new-password-title").getText());
        assertTrue(textOf("new-password-policy").contains("8文字以上"));
        assertFalse(driver.findElement(By.id("login-card")).isDisplayed());
        type("newPassword", "abcdefgh");
        type("newPassword2", "abcdefgh");
        driver.findElement(By.id("new-password-submit")).click();
        assertTrue(textOf("new-password-error").contains("数字が含まれていません"));
        screenshot("login-first-password");
        type("newPassword", "web-pass-1");
        type("newPassword2", "web-pass-1");
        driver.findElement(By.id("new-password-submit")).click();
        waiting().until(ExpectedConditions.urlContains("mypage.html"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-field='memberNo']"), no));

        // logout: the refresh token is revoked, the user ID (never the password) is remembered
        String refresh = (String) js("return JSON.parse(sessionStorage.getItem('nintei.session')).refreshToken");
        driver.findElement(By.cssSelector("[data-logout]")).click();
        waiting().until(ExpectedConditions.urlContains("index.html"));
        assertEquals(email, visible("userId").getAttribute("value"));
        assertTrue(driver.findElement(By.id("remember")).isSelected());
        screenshot("login-remembered");
        String stored = String.valueOf(js("return JSON.stringify(Object.assign({}, localStorage)) + JSON.stringify(Object.assign({}, sessionStorage))"));
        assertFalse(stored.contains("web-pass-1") || stored.contains(temporary), stored);
        // (cognito-local keeps no refresh token from the challenge's answer, so sign in once more to see revocation)
        Http.Response again = Http.post(system.gateway().url() + "/api/auth/login",
                Json.write(Json.object().put("userId", no).put("password", "web-pass-1")));
        assertEquals(200, again.status());
        assertTrue(refresh != null && !refresh.isBlank());

        // パスワードをお忘れの方はこちら → code by mail → new password → sign in
        visible("forgot-link").click();
        assertEquals(email, visible("forgotUserId").getAttribute("value"));
        driver.findElement(By.id("forgot-submit")).click();
        assertTrue(textOf("reset-sent").contains("確認コードを送信しました"));
        String code = Mails.resetCode(system, email);
        type("code", code);
        type("resetPassword", "web-pass-2");
        type("resetPassword2", "web-pass-3");
        driver.findElement(By.id("reset-submit")).click();
        assertTrue(textOf("reset-error").contains("一致しません"));
        screenshot("login-reset-password");
        type("code", code.equals("000000") ? "111111" : "000000");
        type("resetPassword2", "web-pass-2");
        driver.findElement(By.id("reset-submit")).click();
        assertTrue(textOf("reset-error").contains("確認コードが正しくない"));
        type("code", code);
        driver.findElement(By.id("reset-submit")).click();
        assertTrue(textOf("done").contains("パスワードを設定しました"));
        assertEquals(email, visible("userId").getAttribute("value"));
        type("password", "web-pass-2");
        driver.findElement(By.id("submit")).click();
        waiting().until(ExpectedConditions.urlContains("mypage.html"));

        // the logout through the page revoked its refresh token
        String pageRefresh = (String) js("return JSON.parse(sessionStorage.getItem('nintei.session')).refreshToken");
        driver.findElement(By.cssSelector("[data-logout]")).click();
        waiting().until(ExpectedConditions.urlContains("index.html"));
        Http.Response refreshed = Http.post(system.gateway().url() + "/api/auth/refresh",
                Json.write(Json.object().put("refreshToken", pageRefresh)));
        assertEquals(401, refreshed.status(), refreshed.body());
    }

    @Test
    void untickingTheBoxForgetsTheUserId() {
        driver.get(system.gateway().url() + "/index.html");
        js("sessionStorage.clear(); localStorage.setItem('nintei.rememberedUserId', '10000003')");
        driver.get(system.gateway().url() + "/index.html");
        assertEquals("10000003", visible("userId").getAttribute("value"));
        WebElement box = driver.findElement(By.id("remember"));
        assertTrue(box.isSelected());
        box.click();
        type("password", DemoData.PASSWORD);
        driver.findElement(By.id("submit")).click();
        waiting().until(ExpectedConditions.urlContains("mypage.html"));
        assertEquals(null, js("return localStorage.getItem('nintei.rememberedUserId')"));
        driver.findElement(By.cssSelector("[data-logout]")).click();
        waiting().until(ExpectedConditions.urlContains("index.html"));
        assertEquals("", visible("userId").getAttribute("value"));
    }
}
