package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jp.nintei.adapter.http.Json;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 12's page points on a phone-sized headless Chromium: 二次 files with preview and ×, typed input never lost,
 * 登録 that stays put with errors at their rows, keyboard and screen-reader names and focus, and マイページ.
 */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageRoughEdgesBrowserTest {

    private final LocalSystem system;
    private final int year;

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    @RegisterExtension
    final Browser browser;

    private final WebDriver driver;

    PageRoughEdgesBrowserTest(LocalSystem system) throws Exception {
        this.system = system;
        this.year = system.demo().year();
        this.browser = Browser.phone(system);
        this.driver = browser.driver();
    }

    private WebDriverWait waiting() { return browser.waiting(); }

    private Object js(String script, Object... args) { return browser.js(script, args); }

    private void logIn(String userId) { browser.logIn(userId); }

    private Applicant inJune() {
        clock.at(year + "-06-12T20:00");
        Applicant a = new Applicant(system, TestMembers.withSubmittedPrimary(system, java.time.LocalDate.of(year - 6, 4, 1)));
        logIn(a.member.memberNo());
        driver.get(system.gateway().url() + "/secondary.html");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#requirements tr")));
        return a;
    }

    private void openSection(String name) {
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-section='" + name + "'] button"))).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("panel")));
    }

    private void upload(WebElement fileInput, byte[] content, String suffix) throws java.io.IOException { browser.upload(fileInput, content, suffix); }

    private WebElement active() { return driver.switchTo().activeElement(); }

    private List<WebElement> files() { return driver.findElements(By.cssSelector("#panel-body ul.files li")); }

    @Test
    void secondaryFilesHavePreviewAndDeleteBeforeAndAfterRegistration() throws Exception {
        Applicant a = inJune();
        openSection("identity");
        upload(driver.findElements(By.cssSelector("#panel-body input[type=file]")).get(0), Samples.pdfPages(1), ".pdf");
        waiting().until(d -> files().size() == 1);
        WebElement li = files().get(0);
        assertTrue(li.getText().contains("登録済"), li.getText());
        assertFalse(li.findElements(By.xpath(".//button[text()='プレビュー']")).isEmpty(), "preview before 登録");
        // × before the section's 登録: the wrong file goes
        li.findElement(By.cssSelector("button.remove")).click();
        driver.switchTo().alert().accept();
        waiting().until(d -> files().isEmpty());
        assertEquals(0, a.get(SecondaryPaths.APP).get("documents").size(), "deleted on the server");

        upload(driver.findElements(By.cssSelector("#panel-body input[type=file]")).get(0), Samples.pdfPages(1), ".pdf");
        waiting().until(d -> files().size() == 1);
        driver.findElement(By.id("panel-save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-result"), "登録しました"));
        // and after 登録 too
        WebElement after = files().get(0);
        after.findElement(By.xpath(".//button[text()='プレビュー']")).click();
        after = files().get(0);
        after.findElement(By.cssSelector("button.remove")).click();
        driver.switchTo().alert().accept();
        waiting().until(d -> files().isEmpty());
        assertEquals(0, a.get(SecondaryPaths.APP).get("documents").size());
    }

    @Test
    void typedInputIsNeverLostSilently() {
        Applicant a = inJune();
        openSection("resume");
        WebElement date = driver.findElement(By.cssSelector("[data-field='education[0].date']"));
        date.sendKeys("2010/4/1");
        driver.findElement(By.cssSelector("[data-field='education[0].text']")).sendKeys("大\uFA10医科大学 入学");
        // a reload or a closed tab is warned
        assertEquals(Boolean.TRUE, js("const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"));
        // leaving the panel asks first; staying keeps the input
        driver.findElement(By.id("panel-close")).click();
        var ask = driver.switchTo().alert();
        assertTrue(ask.getText().contains("「登録」していない入力内容があります"), ask.getText());
        ask.dismiss();
        assertTrue(driver.findElement(By.id("panel")).isDisplayed());
        driver.findElement(By.id("panel-close")).click();
        driver.switchTo().alert().accept();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("top")));
        assertEquals("resume", active().findElement(By.xpath("./ancestor::*[@data-section]")).getAttribute("data-section"),
                "focus returns to the section's row");

        // a reload: the input is still on the device and offered back
        driver.navigate().refresh();
        try {
            driver.switchTo().alert().accept();
        } catch (org.openqa.selenium.NoAlertPresentException ignored) {
            // the panel was left, so nothing is dirty now
        }
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#requirements tr")));
        openSection("resume");
        WebElement restore = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[text()='入力内容を復元する']")));
        restore.click();
        assertEquals("大\uFA10医科大学 入学", driver.findElement(By.cssSelector("[data-field='education[0].text']")).getAttribute("value"));

        // another tab saves meanwhile: 登録 here answers 409, and what was typed here stays with a message
        ObjectNode other = Json.object().put("version", a.get(SecondaryPaths.APP).get("version").asLong());
        other.putArray("education").addObject().put("date", "2011-04-01").put("text", "別のタブ");
        other.putArray("career");
        other.putArray("qualifications");
        assertEquals(200, a.call("PUT", SecondaryPaths.APP + "/sections/resume", other).status());
        driver.findElement(By.cssSelector("[data-field='education[1].date']")).sendKeys("2016/3/31");
        driver.findElement(By.cssSelector("[data-field='education[1].text']")).sendKeys("卒業");
        driver.findElement(By.id("panel-save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-problems"), "別の画面または端末"));
        assertEquals("大\uFA10医科大学 入学", driver.findElement(By.cssSelector("[data-field='education[0].text']")).getAttribute("value"));
        assertEquals("2016/3/31", driver.findElement(By.cssSelector("[data-field='education[1].date']")).getAttribute("value"));
        assertTrue(driver.findElement(By.id("panel-problems")).getText().contains("もう一度「登録」を押してください"));
        driver.findElement(By.id("panel-save")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-result"), "登録しました"));
        assertEquals("大\uFA10医科大学 入学", a.get(SecondaryPaths.APP).at("/sections/resume/data/education/0/text").asString());
        assertEquals(null, js("return localStorage.getItem(arguments[0])", "nintei.unsaved." + a.member.memberNo() + ".new-secondary.resume"),
                "登録 clears the device's copy");
    }

    @Test
    void registrationStaysWhereTheApplicantIsAndErrorsSitAtTheirRow() {
        inJune();
        openSection("resume");
        assertEquals("panel-title", active().getAttribute("id"), "focus moves to the panel's heading");
        driver.findElement(By.cssSelector("[data-field='education[0].date']")).sendKeys("2010/4/1");
        driver.findElement(By.cssSelector("[data-field='education[0].text']")).sendKeys("○○大学 医学部 入学");
        WebElement bad = driver.findElement(By.cssSelector("[data-field='education[1].date']"));
        bad.sendKeys("2010年2月30日");
        driver.findElement(By.cssSelector("[data-field='education[1].text']")).sendKeys("○○大学 医学部 卒業");
        driver.findElement(By.cssSelector("[data-field='career[0].date']")).sendKeys("2016-04-01");
        driver.findElement(By.cssSelector("[data-field='career[0].text']")).sendKeys("○○病院");
        driver.findElement(By.cssSelector("[data-field='qualifications[0].date']")).sendKeys("2016-05-01");
        driver.findElement(By.cssSelector("[data-field='qualifications[0].text']")).sendKeys("医師免許取得");
        driver.findElement(By.id("experienceYears")).sendKeys("5");
        driver.findElement(By.id("panel-save")).click();
        waiting().until(d -> "true".equals(d.findElement(By.cssSelector("[data-field='education[1].date']")).getAttribute("aria-invalid")));
        bad = driver.findElement(By.cssSelector("[data-field='education[1].date']"));
        String describedBy = bad.getAttribute("aria-describedby");
        WebElement note = driver.findElement(By.id(describedBy));
        assertTrue(note.getText().contains("学歴の2行目"), note.getText());
        assertTrue(note.getLocation().getY() > bad.getLocation().getY()
                && note.getLocation().getY() < driver.findElement(By.cssSelector("[data-field='career[0].date']")).getLocation().getY(),
                "the message sits at its row, not at the bottom of the panel");
        assertEquals("education[1].date", active().getAttribute("data-field"), "focus on the first error");

        bad.clear();
        bad.sendKeys("2016/3/31");
        driver.findElement(By.id("panel-save")).click();
        WebElement result = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("panel-result")));
        waiting().until(ExpectedConditions.textToBePresentInElement(result, "登録済"));
        assertTrue(driver.findElement(By.id("panel")).isDisplayed(), "the panel stays after 登録");
        assertEquals("panel-result", active().getAttribute("id"));
        assertEquals(Boolean.TRUE, js("const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;", result),
                "the 登録済 is in view");
        assertTrue(driver.findElement(By.id("panel-body")).getText().contains("2016年3月31日として登録"), "the date as understood is shown");
        assertEquals(0, driver.findElements(By.cssSelector("[aria-invalid='true']")).size());
    }

    @Test
    void selectsSearchResultsAndFileSelectorsHaveNamesFocusAndVisibleFocus() {
        inJune();
        openSection("training");
        WebElement entry = driver.findElement(By.cssSelector("[role=group][aria-label='証明書1']"));
        assertEquals("証明書1 研修区分", entry.findElement(By.tagName("select")).getAttribute("aria-label"));
        WebElement search = entry.findElements(By.cssSelector("input[type=search]")).get(0);
        search.sendKeys("F0004");
        entry.findElement(By.cssSelector("[aria-label='証明書1 施設名称を検索する']")).click();
        WebElement results = waiting().until(d -> d.findElement(By.cssSelector("[role=listbox][aria-label='証明書1 施設名称の検索結果']")));
        waiting().until(d -> !results.findElements(By.cssSelector("[role=option]")).isEmpty());
        results.findElements(By.cssSelector("[role=option]")).get(0).sendKeys(Keys.ENTER);
        waiting().until(d -> "entries[0].facility".equals(active().getAttribute("data-chosen")));
        assertTrue(active().getText().startsWith("選択中の施設："), "focus lands on what was chosen: " + active().getText());

        // the file selector shows where the keyboard is
        WebElement file = driver.findElement(By.cssSelector("[data-field~='entries[0].certificate']"));
        assertEquals("証明書1の臨床研修修了証明書のファイル選択", file.getAttribute("aria-label"));
        js("arguments[0].focus()", file);
        WebElement zone = file.findElement(By.xpath("./ancestor::label[contains(@class,'dropzone')]"));
        assertNotEquals("none", js("return getComputedStyle(arguments[0]).outlineStyle", zone), "visible focus on the file selector");

        driver.findElement(By.id("panel-close")).click();
        try {
            driver.switchTo().alert().accept();
        } catch (org.openqa.selenium.NoAlertPresentException ignored) {
            // nothing typed
        }
        openSection("achievements");
        WebElement item = driver.findElement(By.cssSelector("[role=group][aria-label='業績1']"));
        WebElement kind = item.findElement(By.tagName("select"));
        assertEquals("業績1 種類", kind.getAttribute("aria-label"));
        new Select(kind).selectByValue("ORIGINAL_ARTICLE");
        item = driver.findElement(By.cssSelector("[role=group][aria-label='業績1']"));
        assertEquals("業績1 掲載状況", item.findElements(By.tagName("select")).get(1).getAttribute("aria-label"));
        assertEquals("業績1 種類", active().getAttribute("aria-label"), "focus stays on the 種類 after the panel is drawn again");
    }

    @Test
    void myPageNamesAreLinksTheNoteIsThereAndThePhoneHeaderHoldsOneLine() {
        clock.at(year + "-04-10T09:00");
        Applicant a = new Applicant(system, TestMembers.create(system, false));
        logIn(a.member.memberNo());
        WebElement link = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#menu tr[data-kind='new-primary'] th a")));
        assertEquals("専門医新規申請（一次申請）", link.getText());
        assertTrue(driver.findElement(By.cssSelector("#menu tr[data-kind='new-primary'] td")).getText().startsWith("受付期間："));
        assertEquals("※一次申請を申請されている方のみ、申請可能です。", driver.findElement(By.id("secondary-note")).getText());
        WebElement h1 = driver.findElement(By.cssSelector("header.site h1"));
        WebElement out = driver.findElement(By.cssSelector("header.site [data-logout]"));
        assertTrue(out.getSize().getHeight() < 40, "ログアウト on one line: " + out.getSize());
        assertTrue(out.getLocation().getX() > h1.getLocation().getX() + h1.getSize().getWidth() - 1, "ログアウト beside the title");
        assertTrue(h1.getSize().getHeight() < 3 * 24, "the title wraps at most once: " + h1.getSize());

        // 一次申請: the × is where the hint says
        a.save(0, "13", "14", "11");
        a.upload("振込控え （4月）.pdf", "application/pdf", Samples.pdf());
        link.click();
        WebElement li = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#files li")));
        assertTrue(li.getText().contains("振込控え （4月）.pdf"), li.getText());
        WebElement x = li.findElement(By.cssSelector("button.remove"));
        assertTrue(x.getLocation().getX() + x.getSize().getWidth() >= li.getLocation().getX() + li.getSize().getWidth() - 20,
                "the × ends its row");
        String hint = driver.findElement(By.id("edit")).getText();
        assertFalse(hint.contains("右側の「×」"), hint);

        // the secretariat's マイページ: no empty box
        logIn("office@example.jp");
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("admin-link")));
        for (WebElement n : driver.findElements(By.cssSelector("main .notice"))) {
            assertFalse(n.getText().isBlank(), "an empty notice box");
        }
    }

    @Test
    void theFileInputWaitsWhileAnUploadRuns() throws Exception {
        clock.at(year + "-04-10T09:00");
        Applicant a = new Applicant(system, TestMembers.create(system, false));
        logIn(a.member.memberNo());
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#menu tr[data-kind='new-primary'] th a"))).click();
        WebElement file = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("file")));
        waiting().until(d -> d.findElement(By.id("edit")).isDisplayed());
        // a slow network: the PUT to S3 takes two seconds
        js("const send = XMLHttpRequest.prototype.send;"
                + "XMLHttpRequest.prototype.send = function (b) { setTimeout(() => send.call(this, b), 2000); };");
        upload(file, Samples.pdf(), ".pdf");
        waiting().until(d -> Boolean.TRUE.equals(js("return document.getElementById('file').disabled")));
        assertEquals(Boolean.TRUE, js("return document.getElementById('file').disabled"), "no second file while one uploads");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("receipt-badge"), "登録済"));
        assertEquals(1, a.read().get("documents").size());
    }

    /** The API path of 二次申請. */
    static final class SecondaryPaths {
        static final String APP = "/api/applications/new-secondary";
    }
}
