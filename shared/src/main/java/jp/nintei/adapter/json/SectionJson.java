package jp.nintei.adapter.json;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * The 二次申請 sections as JSON, written by hand: one shape for the API and for the item attribute that stores
 * each section. Reading is lenient (a missing field reads as null) because the rules report what is missing.
 * A request body of the wrong shape (a text or an object where a list belongs) is refused before anything is
 * read: {@link #requireShape} answers 400 so that a 登録 never replaces saved rows with nulls.
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

    public static Resume resume(JsonNode o) {
        if (o == null || !o.isObject()) return new Resume(List.of(), List.of(), List.of(), null);
        JsonNode y = o.get("experienceYears");
        Integer years = y == null || y.isNull() ? null : y.canConvertToInt() ? y.asInt() : null;
        return new Resume(rows(o.get("education")), rows(o.get("career")), rows(o.get("qualifications")), years);
    }

    private static ArrayNode rows(List<Resume.Row> rows) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Resume.Row r : rows) a.addObject().put("date", r.date()).put("text", r.text());
        return a;
    }

    private static List<Resume.Row> rows(JsonNode a) {
        List<Resume.Row> out = new ArrayList<>();
        if (a != null && a.isArray()) for (JsonNode r : a) out.add(new Resume.Row(text(r, "date"), text(r, "text")));
        return out;
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

    /** @throws IllegalArgumentException naming the field when a month or date cannot be read */
    public static List<TrainingRef> training(JsonNode a) {
        List<TrainingRef> out = new ArrayList<>();
        if (a == null || !a.isArray()) return out;
        int i = 0;
        for (JsonNode t : a) {
            out.add(new TrainingRef(text(t, "category"), text(t, "facilityNo"), date(t, "facilityFrom", i),
                    text(t, "facilityType"), month(t, "from", i), month(t, "to", i), text(t, "supervisorNo"),
                    date(t, "supervisorFrom", i), text(t, "qualification"), text(t, "certificateId")));
            i++;
        }
        return out;
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

    public static List<Achievement> achievements(JsonNode a) {
        List<Achievement> out = new ArrayList<>();
        if (a == null || !a.isArray()) return out;
        for (JsonNode x : a) {
            Achievement.Kind kind = null;
            String k = text(x, "kind");
            if (k != null) {
                for (Achievement.Kind c : Achievement.Kind.values()) if (c.name().equals(k)) kind = c;
            }
            out.add(new Achievement(kind, text(x, "title"), text(x, "authors"), text(x, "venue"), text(x, "date"),
                    text(x, "status"), text(x, "copyId")));
        }
        return out;
    }

    // ---------- 4. 医師免許・受講証・受験用写真
    public static ObjectNode identity(IdentityDocuments d) {
        return Json.object().put("licenseId", d.licenseId()).put("courseId", d.courseId()).put("photoId", d.photoId());
    }

    public static IdentityDocuments identity(JsonNode o) {
        if (o == null || !o.isObject()) return IdentityDocuments.NONE;
        return new IdentityDocuments(text(o, "licenseId"), text(o, "courseId"), text(o, "photoId"));
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

    public static jp.nintei.adapter.http.ApiException badShape(String field) {
        return new jp.nintei.adapter.http.ApiException(400, "BAD_SHAPE", field, jp.nintei.domain.Messages.BAD_SHAPE);
    }

    private static String text(JsonNode n, String field) {
        String v = Json.text(n, field);
        return v == null || v.isBlank() ? null : v;
    }

    private static String str(Object o) { return o == null ? null : o.toString(); }

    private static YearMonth month(JsonNode n, String field, int i) {
        String v = text(n, field);
        if (v == null) return null;
        String t = jp.nintei.domain.JapaneseText.normalize(v).replace('/', '-').replace("年", "-").replace("月", "");
        try {
            String[] p = t.split("-");
            return YearMonth.of(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("entries[" + i + "]." + field);
        }
    }

    private static LocalDate date(JsonNode n, String field, int i) {
        String v = text(n, field);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("entries[" + i + "]." + field);
        }
    }
}
