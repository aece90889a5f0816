package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import jp.nintei.local.LocalSystem;
import jp.nintei.local.SecurityHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages work under the security headers CloudFront adds (template.yaml's WebSecurityHeaders, served by
 * the local gateway from the same definition): every page of an applicant and of the secretariat loads and
 * runs its scripts without one Content-Security-Policy violation in the console, and the policy is really
 * enforced (an injected inline script does not run).
 */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersBrowserTest {

    private final LocalSystem system;

    /** This class provokes refusals on purpose and reads the console itself. */
    @RegisterExtension
    final Browser browser;

    private final WebDriver driver;

    SecurityHeadersBrowserTest(LocalSystem system) throws Exception {
        this.system = system;
        this.browser = Browser.phone(system).readingRefusalsItself();
        this.driver = browser.driver();
    }

    private Map<String, String> expected() {
        return SecurityHeaders.fromTemplate(system.template(), Map.of("DocumentsOrigin",
                SecurityHeaders.origin(system.aws().endpoints().s3())));
    }

    @Test
    void pagesAndApiAnswersCarryTheTemplatesHeaders() {
        Map<String, String> expected = expected();
        assertTrue(expected.get("Content-Security-Policy").contains("script-src 'self';"), expected.toString());
        // no inline style either: every rule of the pages is in style.css
        assertTrue(expected.get("Content-Security-Policy").contains("style-src 'self';"), expected.toString());
        assertFalse(expected.get("Content-Security-Policy").contains("unsafe-inline"), expected.toString());
        for (String path : List.of("/index.html", "/admin.html", "/no-such-page.html", "/api/me", "/api/no-such-route")) {
            Http.Response r = Http.get(system.gateway().url() + path, null);
            expected.forEach((header, value) -> assertEquals(value, r.headers().firstValue(header).orElse(null), path + " " + header));
        }
    }

    private void logIn(String userId) {
        browser.logIn(userId);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#menu tr")));
    }

    /** Loads the page and waits until its module script has run (it fills the page from the API). */
    private void visit(String page, String readySelector) {
        driver.get(system.gateway().url() + "/" + page);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(readySelector)));
    }

    private List<String> cspViolations() { return PolicyConsole.refusals(driver); }

    @Test
    void everyPageRunsUnderThePolicyWithoutAViolation() {
        cspViolations(); // drain
        logIn("10000001");
        visit("primary.html", "#title");
        visit("secondary.html", "h2");
        visit("mypage.html", "#menu tr");
        // the 申請済 views of both stages (submit-view.js), as the demo member who submitted both sees them
        logIn(jp.nintei.local.DemoData.REVIEW_DEMO_NO);
        for (String page : List.of("primary.html", "secondary.html")) {
            driver.get(system.gateway().url() + "/" + page);
            browser.waiting().until(d -> d.findElement(By.id("done")).isDisplayed()
                    && !d.findElement(By.id("d-receipt")).getText().isEmpty() && !d.findElement(By.id("d-mail")).getText().isEmpty());
        }
        logIn("90000001");
        visit("admin.html", "#f-year");
        // the review screen shows the demo 二次申請's documents inline: PDFs framed, images, all from the documents bucket
        WebDriverWait wait = browser.waiting();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-tab='reviews']"))).click();
        driver.findElement(By.id("r-q")).sendKeys(jp.nintei.local.DemoData.REVIEW_DEMO_NO, org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#r-list tr[data-member='" + jp.nintei.local.DemoData.REVIEW_DEMO_NO + "']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-state")));
        wait.until(d -> !d.findElements(By.cssSelector("#review iframe.viewer")).isEmpty()
                && (Boolean) ((JavascriptExecutor) d).executeScript(
                        "return [...document.querySelectorAll('#review img.viewer')].every(i => i.complete && i.naturalWidth > 0)"));
        assertEquals(List.of(), cspViolations());

        // the policy is enforced, not just sent: an inline script added to the page does not run
        ((JavascriptExecutor) driver).executeScript(
                "const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.append(s);");
        assertNull(((JavascriptExecutor) driver).executeScript("return window.__inline;"));
        List<String> refused = cspViolations();
        assertNotNull(refused.stream().filter(m -> m.contains("script")).findFirst().orElse(null), refused.toString());

        // nor does an inline style attribute: the pages need none, so the policy refuses them all
        ((JavascriptExecutor) driver).executeScript(
                "document.body.insertAdjacentHTML('beforeend', '<p id=\"inline-style\" style=\"color: rgb(1, 2, 3)\">x</p>');");
        assertFalse("rgb(1, 2, 3)".equals(((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.getElementById('inline-style')).color;")));
        refused = cspViolations();
        assertNotNull(refused.stream().filter(m -> m.contains("style")).findFirst().orElse(null), refused.toString());
    }
}
