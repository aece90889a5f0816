package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.nintei.adapter.http.Json;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 書類審査 end to end through the gateway: the whole application on one screen, marks, a 差し戻し with two itemised
 * 不備 and a 修正期限 the applicant sees (page, menu, mail), corrections only where asked, the resubmission's
 * changes, 受理, the export's review columns; and the bad inputs, each a 4xx that changes nothing.
 */
@LocalStack
class ReviewFlowTest {
    static final String APP = Secondaries.APP;
    private final LocalSystem system;
    private final int year;
    private final String staff;
    private final String admin;

    ReviewFlowTest(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year();
        this.admin = system.gateway().url() + "/api/admin/reviews";
        this.staff = "Bearer " + Http.idToken(system.gateway().url(), DemoData.SECRETARIAT_NO, DemoData.PASSWORD);
    }

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    private void at(String jst) { clock.at(year + "-" + jst); }

    private JsonNode screen(String memberNo) {
        Http.Response r = Http.get(admin + "/new-secondary/" + memberNo + "?year=" + year, staff);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private Http.Response act(String memberNo, String action, ObjectNode body) {
        return Http.send("POST", admin + "/new-secondary/" + memberNo + "/" + action, staff,
                Json.write(body.put("year", Integer.toString(year))));
    }

    private Http.Response mark(String memberNo, long version, String section, String verdict, String note) {
        return act(memberNo, "mark", Json.object().put("reviewVersion", version).put("section", section).put("verdict", verdict).put("note", note));
    }

    private static JsonNode section(JsonNode screen, String name) {
        for (JsonNode s : screen.get("sections")) if (s.get("section").asString().equals(name)) return s;
        throw new AssertionError(name);
    }

    @Test
    void reviewSendBackCorrectResubmitAndAccept() throws Exception {
        at("06-10T09:00");
        Applicant a = Secondaries.submitted(system);
        String no = a.member.memberNo();
        Applicant drafting = new Applicant(system, TestMembers.withSubmittedPrimary(system, java.time.LocalDate.of(year - 6, 4, 1)));
        ObjectNode draftResume = Json.object().put("version", 0).put("experienceYears", "5");
        draftResume.putArray("education").addObject().put("date", "2010/4/1").put("text", "○○大学 入学");
        draftResume.putArray("career");         // every list is sent, as the page does (a missing list is 400)
        draftResume.putArray("qualifications");
        Secondaries.ok(drafting.call("PUT", APP + "/sections/resume", draftResume));
        at("07-02T10:00");

        // the list: the new submission is 未審査, found by 会員番号 and by ふりがな typed in katakana and full width
        Http.Response list = Http.get(admin + "?year=" + year + "&application=new-secondary&q=" + no, staff);
        assertEquals(200, list.status(), list.body());
        assertEquals("UNREVIEWED", list.json().at("/rows/0/state").asString());
        assertEquals("未審査", list.json().at("/rows/0/stateLabel").asString());
        Http.Response byKana = Http.get(admin + "?year=" + year + "&application=new-secondary&q="
                + java.net.URLEncoder.encode("シケン　タロウ", StandardCharsets.UTF_8), staff);
        assertTrue(byKana.json().get("rows").valueStream().anyMatch(r -> r.get("memberNo").asString().equals(no)), byKana.body());

        // 1. the whole application on one screen, Japanese labels, each document viewable
        JsonNode s = screen(no);
        assertEquals("未審査", s.get("stateLabel").asString());
        assertEquals(0, s.get("reviewVersion").asLong());
        assertEquals("○○大学 医学部 入学", s.at("/resume/education/0/text").asString());
        assertEquals(5, s.at("/resume/experienceYears").asInt());
        assertEquals("基幹施設（新制度）", s.at("/training/0/facilityType").asString());
        assertNotNull(s.at("/training/0/facilityName").asString());
        assertEquals(24, s.at("/training/0/months").asInt());
        assertEquals("研修指導者資格を有する認定医", s.at("/training/0/qualification").asString());
        assertEquals("緩和ケアにおける○○の検討", s.at("/achievements/0/title").asString());
        assertEquals("業績書", s.at("/july/0").asString(), "7月実績見込み in Japanese");
        assertEquals("認定要件4", s.at("/requirements/0/number").asString());
        assertEquals(5, s.get("documents").size(), "training, achievement, licence, course, photo");
        String certificate = s.at("/training/0/certificateId").asString();
        JsonNode doc = s.get("documents").valueStream().filter(d -> d.get("id").asString().equals(certificate)).findFirst().orElseThrow();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(doc.get("url").asString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        assertTrue(pdf.headers().firstValue("content-disposition").orElse("").startsWith("inline"), "viewable inline");

        // bad input: nothing changes
        assertEquals(400, mark(no, 0, "resume", "deficient", " ").status(), "a 不備 needs its note");
        assertEquals(400, mark(no, 0, "preferences", "confirmed", null).status(), "not a section of 二次申請");
        Http.Response unsubmitted = mark(drafting.member.memberNo(), 0, "resume", "confirmed", null);
        assertEquals(409, unsubmitted.status(), unsubmitted.body());
        assertEquals("NOT_SUBMITTED", unsubmitted.json().get("code").asString());
        assertTrue(unsubmitted.json().get("message").asString().contains("申請済みではありません"));

        // 2. marks
        Http.Response m1 = mark(no, 0, "resume", "deficient", "職歴の2行目（現在の勤務先）が記載されていません。");
        assertEquals(200, m1.status(), m1.body());
        assertEquals("審査中", m1.json().get("stateLabel").asString());
        Http.Response stale = mark(no, 0, "training", "confirmed", null);
        assertEquals(409, stale.status(), "two staff at once: the second is told to reload");
        assertEquals("STALE_REVIEW", stale.json().get("code").asString());
        assertTrue(stale.json().get("message").asString().contains("再読み込み"));
        assertEquals(200, mark(no, 1, "training", "confirmed", null).status());
        assertEquals(200, mark(no, 2, "achievements", "deficient", "業績の写しが抄録ではなくプログラムの表紙です。抄録のページを添付してください。").status());
        assertEquals(200, mark(no, 3, "identity", "confirmed", null).status());
        assertEquals(200, mark(no, 4, "requirements", "confirmed", null).status());
        JsonNode marked = screen(no);
        assertEquals("不備", section(marked, "resume").at("/mark/verdictLabel").asString());
        assertEquals(DemoData.SECRETARIAT_NO, section(marked, "resume").at("/mark/by").asString());
        assertTrue(marked.get("history").valueStream().anyMatch(h -> h.get("event").asString().equals("審査（項目）")
                && h.get("note").asString().contains("職歴の2行目")), marked.get("history").toString());

        // 3. 差し戻し: not with a past deadline; then with two itemised 不備 and a 修正期限
        Http.Response past = act(no, "send-back", Json.object().put("reviewVersion", 5).put("until", year + "-07-01"));
        assertEquals(400, past.status());
        assertEquals("DEADLINE_PAST", past.json().get("code").asString());
        assertEquals("SUBMITTED", screen(no).get("status").asString(), "nothing changed");
        Http.Response back = act(no, "send-back", Json.object().put("reviewVersion", 5).put("until", year + "-07-15"));
        assertEquals(200, back.status(), back.body());
        assertEquals("不備あり", back.json().get("stateLabel").asString());
        List<JsonNode> mails = SesStore.mailsTo(system, a.member.email());
        String mail = mails.get(mails.size() - 1).toString();
        assertTrue(mail.contains("職歴の2行目") && mail.contains("抄録のページを添付") && mail.contains(year + "年7月15日 23:59"), mail);

        // the applicant sees both 不備 and their deadline on the page and the menu
        JsonNode page = a.get(APP);
        assertEquals("DRAFT", page.get("status").asString());
        assertEquals(2, page.at("/correction/items").size(), page.toString());
        assertEquals("resume", page.at("/correction/items/0/section").asString());
        assertTrue(page.at("/correction/items/1/note").asString().contains("抄録"));
        assertEquals(year + "年7月15日 23:59", page.at("/correction/untilLabel").asString());
        assertTrue(page.at("/window/personalLabel").asString().contains("7月15日 23:59"));
        JsonNode menu = Http.get(a.gateway + "/api/me", a.token).json().get("menu");
        JsonNode secondary = menu.valueStream().filter(x -> x.get("kind").asString().equals("new-secondary")).findFirst().orElseThrow();
        assertTrue(secondary.get("usable").asBoolean());
        assertEquals("修正依頼があります（修正期限：" + year + "年7月15日 23:59）", secondary.get("text").asString());

        // only what was asked can change
        ObjectNode training = Json.object().put("version", page.get("version").asLong());
        training.set("entries", page.at("/sections/training/data/entries"));
        Http.Response locked = a.call("PUT", APP + "/sections/training", training);
        assertEquals(409, locked.status(), locked.body());
        assertEquals("NOT_REQUESTED", locked.json().get("code").asString());
        Http.Response lockedUpload = a.slot(APP, "MEDICAL_LICENSE", "医師免許2.pdf", "application/pdf", 100, "0".repeat(64));
        assertEquals(409, lockedUpload.status(), lockedUpload.body());
        String licenseId = page.at("/sections/identity/data/licenseId").asString();
        assertEquals(409, a.call("DELETE", APP + "/documents/" + licenseId, null).status(), "a document of a closed section stays");

        ObjectNode resume = (ObjectNode) page.at("/sections/resume/data").deepCopy();
        resume.put("version", page.get("version").asLong());
        ((tools.jackson.databind.node.ArrayNode) resume.get("career")).addObject().put("date", "2018/4/1").put("text", "△△がんセンター 緩和医療科");
        assertEquals(200, a.call("PUT", APP + "/sections/resume", resume).status());
        String newCopy = Secondaries.id(a.upload(APP, "ACHIEVEMENT_COPY", "抄録ページ.pdf", "application/pdf", Samples.pdfPages(1)));
        ObjectNode achievements = Json.object().put("version", Secondaries.version(a));
        ObjectNode item = (ObjectNode) a.get(APP).at("/sections/achievements/data/items/0").deepCopy();
        achievements.putArray("items").add(item.put("copyId", newCopy));
        assertEquals(200, a.call("PUT", APP + "/sections/achievements", achievements).status());
        Http.Response resubmitted = a.call("POST", APP + "/submit", Json.object().put("version", Secondaries.version(a)));
        assertEquals(200, resubmitted.status(), resubmitted.body());

        // the reviewer sees what changed since the 差し戻し, and only there
        JsonNode again = screen(no);
        assertEquals("審査中", again.get("stateLabel").asString());
        JsonNode resumeChange = section(again, "resume").get("change");
        assertTrue(resumeChange.get("changed").asBoolean());
        assertTrue(resumeChange.get("added").toString().contains("△△がんセンター 緩和医療科"), resumeChange.toString());
        assertTrue(section(again, "achievements").at("/change/added").toString().contains("抄録ページ.pdf"));
        assertTrue(section(again, "achievements").at("/change/removed").toString().contains("抄録.pdf"));
        assertFalse(section(again, "training").at("/change/changed").asBoolean());

        // 4. decision: 受理 needs every section 確認済; 不受理 needs a reason
        long v = again.get("reviewVersion").asLong();
        Http.Response early = act(no, "decide", Json.object().put("reviewVersion", v).put("result", "accepted"));
        assertEquals(409, early.status());
        assertEquals("NOT_ALL_CONFIRMED", early.json().get("code").asString());
        Http.Response noReason = act(no, "decide", Json.object().put("reviewVersion", v).put("result", "rejected").put("reason", ""));
        assertEquals(400, noReason.status());
        assertEquals("REASON_REQUIRED", noReason.json().get("code").asString());
        assertEquals(200, mark(no, v, "resume", "confirmed", null).status());
        assertEquals(200, mark(no, v + 1, "achievements", "confirmed", null).status());
        Http.Response accepted = act(no, "decide", Json.object().put("reviewVersion", v + 2).put("result", "accepted"));
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("受理", accepted.json().get("stateLabel").asString());
        assertEquals(409, mark(no, v + 3, "resume", "deficient", "x").status(), "a decided application's review stays");

        JsonNode decided = screen(no);
        assertEquals("受理", decided.at("/decision/label").asString());
        assertEquals(DemoData.SECRETARIAT_NO, decided.at("/decision/by").asString());
        JsonNode counts = Http.get(admin + "?year=" + year + "&application=new-secondary", staff).json().get("counts");
        assertTrue(counts.at("/ACCEPTED/count").asInt() >= 1, counts.toString());
        assertEquals("受理", counts.at("/ACCEPTED/label").asString());

        // the export carries the review state, the marks and the decision
        String csv = Http.get(system.gateway().url() + "/api/admin/export?year=" + year + "&application=new-secondary", staff).body();
        assertTrue(csv.contains("審査状態") && csv.contains("判定"), csv.substring(0, Math.min(400, csv.length())));
        String row = csv.lines().filter(l -> l.startsWith(no) || l.startsWith("\"" + no)).findFirst().orElse("");
        assertTrue(csv.contains("受理") && csv.contains("確認済"), row);

        // 7. opening the documents is in the audit
        String audit = Http.get(system.gateway().url() + "/api/admin/audit?memberNo=" + no, staff).body();
        assertTrue(audit.contains("DOCUMENTS_VIEWED") && audit.contains("REVIEW_RETURNED") && audit.contains("REVIEW_DECIDED"), audit);
    }

    @Test
    void aPrimarySentBackForItsPreferencesKeepsItsReceipt() {
        at("04-20T10:00");
        Applicant a = new Applicant(system, TestMembers.create(system, false));
        a.save(0, "13", "14", "11");
        a.upload("振込控え.pdf", "application/pdf", Samples.pdf());
        assertEquals(200, a.submit(a.read().get("version").asLong()).status());
        String no = a.member.memberNo();
        at("05-08T10:00");
        String url = admin + "/new-primary/" + no;
        JsonNode s = Http.get(url + "?year=" + year, staff).json();
        assertEquals("東京都", s.at("/preferences/0").asString());
        assertEquals("receipt", s.at("/documents/0/section").asString());
        assertEquals(200, Http.send("POST", url + "/mark", staff, Json.write(Json.object().put("year", "" + year).put("reviewVersion", 0)
                .put("section", "preferences").put("verdict", "deficient").put("note", "第二希望の会場は今年は設けません。別の地域を選んでください。"))).status());
        Http.Response back = Http.send("POST", url + "/send-back", staff, Json.write(Json.object().put("year", "" + year)
                .put("reviewVersion", 1).put("until", year + "年5月20日")));
        assertEquals(200, back.status(), back.body());

        JsonNode page = a.read();
        assertEquals("第二希望の会場は今年は設けません。別の地域を選んでください。", page.at("/correction/items/0/note").asString());
        assertEquals("修正期限：" + year + "年5月20日 23:59", page.at("/window/personalLabel").asString());
        String receipt = page.at("/documents/0/id").asString();
        Http.Response delete = a.call("DELETE", Applicant.APP + "/documents/" + receipt, null);
        assertEquals(409, delete.status(), "the receipt was not asked for");
        assertEquals("NOT_REQUESTED", delete.json().get("code").asString());
        assertEquals(200, a.save(page.get("version").asLong(), "13", "27", "11").status());
        assertEquals(200, a.submit(a.read().get("version").asLong()).status());
        JsonNode after = Http.get(url + "?year=" + year, staff).json();
        JsonNode prefs = after.get("sections").get(0);
        assertEquals("preferences", prefs.get("section").asString());
        assertEquals("[\"第二希望：大阪府\"]", prefs.at("/change/added").toString());
        assertEquals("[\"第二希望：神奈川県\"]", prefs.at("/change/removed").toString());
    }

    @Test
    void theDemoSecondaryOpensWithEveryDocument() throws Exception {
        JsonNode s = screen("10000011");
        assertEquals("専門医新規申請（二次申請）", s.get("label").asString());
        assertEquals("SUBMITTED", s.get("status").asString());
        assertEquals(6, s.get("documents").size());
        assertEquals(2, s.get("training").size());
        assertTrue(s.at("/training/0/facilityName").asString().length() > 0, "the facility resolved from the directory");
        HttpClient http = HttpClient.newHttpClient();
        for (JsonNode d : s.get("documents")) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(d.get("url").asString())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), d.get("fileName").asString());
            assertEquals(d.get("contentType").asString(), r.headers().firstValue("content-type").orElse(""));
        }
    }

    @Test
    void openingTheApplicationDetailIsAuditedToo() {
        at("04-20T10:00");
        Applicant a = new Applicant(system, TestMembers.create(system, false));
        a.save(0, "13", "14", "11");
        a.upload("振込控え.pdf", "application/pdf", Samples.pdf());
        assertEquals(200, a.submit(a.read().get("version").asLong()).status());
        String audit = system.gateway().url() + "/api/admin/audit?memberNo=" + a.member.memberNo();
        assertFalse(Http.get(audit, staff).body().contains("DOCUMENTS_VIEWED"));
        assertEquals(200, Http.get(system.gateway().url() + "/api/admin/applications/new-primary/" + a.member.memberNo() + "?year=" + year,
                staff).status());
        String after = Http.get(audit, staff).body();
        assertTrue(after.contains("DOCUMENTS_VIEWED") && after.contains(DemoData.SECRETARIAT_NO), after);
    }

    /** A 差し戻し the applicant lets lapse: nothing to decide until the 修正期限 is over, then 不受理 with a reason (DynamoDB's condition). */
    @Test
    void aSendBackLeftUncorrectedPastItsDeadlineEndsNotAccepted() throws Exception {
        at("06-10T09:00");
        Applicant a = Secondaries.submitted(system);
        String no = a.member.memberNo();
        at("07-02T10:00");
        assertEquals(200, mark(no, 0, "resume", "deficient", "職歴の記載がありません。").status());
        Http.Response back = act(no, "send-back", Json.object().put("reviewVersion", 1).put("until", year + "-07-10"));
        assertEquals(200, back.status(), back.body());

        ObjectNode reject = Json.object().put("reviewVersion", 2).put("result", "rejected").put("reason", "修正期限までに再申請なし");
        Http.Response early = act(no, "decide", reject.deepCopy());
        assertEquals(409, early.status(), early.body());
        assertEquals("NOT_SUBMITTED", early.json().get("code").asString());

        at("07-11T09:00");
        Http.Response accept = act(no, "decide", Json.object().put("reviewVersion", 2).put("result", "accepted"));
        assertEquals(409, accept.status(), "受理 needs the corrected application: " + accept.body());
        Http.Response late = act(no, "decide", reject);
        assertEquals(200, late.status(), late.body());
        JsonNode s = screen(no);
        assertEquals("REJECTED", s.get("state").asString());
        assertTrue(s.toString().contains("修正期限までに再申請なし"), s.toString());
    }
}
