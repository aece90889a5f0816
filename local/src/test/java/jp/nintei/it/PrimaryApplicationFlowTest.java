package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import jp.nintei.domain.Messages;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** 一次申請 through the local gateway with real tokens, real presigned uploads to S3Proxy, real mail to SES. */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrimaryApplicationFlowTest {
    private final LocalSystem system;
    private final int year;

    PrimaryApplicationFlowTest(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year();
    }

    @BeforeAll
    void inApril() { clock.at(year + "-04-10T10:00"); }

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    private Applicant newApplicant() { return new Applicant(system, TestMembers.create(system, false)); }

    @Test
    void aCompleteApplicationIsSubmittedOnceMailedAndFrozen() throws Exception {
        Applicant a = newApplicant();
        JsonNode fresh = a.read();
        assertEquals("DRAFT", fresh.get("status").asString());
        assertEquals(0, fresh.get("version").asLong());
        assertEquals(a.member.name(), fresh.at("/applicant/name").asString());
        assertEquals(47, fresh.get("prefectures").size());
        assertEquals("北海道", fresh.at("/prefectures/0/name").asString());
        assertEquals("沖縄県", fresh.at("/prefectures/46/name").asString());
        assertEquals(List.of("FEE_RECEIPT_REQUIRED", "PREFERENCE_REQUIRED", "PREFERENCE_REQUIRED", "PREFERENCE_REQUIRED"),
                fresh.get("missing").findValues("code").stream().map(JsonNode::asString).toList());

        // as typed: a code, a name, full-width digits
        Http.Response saved = a.save(0, "01", "青森県", "０３");
        assertEquals(200, saved.status(), saved.body());
        byte[] pdf = Samples.pdf();
        String id = a.upload("振込控え.pdf", "application/pdf", pdf);

        JsonNode draft = a.read();
        assertEquals(List.of("01", "02", "03"), draft.get("preferences").valueStream().map(JsonNode::asString).toList());
        assertEquals("REGISTERED", draft.at("/documents/0/status").asString());
        assertEquals("振込控え.pdf", draft.at("/documents/0/fileName").asString());
        assertEquals(0, draft.get("missing").size());

        // preview: a short-lived presigned GET of exactly what was uploaded
        Http.Response preview = a.preview(id);
        assertEquals(200, preview.status());
        assertEquals(300, preview.json().get("expiresInSeconds").asInt());
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(preview.json().get("url").asString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertArrayEquals(pdf, file.body());

        Http.Response submitted = a.submit(draft.get("version").asLong());
        assertEquals(200, submitted.status(), submitted.body());
        JsonNode s = submitted.json();
        assertEquals("SUBMITTED", s.get("status").asString());
        assertEquals("P" + year + "-" + a.member.memberNo(), s.get("receiptNo").asString());
        assertTrue(s.get("mailSent").asBoolean());
        assertEquals(year + "年4月10日 10:00", s.get("submittedAtLabel").asString());

        List<JsonNode> mails = SesStore.mailsTo(system, a.member.email());
        assertEquals(1, mails.size());
        String mail = mails.get(0).toString();
        assertTrue(mail.contains("受付番号 P" + year + "-" + a.member.memberNo()), mail);
        assertTrue(mail.contains("会員番号：" + a.member.memberNo()), mail);
        assertTrue(mail.contains("氏名：" + a.member.name()), mail);
        assertTrue(mail.contains("申請種別：専門医新規申請（一次申請）"), mail);
        assertTrue(mail.contains("受付日時：" + year + "年4月10日 10:00（日本時間）"), mail);
        assertTrue(mail.contains("振込控え.pdf"), mail);
        assertTrue(mail.contains(Samples.sha256(pdf)), mail);
        assertTrue(mail.contains("第一希望：北海道") && mail.contains("第二希望：青森県") && mail.contains("第三希望：岩手県"), mail);
        assertTrue(mail.contains("6月に二次申請"), mail);

        // frozen: every write is 409 申請済み and changes nothing
        for (Http.Response r : List.of(a.save(s.get("version").asLong(), "13", "14", "27"),
                a.slot("another.pdf", "application/pdf", pdf), a.delete(id), a.register(id))) {
            if (r.status() == 200) continue; // registering an already registered document is a no-op
            assertEquals(409, r.status(), r.body());
            assertEquals("ALREADY_SUBMITTED", r.json().get("code").asString());
            assertEquals(Messages.ALREADY_SUBMITTED, r.json().get("message").asString());
        }
        JsonNode after = a.read();
        assertEquals(List.of("01", "02", "03"), after.get("preferences").valueStream().map(JsonNode::asString).toList());
        assertEquals(1, after.get("documents").size());

        // idempotent: a second submit answers with the first submission, and sends no second mail
        Http.Response again = a.submit(0);
        assertEquals(200, again.status());
        assertEquals(s.get("receiptNo").asString(), again.json().get("receiptNo").asString());
        assertEquals(s.get("submittedAt").asString(), again.json().get("submittedAt").asString());
        assertEquals(1, SesStore.mailsTo(system, a.member.email()).size());

        // and the menu says so
        Http.Response me = Http.get(a.gateway + "/api/me", a.token);
        assertEquals("申請済みです。", me.json().at("/menu/0/text").asString());
    }

    @Test
    void pngAndJpegScreenshotsAreAccepted() {
        Applicant a = newApplicant();
        String png = a.upload("screenshot.png", "image/png", Samples.png());
        assertEquals(200, a.delete(png).status());
        a.upload("photo.jpg", "image/jpeg", Samples.jpeg());
        JsonNode d = a.read().get("documents");
        assertEquals(1, d.size());
        assertEquals("JPEG", d.get(0).get("type").asString());
    }

    @Test
    void filesThatAreNotWhatTheySayAreRejectedAndLeaveNothingBehind() {
        Applicant a = newApplicant();
        for (byte[] bad : List.of(Samples.text(), Samples.windowsExecutable(), Samples.truncatedPdf())) {
            Http.Response slot = a.slot("振込控え.pdf", "application/pdf", bad);
            assertEquals(201, slot.status(), slot.body());
            assertEquals(200, Applicant.put(slot.json(), bad));
            String id = slot.json().at("/document/id").asString();
            Http.Response reg = a.register(id);
            assertEquals(422, reg.status(), reg.body());
            assertEquals("INVALID_CONTENT", reg.json().get("code").asString());
            assertEquals("file", reg.json().get("field").asString());
            assertTrue(reg.json().get("message").asString().contains("PDF/png/jpeg"));
            assertEquals(404, a.preview(id).status(), "the rejected document must not stay");
        }
        assertEquals(0, a.read().get("documents").size());
        assertTrue(a.read().get("missing").findValues("code").stream().anyMatch(c -> c.asString().equals("FEE_RECEIPT_REQUIRED")));

        Http.Response empty = a.slot("empty.pdf", "application/pdf", new byte[0]);
        assertEquals(400, empty.status());
        assertEquals("EMPTY_FILE", empty.json().get("code").asString());
        Http.Response exe = a.slot("setup.exe", "application/x-msdownload", Samples.windowsExecutable());
        assertEquals(415, exe.status());
        Http.Response huge = a.slot("big.pdf", "application/pdf", 11L * 1024 * 1024, Samples.sha256(Samples.pdf()));
        assertEquals(413, huge.status());
        assertTrue(huge.json().get("message").asString().contains("10MB"));
    }

    @Test
    void theSignedUrlAcceptsOnlyTheDeclaredBytesAndNothingElse() {
        Applicant a = newApplicant();
        byte[] pdf = Samples.pdf();
        JsonNode slot = a.slot("振込控え.pdf", "application/pdf", pdf).json();
        String id = slot.at("/document/id").asString();

        byte[] longer = new byte[pdf.length + 100];
        System.arraycopy(pdf, 0, longer, 0, pdf.length);
        int larger = Applicant.put(slot, longer);
        assertTrue(larger >= 400 || larger == -1, "a body larger than declared must be refused, got " + larger);

        byte[] sameLengthOtherBytes = pdf.clone();
        sameLengthOtherBytes[20] ^= 1;
        assertEquals(400, Applicant.put(slot, sameLengthOtherBytes), "a body with another checksum must be refused");

        String url = slot.at("/upload/url").asString();
        String otherKey = url.replace("/" + a.member.memberNo() + "/", "/99999999/");
        assertEquals(403, Applicant.put(otherKey, slot.at("/upload/headers"), pdf), "a tampered URL must be refused");

        Http.Response notYet = a.register(id);
        assertEquals(409, notYet.status());
        assertEquals("UPLOAD_NOT_FINISHED", notYet.json().get("code").asString());

        assertEquals(200, Applicant.put(slot, pdf));
        assertEquals(200, a.register(id).status());

        // another applicant cannot reach this document by its id
        Applicant other = newApplicant();
        assertEquals(404, other.preview(id).status());
        assertEquals(404, other.register(id).status());
        assertEquals(404, other.delete(id).status());
        assertEquals(1, a.read().get("documents").size());
    }

    @Test
    void oneReceiptEvenWhenTwoSlotsWereAskedForAndNoUploadsToRenewal() {
        Applicant a = newApplicant();
        byte[] pdf = Samples.pdf();
        JsonNode first = a.slot("一.pdf", "application/pdf", pdf).json();
        JsonNode second = a.slot("二.pdf", "application/pdf", pdf).json();
        assertEquals(200, Applicant.put(first, pdf));
        assertEquals(200, Applicant.put(second, pdf));
        assertEquals(200, a.register(first.at("/document/id").asString()).status());
        Http.Response again = a.register(second.at("/document/id").asString());
        assertEquals(409, again.status(), again.body());
        assertEquals("DOCUMENT_LIMIT", again.json().get("code").asString());
        assertEquals(1, a.read().get("documents").size());
        assertEquals(404, a.slot("/api/applications/renewal", "MEDICAL_LICENSE", "免許.pdf", "application/pdf", pdf.length,
                Samples.sha256(pdf)).status());
        // wrong JSON shapes are the client's mistake
        Http.Response shape = a.call("PUT", Applicant.APP, (tools.jackson.databind.node.ObjectNode) jp.nintei.adapter.http.Json.parse(
                "{\"version\":0,\"preferences\":[{},[\"01\"],null]}"));
        assertEquals(400, shape.status(), shape.body());
        assertEquals("UNKNOWN_PREFECTURE", shape.json().get("code").asString());
    }

    @Test
    void preferencesAreCheckedAndAStaleSaveChangesNothing() {
        Applicant a = newApplicant();
        Http.Response dup = a.save(0, "13", "東京都", "14");
        assertEquals(400, dup.status());
        assertEquals("DUPLICATE_PREFERENCE", dup.json().get("code").asString());
        assertEquals("preferences[1]", dup.json().get("field").asString());
        assertEquals(400, a.save(0, "13", "ニューヨーク", "14").status());

        assertEquals(1, a.save(0, "13", "14", "11").json().get("version").asLong());
        Http.Response stale = a.save(0, "01", "02", "03");
        assertEquals(409, stale.status());
        assertEquals("STALE_VERSION", stale.json().get("code").asString());
        assertEquals(Messages.STALE_VERSION, stale.json().get("message").asString());
        assertEquals(List.of("13", "14", "11"), a.read().get("preferences").valueStream().map(JsonNode::asString).toList());

        Http.Response incomplete = a.submit(1);
        assertEquals(422, incomplete.status());
        assertEquals(List.of("INCOMPLETE", "FEE_RECEIPT_REQUIRED"), Applicant.codes(incomplete));
        assertEquals("DRAFT", a.read().get("status").asString());
    }

    @Test
    void aWrittenExamExemptMemberMayLeaveThePreferencesBlank() {
        Applicant a = new Applicant(system, TestMembers.create(system, true));
        assertTrue(a.read().get("writtenExamExempt").asBoolean());
        a.upload("receipt.png", "image/png", Samples.png());
        JsonNode draft = a.read();
        assertEquals(0, draft.get("missing").size());
        Http.Response s = a.submit(draft.get("version").asLong());
        assertEquals(200, s.status(), s.body());
        assertTrue(SesStore.mailsTo(system, a.member.email()).get(0).toString().contains("筆記試験免除者のため登録不要"));
    }

    @Test
    void outsideTheWindowNothingCanBeChanged() {
        Applicant a = newApplicant();
        clock.at(year + "-05-01T00:00");
        try {
            Http.Response r = a.save(0, "01", "02", "03");
            assertEquals(403, r.status());
            assertEquals(Messages.WINDOW_CLOSED, r.json().get("message").asString());
            assertFalse(a.read().get("window").get("open").asBoolean());
            assertEquals(403, a.slot("a.pdf", "application/pdf", Samples.pdf()).status());
        } finally {
            inApril();
        }
    }
}
