package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import jp.nintei.adapter.http.Json;
import jp.nintei.local.LocalSystem;
import tools.jackson.databind.node.ObjectNode;

/** A whole 二次申請 filled in and submitted through the gateway (the clock must be inside the secondary window). */
final class Secondaries {
    static final String APP = "/api/applications/new-secondary";

    private Secondaries() {}

    static Applicant submitted(LocalSystem system) {
        int year = system.demo().year();
        Applicant a = new Applicant(system, TestMembers.withSubmittedPrimary(system, LocalDate.of(year - 6, 4, 1)));
        ObjectNode resume = Json.object().put("version", 0);
        resume.putArray("education").addObject().put("date", "2010/4/1").put("text", "○○大学 医学部 入学");
        ((tools.jackson.databind.node.ArrayNode) resume.get("education")).addObject().put("date", "2016/3/31").put("text", "○○大学 医学部 卒業");
        resume.putArray("career").addObject().put("date", "2016/4/1").put("text", "○○病院 初期研修医");
        resume.putArray("qualifications").addObject().put("date", "2016/5/1").put("text", "医師免許取得");
        resume.put("experienceYears", "5");
        ok(a.call("PUT", APP + "/sections/resume", resume));

        String certificate = id(a.upload(APP, "TRAINING_CERTIFICATE", "研修修了証明書.pdf", "application/pdf", Samples.pdfPages(1)));
        ObjectNode training = Json.object().put("version", version(a));
        training.putArray("entries").addObject().put("category", "基幹施設（新制度）").put("facilityNo", "F0004")
                .put("facilityFrom", (year - 3) + "-04-01").put("facilityType", "基幹施設（新制度）").put("from", (year - 3) + "-04")
                .put("to", (year - 1) + "-03").put("supervisorNo", "S0004").put("supervisorFrom", (year - 5) + "-04-01")
                .put("qualification", "研修指導者資格を有する認定医").put("certificateId", certificate);
        ok(a.call("PUT", APP + "/sections/training", training));

        String copy = id(a.upload(APP, "ACHIEVEMENT_COPY", "抄録.pdf", "application/pdf", Samples.pdfPages(2)));
        ObjectNode achievements = Json.object().put("version", version(a));
        achievements.putArray("items").addObject().put("kind", "CONFERENCE_PRESENTATION").put("title", "緩和ケアにおける○○の検討")
                .put("authors", "試験太郎, 学会次郎").put("venue", "日本緩和医療学会学術大会").put("date", year + "年6月").put("copyId", copy);
        ok(a.call("PUT", APP + "/sections/achievements", achievements));

        String license = id(a.upload(APP, "MEDICAL_LICENSE", "医師免許.pdf", "application/pdf", Samples.pdfPages(1)));
        String course = id(a.upload(APP, "COURSE_CERTIFICATE", "受講証.png", "image/png", Samples.png()));
        String photo = id(a.upload(APP, "EXAM_PHOTO", "写真.jpg", "image/jpeg", Samples.photo(300, 400)));
        ok(a.call("PUT", APP + "/sections/identity", Json.object().put("version", version(a)).put("licenseId", license)
                .put("courseId", course).put("photoId", photo)));

        ObjectNode top = Json.object().put("version", version(a)).put("duesInProcess", false);
        top.putObject("july").put("experience", false).put("training", false).put("achievements", true).put("course", false);
        ok(a.call("PUT", APP, top));
        ok(a.call("POST", APP + "/submit", Json.object().put("version", version(a))));
        return a;
    }

    static long version(Applicant a) { return a.get(APP).get("version").asLong(); }

    static String id(Http.Response registered) {
        assertEquals(200, registered.status(), registered.body());
        return registered.json().at("/document/id").asString();
    }

    static void ok(Http.Response r) { assertEquals(200, r.status(), r.body()); }
}
