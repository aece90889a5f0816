package jp.nintei.adapter.json;

import java.util.List;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.secondary.Achievement;
import jp.nintei.domain.secondary.IdentityDocuments;
import jp.nintei.domain.secondary.JulyProjection;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.TrainingRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 二次申請 sections as the API shows them, written by hand (the applicant's pages and the secretariat's
 * review); the request side is read in the handler (functions/.../secondary/SectionRequest), and the store has
 * its own mapping (adapter/dynamo/SecondaryItemJson). A request body of the wrong shape (a text or an object
 * where a list belongs) is refused before anything is read: {@link #requireShape} answers 400 so that a 登録
 * never replaces saved rows with nulls.
 */
public final class SectionJson {
    private SectionJson() {}

    // ---------- 1. 申請書・履歴書
    public static ObjectNode resume(Resume r) {
        ObjectNode o = Json.object();
        o.set("education", rows(r.education()));
        o.set("career", rows(r.career()));
        o.set("qualifications", rows(r.qualifications()));
        if (r.experienceYears() == null) o.putNull("experienceYears");
        else o.put("experienceYears", r.experienceYears());
        return o;
    }

    private static ArrayNode rows(List<Resume.Row> rows) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Resume.Row r : rows) a.addObject().put("date", r.date()).put("text", r.text());
        return a;
    }

    // ---------- 2. 臨床研修修了証明書
    public static ArrayNode training(List<TrainingRef> entries) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (TrainingRef t : entries) {
            a.addObject().put("category", t.category()).put("facilityNo", t.facilityNo())
                    .put("facilityFrom", str(t.facilityFrom())).put("facilityType", t.facilityType())
                    .put("from", str(t.from())).put("to", str(t.to()))
                    .put("supervisorNo", t.supervisorNo()).put("supervisorFrom", str(t.supervisorFrom()))
                    .put("qualification", t.qualification()).put("certificateId", t.certificateDocumentId());
        }
        return a;
    }

    // ---------- 3. 業績書
    public static ArrayNode achievements(List<Achievement> items) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Achievement x : items) {
            a.addObject().put("kind", x.kind() == null ? null : x.kind().name()).put("title", x.title())
                    .put("authors", x.authors()).put("venue", x.venue()).put("date", x.date()).put("status", x.status())
                    .put("copyId", x.copyDocumentId());
        }
        return a;
    }

    // ---------- 4. 医師免許・受講証・受験用写真
    public static ObjectNode identity(IdentityDocuments d) {
        return Json.object().put("licenseId", d.licenseId()).put("courseId", d.courseId()).put("photoId", d.photoId());
    }

    // ---------- top page
    public static ObjectNode july(JulyProjection j) {
        return Json.object().put("experience", j.experience()).put("training", j.training())
                .put("achievements", j.achievements()).put("course", j.course());
    }

    public static JulyProjection july(JsonNode o) {
        if (o == null || !o.isObject()) return JulyProjection.NONE;
        return new JulyProjection(o.path("experience").asBoolean(false), o.path("training").asBoolean(false),
                o.path("achievements").asBoolean(false), o.path("course").asBoolean(false));
    }

    /**
     * Refuses a 登録 body whose {@code lists} are not lists of objects, or whose row fields are lists or objects
     * where a text belongs (400, nothing saved). A list left out is refused too: 登録 replaces the whole section.
     */
    public static void requireShape(JsonNode body, String... lists) {
        for (String list : lists) {
            JsonNode a = body == null ? null : body.get(list);
            if (a == null || !a.isArray()) throw badShape(list);
            int i = 0;
            for (JsonNode row : a) {
                if (!row.isObject()) throw badShape(list + "[" + i + "]");
                for (var f : row.properties()) {
                    if (f.getValue().isContainer()) throw badShape(list + "[" + i + "]." + f.getKey());
                }
                i++;
            }
        }
    }

    /** Refuses an object field (e.g. 4.'s document ids) holding a list or an object where a text belongs. */
    public static void requireTexts(JsonNode body, String... fields) {
        for (String f : fields) {
            JsonNode v = body == null ? null : body.get(f);
            if (v != null && v.isContainer()) throw badShape(f);
        }
    }

    public static jp.nintei.domain.Rejection badShape(String field) {
        return jp.nintei.domain.Rejection.invalid("BAD_SHAPE", field, jp.nintei.domain.Messages.BAD_SHAPE);
    }

    private static String str(Object o) { return o == null ? null : o.toString(); }
}
