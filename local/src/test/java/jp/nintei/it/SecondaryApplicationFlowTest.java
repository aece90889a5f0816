package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.Messages;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** 二次申請 through the local gateway: requirements, the four sections, uploads, July boxes, submit, mail. */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondaryApplicationFlowTest {
    static final String APP = "/api/applications/new-secondary";
    private final LocalSystem system;
    private final int year;

    SecondaryApplicationFlowTest(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year();
    }

    @BeforeAll
    void inJune() { clock.at(year + "-06-10T09:00"); }

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    private Applicant eligible() {
        return new Applicant(system, TestMembers.withSubmittedPrimary(system, LocalDate.of(year - 6, 4, 1)));
    }

    private static ObjectNode resume(long version) {
        ObjectNode b = Json.object().put("version", version);
        b.putArray("education").addObject().put("date", "2010/4/1").put("text", "○○大学 医学部 入学");
        ((tools.jackson.databind.node.ArrayNode) b.get("education")).addObject().put("date", "平成28年3月31日").put("text", "○○大学 医学部 卒業");
        b.putArray("career").addObject().put("date", "２０１６－０４－０１").put("text", "○○病院 初期研修医");
        b.putArray("qualifications").addObject().put("date", "2016年5月1日").put("text", "医師免許取得");
        b.put("experienceYears", "５年");
        return b;
    }

    /** F0004 (基幹施設, April Y-3 to March Y+2) and S0004 (April Y-5 to March Y+1): 24 months inside both. */
    private ObjectNode training(long version, String certificateId, String supervisorNo, String supervisorFrom,
                                String qualification, String from, String to) {
        ObjectNode b = Json.object().put("version", version);
        b.putArray("entries").addObject().put("category", "基幹施設（新制度）").put("facilityNo", "F0004")
                .put("facilityFrom", (year - 3) + "-04-01").put("facilityType", "基幹施設（新制度）").put("from", from).put("to", to)
                .put("supervisorNo", supervisorNo).put("supervisorFrom", supervisorFrom).put("qualification", qualification)
                .put("certificateId", certificateId);
        return b;
    }

    private static String id(Http.Response registered) {
        assertEquals(200, registered.status(), registered.body());
        return registered.json().at("/document/id").asString();
    }

    private static JsonNode section(JsonNode view, String name) { return view.at("/sections/" + name); }

    private static List<String> codes(JsonNode problems) {
        return problems.findValues("code").stream().map(JsonNode::asString).toList();
    }

    @Test
    void aCompleteSecondaryIsSubmittedWithTheMailListingEverything() {
        Applicant a = eligible();
        JsonNode v0 = a.get(APP);
        assertEquals("DRAFT", v0.get("status").asString());
        assertTrue(v0.get("requirements").valueStream().allMatch(r -> r.get("met").asBoolean()));
        assertFalse(v0.get("canSubmit").asBoolean());

        Http.Response saved = a.call("PUT", APP + "/sections/resume", resume(0));
        assertEquals(200, saved.status(), saved.body());
        JsonNode afterResume = a.get(APP);
        assertTrue(section(afterResume, "resume").get("complete").asBoolean(), afterResume.toString());
        assertEquals("2016-03-31", section(afterResume, "resume").at("/data/education/1/date").asString());
        assertEquals(5, section(afterResume, "resume").at("/data/experienceYears").asInt());
        long v = afterResume.get("version").asLong();

        String certificate = id(a.upload(APP, "TRAINING_CERTIFICATE", "研修修了証明書.pdf", "application/pdf", Samples.pdfPages(1)));
        v = a.get(APP).get("version").asLong();
        assertEquals(200, a.call("PUT", APP + "/sections/training", training(v, certificate, "S0004", (year - 5) + "-04-01",
                "研修指導者資格を有する認定医", (year - 3) + "-04", (year - 1) + "-03")).status());
        JsonNode afterTraining = a.get(APP);
        assertTrue(section(afterTraining, "training").get("complete").asBoolean(), section(afterTraining, "training").toString());

        String copy = id(a.upload(APP, "ACHIEVEMENT_COPY", "抄録.pdf", "application/pdf", Samples.pdfPages(2)));
        ObjectNode achievements = Json.object().put("version", a.get(APP).get("version").asLong());
        achievements.putArray("items").addObject().put("kind", "CONFERENCE_PRESENTATION").put("title", "緩和ケアにおける○○の検討")
                .put("authors", "試験太郎, 学会次郎").put("venue", "第" + (year - 1998) + "回日本緩和医療学会学術大会").put("date", year + "年6月")
                .put("copyId", copy);
        assertEquals(200, a.call("PUT", APP + "/sections/achievements", achievements).status());

        String license = id(a.upload(APP, "MEDICAL_LICENSE", "医師免許.pdf", "application/pdf", Samples.pdfPages(1)));
        String course = id(a.upload(APP, "COURSE_CERTIFICATE", "受講証.png", "image/png", Samples.png()));
        String photo = id(a.upload(APP, "EXAM_PHOTO", "写真.jpg", "image/jpeg", Samples.photo(300, 400)));
        ObjectNode identity = Json.object().put("version", a.get(APP).get("version").asLong()).put("licenseId", license)
                .put("courseId", course).put("photoId", photo);
        assertEquals(200, a.call("PUT", APP + "/sections/identity", identity).status());

        ObjectNode top = Json.object().put("version", a.get(APP).get("version").asLong()).put("duesInProcess", false);
        top.putObject("july").put("experience", false).put("training", false).put("achievements", true).put("course", true);
        assertEquals(200, a.call("PUT", APP, top).status());

        JsonNode ready = a.get(APP);
        assertTrue(ready.get("canSubmit").asBoolean(), ready.get("problems").toString());
        assertTrue(ready.at("/july/achievements").asBoolean(), "the July boxes are saved with the draft");

        Http.Response submitted = a.call("POST", APP + "/submit", Json.object().put("version", ready.get("version").asLong()));
        assertEquals(200, submitted.status(), submitted.body());
        assertEquals("SUBMITTED", submitted.json().get("status").asString());
        assertEquals("S" + year + "-" + a.member.memberNo(), submitted.json().get("receiptNo").asString());
        assertTrue(submitted.json().get("mailSent").asBoolean());

        String mail = SesStore.mailsTo(system, a.member.email()).get(0).toString();
        for (String expected : List.of("専門医新規申請（二次申請）", "認定要件4", "1. 申請書・履歴書", "2016-03-31 ○○大学 医学部 卒業",
                "2. 臨床研修修了証明書", "研修修了証明書.pdf", "3. 業績書", "緩和ケアにおける○○の検討", "抄録.pdf",
                "4. 医師免許・受講証・受験用写真", "医師免許.pdf", "受講証.png", "写真.jpg", Samples.sha256(Samples.photo(300, 400)),
                "7月31日までに学会事務局にご連絡ください", "緩和ケア研修会・指導者研修会（緩和ケア）の受講")) {
            assertTrue(mail.contains(expected), "mail lacks " + expected + ": " + mail);
        }
        Http.Response after = a.call("PUT", APP + "/sections/resume", resume(submitted.json().get("version").asLong()));
        assertEquals(409, after.status());
        assertEquals(Messages.ALREADY_SUBMITTED, after.json().get("message").asString());
        assertEquals("申請済みです。", Http.get(a.gateway + "/api/me", a.token).json().at("/menu/1/text").asString());
    }

    @Test
    void aTrainingPeriodAcrossTheSupervisorsQualificationChangeProposesTheSplit() {
        Applicant a = eligible();
        a.call("PUT", APP + "/sections/resume", resume(0));
        String cert = id(a.upload(APP, "TRAINING_CERTIFICATE", "証明書.pdf", "application/pdf", Samples.pdfPages(1)));
        long v = a.get(APP).get("version").asLong();
        // S0001 was 専門医 until March of last year and is 指導医 from April
        assertEquals(200, a.call("PUT", APP + "/sections/training", training(v, cert, "S0001", (year - 6) + "-04-01", "専門医",
                (year - 2) + "-04", year + "-03")).status());
        JsonNode t = section(a.get(APP), "training");
        assertFalse(t.get("complete").asBoolean());
        JsonNode problem = t.get("problems").valueStream().filter(p -> p.get("code").asString().equals("SUPERVISOR_QUALIFICATION_CHANGED"))
                .findFirst().orElseThrow(() -> new AssertionError(t.toString()));
        String m = problem.get("message").asString();
        assertTrue(m.contains("証明書の入力欄を分けて登録してください"), m);
        assertTrue(m.contains((year - 2) + "年4月～" + (year - 1) + "年3月（専門医）"), m);
        assertTrue(m.contains(year - 1 + "年4月～" + year + "年3月（指導医）"), m);
    }

    @Test
    void badInputIsRefusedPerFieldAndAStaleTabGets409() {
        Applicant a = eligible();
        ObjectNode bad = resume(0);
        ((ObjectNode) bad.get("education").get(1)).put("date", "2010年2月30日");
        Http.Response r = a.call("PUT", APP + "/sections/resume", bad);
        assertEquals(400, r.status());
        assertEquals("education[1].date", r.json().get("field").asString());
        ObjectNode future = resume(0);
        ((ObjectNode) future.get("career").get(0)).put("date", (year + 1) + "-04-01");
        assertEquals("FUTURE_DATE", a.call("PUT", APP + "/sections/resume", future).json().get("code").asString());
        ObjectNode years = resume(0).put("experienceYears", "五年");
        assertEquals("experienceYears", a.call("PUT", APP + "/sections/resume", years).json().get("field").asString());
        ObjectNode arrayYears = resume(0);
        arrayYears.putArray("experienceYears").add(5);
        Http.Response shape = a.call("PUT", APP + "/sections/resume", arrayYears);
        assertEquals(400, shape.status(), shape.body());
        assertEquals("BAD_YEARS", shape.json().get("code").asString());

        assertEquals(200, a.call("PUT", APP + "/sections/resume", resume(0)).status());
        long v = a.get(APP).get("version").asLong();
        // two tabs opened at the same version: the second save is stale
        assertEquals(200, a.call("PUT", APP + "/sections/resume", resume(v)).status());
        Http.Response stale = a.call("PUT", APP + "/sections/resume", resume(v));
        assertEquals(409, stale.status());
        assertEquals("STALE_VERSION", stale.json().get("code").asString());

        // a landscape or tiny photo is refused at 登録
        Http.Response landscape = a.upload(APP, "EXAM_PHOTO", "横.jpg", "image/jpeg", Samples.photo(400, 300));
        assertEquals(422, landscape.status());
        assertEquals("PHOTO_ASPECT", landscape.json().get("code").asString());
        Http.Response tiny = a.upload(APP, "EXAM_PHOTO", "小.jpg", "image/jpeg", Samples.photo(60, 80));
        assertEquals("PHOTO_TOO_SMALL", tiny.json().get("code").asString());
        // a 学会発表 copy of three pages is registered but the section says it is too long
        String copy = id(a.upload(APP, "ACHIEVEMENT_COPY", "長い.pdf", "application/pdf", Samples.pdfPages(3)));
        ObjectNode ach = Json.object().put("version", a.get(APP).get("version").asLong());
        ach.putArray("items").addObject().put("kind", "CONFERENCE_PRESENTATION").put("title", "t").put("authors", "a")
                .put("venue", "v").put("date", year + "-05").put("copyId", copy);
        assertEquals(200, a.call("PUT", APP + "/sections/achievements", ach).status());
        assertTrue(codes(section(a.get(APP), "achievements").get("problems")).contains("COPY_TOO_LONG"));
        // the 申請料 receipt belongs to 一次申請 only
        assertEquals(400, a.slot(APP, "FEE_RECEIPT", "r.pdf", "application/pdf", 10, Samples.sha256(Samples.pdf())).status());
    }

    @Test
    void withoutAPrimaryOrWithARequirementShortNothingGoesThrough() {
        Applicant noPrimary = new Applicant(system, TestMembers.create(system, false));
        Http.Response r = noPrimary.call("GET", APP, null);
        assertEquals(403, r.status());
        assertEquals(Messages.SECONDARY_UNAVAILABLE, r.json().get("message").asString());
        assertEquals(403, noPrimary.call("PUT", APP + "/sections/resume", resume(0)).status());
        assertEquals(403, noPrimary.slot(APP, "MEDICAL_LICENSE", "a.pdf", "application/pdf", 10, Samples.sha256(Samples.pdf())).status());

        Applicant young = new Applicant(system, TestMembers.withSubmittedPrimary(system, LocalDate.of(year - 2, 8, 2)));
        // 移行 has its own 一次申請: a submitted 新規 primary does not open the 移行 secondary
        Http.Response transition = young.call("GET", "/api/applications/transition-secondary", null);
        assertEquals(403, transition.status(), transition.body());
        JsonNode v = young.get(APP);
        JsonNode membership = v.get("requirements").get(2);
        assertFalse(membership.get("met").asBoolean());
        assertTrue(membership.get("detail").asString().contains("2年に満たない"));
        Http.Response submit = young.call("POST", APP + "/submit", Json.object().put("version", v.get("version").asLong()));
        assertEquals(422, submit.status());
        assertTrue(codes(submit.json()).contains("REQUIREMENT_NOT_MET"));
    }
}
