package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import jp.nintei.domain.Messages;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A member logs in on a phone-sized headless Chromium (Debian's) and sees the right menu. */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

    private final LocalSystem system;

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    @RegisterExtension
    final Browser browser;

    private final WebDriver driver;

    BrowserTest(LocalSystem system) throws Exception {
        this.system = system;
        this.browser = Browser.phone(system);
        this.driver = browser.driver();
    }

    private WebDriverWait waiting() { return browser.waiting(); }

    private void logIn(String userId, String password) { browser.submitLogin(userId, password); }

    private void screenshot(String name) { browser.screenshot(name); }

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
        clock.at(year + "-04-10T09:00");
        logIn("ichiro@example.jp", DemoData.PASSWORD);
        WebElement link = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#menu tr[data-kind='new-primary'] a")));
        // as in the manual: the item's name is the link, the window beside it
        assertEquals("専門医新規申請（一次申請）", link.getText());
        assertEquals("受付期間：" + year + "年4月1日 0:00 ~ " + year + "年4月30日 23:59", menuText("new-primary"));
        assertTrue(driver.findElement(By.cssSelector(".local-banner")).getText().contains(year + "-04-10 09:00"));
        screenshot("mypage-april-fresh-applicant");
    }

    @Test
    void theWholePrimaryApplicationOnAPhone() throws Exception {
        int year = system.demo().year();
        var member = TestMembers.create(system, false);
        clock.at(year + "-04-12T21:30");
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
    }

    private void setValue(WebElement input, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    private void upload(WebElement fileInput, byte[] content, String suffix) throws java.io.IOException { browser.upload(fileInput, content, suffix); }

    private void chooseFromSearch(WebElement group, int searchIndex, String query) {
        WebElement box = group.findElements(By.cssSelector("input[type=search]")).get(searchIndex);
        box.sendKeys(query);
        group.findElements(By.xpath(".//button[text()='検索']")).get(searchIndex).click();
        waiting().until(d -> !group.findElements(By.cssSelector(".results [role=option]")).isEmpty());
        group.findElements(By.cssSelector(".results [role=option]")).get(0).click();
    }

    private void openSection(String name) {
        waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-section='" + name + "'] button"))).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("panel")));
    }

    private void saveSectionExpectingDone(String name) {
        driver.findElement(By.id("panel-save")).click();
        try {
            // the panel stays after 登録 (its 登録済 is seen there); then back to the top page
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-result"), "登録済"));
            driver.findElement(By.id("panel-close")).click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-section='" + name + "'] .badge"), "登録済"));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-" + name);
            throw new AssertionError(name + " not 登録済: " + driver.findElement(By.id("panel-problems")).getText(), e);
        }
    }

    @Test
    void theWholeSecondaryApplicationOnAPhone() throws Exception {
        int year = system.demo().year();
        var member = TestMembers.withSubmittedPrimary(system, java.time.LocalDate.of(year - 6, 4, 1));
        clock.at(year + "-06-15T20:00");
        logIn(member.memberNo(), DemoData.PASSWORD);
        waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#menu tr[data-kind='new-secondary'] a"))).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#requirements tr")));
        assertEquals(4, driver.findElements(By.cssSelector("#requirements td.mark.ok")).size());
        assertTrue(!driver.findElement(By.id("to-review")).isEnabled(), "申請 stays disabled until every item is ✓");
        scrollTo("req-title");
        screenshot("secondary-top");

        openSection("resume");
        List<WebElement> dates = driver.findElements(By.cssSelector("#panel-body input[aria-label$='年月日']"));
        List<WebElement> texts = driver.findElements(By.cssSelector("#panel-body input.text"));
        dates.get(0).sendKeys("２０１０/4/1");
        texts.get(0).sendKeys("○○大学 医学部 入学");
        dates.get(1).sendKeys("平成28年3月31日");
        texts.get(1).sendKeys("○○大学 医学部 卒業");
        dates.get(2).sendKeys("2016-04-01");
        texts.get(2).sendKeys("○○病院 初期研修医");
        dates.get(4).sendKeys("2016年5月1日");
        texts.get(4).sendKeys("医師免許取得");
        driver.findElement(By.cssSelector("[aria-label='学歴に行を追加する']")).click();
        assertEquals(3, driver.findElements(By.cssSelector("[role=group][aria-label='学歴'] .row")).size());
        driver.findElement(By.cssSelector("[aria-label='学歴の3行目を削除']")).click();
        driver.findElement(By.id("experienceYears")).sendKeys("５");
        screenshot("secondary-resume");
        saveSectionExpectingDone("resume");

        openSection("training");
        WebElement entry = driver.findElement(By.cssSelector("[role=group][aria-label='証明書1']"));
        new org.openqa.selenium.support.ui.Select(entry.findElement(By.tagName("select"))).selectByVisibleText("基幹施設（新制度）");
        chooseFromSearch(entry, 0, "F0004");
        entry = driver.findElement(By.cssSelector("[role=group][aria-label='証明書1']"));
        List<WebElement> months = entry.findElements(By.cssSelector("input[type=month]"));
        setValue(months.get(0), (year - 3) + "-04");
        setValue(months.get(1), (year - 1) + "-03");
        chooseFromSearch(entry, 1, "S0004");
        entry = driver.findElement(By.cssSelector("[role=group][aria-label='証明書1']"));
        upload(entry.findElement(By.cssSelector("input[type=file]")), Samples.pdfPages(1), ".pdf");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-status"), "を登録しました"));
        saveSectionExpectingDone("training");

        openSection("achievements");
        WebElement item = driver.findElement(By.cssSelector("[role=group][aria-label='業績1']"));
        new org.openqa.selenium.support.ui.Select(item.findElement(By.tagName("select"))).selectByValue("CONFERENCE_PRESENTATION");
        item = driver.findElement(By.cssSelector("[role=group][aria-label='業績1']"));
        item.findElement(By.cssSelector("[aria-label='業績1 題名']")).sendKeys("緩和ケアにおける○○の検討");
        item.findElement(By.cssSelector("[aria-label='業績1 著者・演者']")).sendKeys("試験太郎");
        item.findElement(By.cssSelector("[aria-label='業績1 掲載誌・大会']")).sendKeys("日本緩和医療学会学術大会");
        item.findElement(By.cssSelector("[aria-label='業績1 発表・発行年月']")).sendKeys(year + "-06");
        upload(item.findElement(By.cssSelector("input[type=file]")), Samples.pdfPages(2), ".pdf");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-status"), "を登録しました"));
        saveSectionExpectingDone("achievements");

        openSection("identity");
        upload(driver.findElements(By.cssSelector("#panel-body input[type=file]")).get(0), Samples.pdfPages(1), ".pdf");
        waiting().until(d -> d.findElements(By.cssSelector("#panel-body ul.files li")).size() == 1);
        upload(driver.findElements(By.cssSelector("#panel-body input[type=file]")).get(1), Samples.png(), ".png");
        waiting().until(d -> d.findElements(By.cssSelector("#panel-body ul.files li")).size() == 2);
        upload(driver.findElements(By.cssSelector("#panel-body input[type=file]")).get(2), Samples.photo(300, 400), ".jpg");
        waiting().until(d -> d.findElements(By.cssSelector("#panel-body ul.files li")).size() == 3);
        saveSectionExpectingDone("identity");

        driver.findElement(By.cssSelector("[data-july='achievements']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("july-saved"), "保存しました"));
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("to-review"))).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("review")));
        assertTrue(driver.findElement(By.id("review-body")).getText().contains("業績書"));
        screenshot("secondary-review");
        driver.findElement(By.id("submit")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertEquals("S" + year + "-" + member.memberNo(), driver.findElement(By.id("d-receipt")).getText());
        screenshot("secondary-done");
        String mail = SesStore.mailsTo(system, member.email()).get(0).toString();
        assertTrue(mail.contains("専門医新規申請（二次申請）") && mail.contains("7月31日までに"), mail);
    }

    @Test
    void theSecretariatSeesCountsOpensAnApplicationAndImportsMembers() throws Exception {
        logIn("office@example.jp", DemoData.PASSWORD);
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("admin-link"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("counts"), "申請済"));
        assertTrue(driver.findElement(By.id("counts")).getText().matches("全体 \\d+件（申請済 \\d+件・下書き \\d+件・未提出 \\d+件）"),
                driver.findElement(By.id("counts")).getText());
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#list tr[data-member='10000002']"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail"), "緩和 二郎（10000002）"));
        screenshot("admin-list-detail");
        WebElement confirm = driver.findElement(By.cssSelector("form[aria-label='会費の入金を確認した']"));
        confirm.findElement(By.name("note")).sendKeys("画面から確認");
        confirm.findElement(By.tagName("button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-status"), "確認を記録しました。"));

        driver.findElement(By.cssSelector("[data-tab='import']")).click();
        String csv = "会員番号,氏名,ふりがな,メールアドレス,入会日\r\n60000001,画面 取込,がめん とりこみ,gamen@example.jp,2019-04-01\r\n"
                + "60000002,画面 誤り,がめん あやまり,gamen2@example.jp,2019-13-01\r\n";
        upload(driver.findElement(By.id("import-file")), csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), ".csv");
        driver.findElement(By.id("import-run")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#import-errors tbody tr")));
        assertTrue(driver.findElement(By.id("import-report")).getText().contains("2行中 1行を取り込みました"),
                driver.findElement(By.id("import-report")).getText());
        assertEquals("3", driver.findElement(By.cssSelector("#import-errors tbody tr td")).getText());
        screenshot("admin-import");
    }

    @Test
    void theSecretariatsCsvIsBuiltInS3AndOfferedAsAShortLivedLink() {
        logIn("office@example.jp", DemoData.PASSWORD);
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("admin-link"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("counts"), "申請済"));
        // DynamoDB answers slowly, so the page shows the export's progress while it builds
        try (var slow = jp.nintei.local.faults.Faults.on(jp.nintei.local.faults.Faults.dynamo("BatchGetItem",
                jp.nintei.local.faults.Faults.Kind.SLOW_ANSWER).delay(1500))) {
            driver.findElement(By.id("export")).click();
            waiting().until(ExpectedConditions.textMatches(By.id("export-status"), java.util.regex.Pattern.compile("CSVを作成しています…（.+読み込み中")));
            screenshot("admin-export-progress");
            assertTrue(driver.findElement(By.id("export")).getAttribute("disabled") != null, "one export at a time");
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("export-status"), "件のCSV"));
        }
        WebElement link = driver.findElement(By.cssSelector("#export-status a"));
        assertTrue(link.getAttribute("href").contains("/exports/") && link.getAttribute("href").contains("X-Amz-Expires=300"),
                link.getAttribute("href"));
        assertEquals("こちら（5分間有効）", link.getText());
        assertEquals("", driver.findElement(By.id("error")).getText());
        screenshot("admin-export");
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
