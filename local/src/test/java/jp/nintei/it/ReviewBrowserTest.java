package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.nintei.adapter.http.Json;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 書類審査 in headless Chromium: the secretariat opens a submitted 二次申請 with its documents inline, marks two 不備
 * and sends it back; the applicant sees both with the 修正期限 and can open only those sections; after the
 * resubmission the reviewer sees the change and accepts.
 */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewBrowserTest {

    private final LocalSystem system;

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    @RegisterExtension
    final Browser browser;

    private final int year;
    private final WebDriver driver;

    ReviewBrowserTest(LocalSystem system) throws Exception {
        this.system = system;
        this.year = system.demo().year();
        this.browser = Browser.desktop(system);
        this.driver = browser.driver();
    }

    private WebDriverWait waiting() { return browser.waiting(); }

    private void logIn(String userId) { browser.logIn(userId); }

    private void screenshot(String name) { browser.screenshot(name); }

    private void openReviewOf(String memberNo) {
        driver.get(system.gateway().url() + "/admin.html");
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-tab='reviews']"))).click();
        WebElement q = driver.findElement(By.id("r-q"));
        q.clear();
        q.sendKeys(memberNo, Keys.ENTER);
        WebElement row = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#r-list tr[data-member='" + memberNo + "']")));
        row.sendKeys(Keys.ENTER); // keyboard: the focused row opens with Enter
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("review-state")));
    }

    private WebElement section(String name) { return driver.findElement(By.cssSelector("#review .sec[data-section='" + name + "']")); }

    private void mark(String name, String verdict, String note) {
        WebElement s = section(name);
        s.findElement(By.cssSelector("input[value='" + verdict + "']")).click();
        if (note != null) s.findElement(By.name("note")).sendKeys(note);
        String label = s.findElement(By.tagName("h3")).getText().split("　")[0];
        s.findElement(By.cssSelector("form.markform button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-status"), label + "を記録しました"));
    }

    @Test
    void theSecretariatReviewsSendsBackAndAcceptsOnScreen() throws Exception {
        clock.at(year + "-06-10T09:00");
        Applicant a = Secondaries.submitted(system);
        String no = a.member.memberNo();
        clock.at(year + "-07-02T10:00");

        logIn(DemoData.SECRETARIAT_NO);
        openReviewOf(no);
        String text = driver.findElement(By.id("review")).getText();
        assertTrue(text.contains("○○大学 医学部 入学") && text.contains("研修期間") && text.contains("緩和ケアにおける○○の検討")
                && text.contains("7月実績見込み：業績書") && text.contains("未審査"), text);
        assertEquals(3, driver.findElements(By.cssSelector("#review iframe.viewer")).size(), "each PDF inline next to what it proves");
        assertEquals(2, driver.findElements(By.cssSelector("#review img.viewer")).size(), "受講証 and 写真 shown as images");
        assertEquals(1, section("training").findElements(By.cssSelector("iframe.viewer")).size(), "the certificate under its entry");
        screenshot("review-screen");

        mark("resume", "deficient", "職歴に現在の勤務先がありません。");
        mark("achievements", "deficient", "業績の写しは抄録のページを添付してください。");
        WebElement until = driver.findElement(By.cssSelector("#send-back input[name='until']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", until, year + "-07-15");
        driver.findElement(By.cssSelector("#send-back button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-status"), "差し戻し"));
        assertTrue(driver.findElement(By.id("review-state")).getText().contains("不備あり"));
        assertTrue(driver.findElement(By.id("review-request")).getText().contains(year + "年7月15日 23:59"));

        // the applicant's page: both 不備, the deadline, only those sections open
        logIn(no);
        WebElement menu = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#menu tr[data-kind='new-secondary'] td")));
        assertEquals("修正依頼があります（修正期限：" + year + "年7月15日 23:59）", menu.getText());
        driver.findElement(By.cssSelector("#menu tr[data-kind='new-secondary'] th a")).click(); // the item's name is the link
        WebElement box = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("correction")));
        assertTrue(box.getText().contains("職歴に現在の勤務先がありません。") && box.getText().contains("抄録のページ")
                && box.getText().contains(year + "年7月15日 23:59"), box.getText());
        assertTrue(driver.findElement(By.id("window")).getText().startsWith("修正期限：" + year + "年7月15日 23:59"));
        assertTrue(driver.findElement(By.cssSelector("#sections [data-section='resume'] button")).isEnabled());
        assertFalse(driver.findElement(By.cssSelector("#sections [data-section='training'] button")).isEnabled());
        assertFalse(driver.findElement(By.cssSelector("[data-july='achievements']")).isEnabled());
        screenshot("review-applicant-correction");

        // the correction itself (the section pages are the 二次申請's own, tested there): the career row added, resubmitted
        JsonNode page = a.get(Secondaries.APP);
        ObjectNode resume = (ObjectNode) page.at("/sections/resume/data").deepCopy();
        resume.put("version", page.get("version").asLong());
        ((tools.jackson.databind.node.ArrayNode) resume.get("career")).addObject().put("date", "2019/4/1").put("text", "△△病院 緩和ケア科");
        Secondaries.ok(a.call("PUT", Secondaries.APP + "/sections/resume", resume));
        Secondaries.ok(a.call("POST", Secondaries.APP + "/submit", Json.object().put("version", Secondaries.version(a))));

        logIn(DemoData.SECRETARIAT_NO);
        openReviewOf(no);
        assertTrue(section("resume").findElement(By.cssSelector(".diff .added")).getText().contains("△△病院 緩和ケア科"));
        assertTrue(section("training").getText().contains("差し戻し後の変更：なし"));
        screenshot("review-resubmitted");
        for (String s : new String[] {"resume", "training", "achievements", "identity", "requirements"}) mark(s, "confirmed", null);
        driver.findElement(By.cssSelector("#decide input[value='accepted']")).click();
        driver.findElement(By.cssSelector("#decide button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("decision"), "判定：受理"));
        assertTrue(driver.findElement(By.id("review-history")).getText().contains("判定"));
        WebElement counts = driver.findElement(By.id("r-counts"));
        assertTrue(counts.getText().contains("受理"), counts.getText());

        // 申請一覧's detail leads to the same screen
        driver.findElement(By.cssSelector("[data-tab='applications']")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f-application"))).selectByValue("new-secondary");
        driver.findElement(By.cssSelector("#filters button[type='submit']")).click();
        // the page's own first load and the filter's may both redraw the list: click the row that stays
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#list tr[data-member='" + no + "']")).click();
            return d.findElement(By.id("detail")).getText().contains(no);
        });
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("open-review"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-state"), "受理"));
        assertFalse(driver.findElement(By.id("tab-reviews")).getAttribute("hidden") != null);
    }
}
