package jp.nintei.adapter.dynamo;

import java.time.LocalDate;
import java.time.YearMonth;
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
 * How the 二次申請 sections are stored: each section one JSON string attribute of the application item. This is
 * the store's own mapping, apart from the API's (functions/.../secondary): renaming a field of the API never
 * changes what is stored. The attribute names written here are those stored since the first release, so every
 * existing item reads. The item was written by us, so a value that cannot be read is our fault: a
 * {@link StoredJson.Unreadable} (a 500, logged), never the client's 400.
 */
final class SecondaryItemJson {
    private SecondaryItemJson() {}

    // ---------- writing
    static ObjectNode resume(Resume r) {
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

    static ArrayNode training(List<TrainingRef> entries) {
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

    static ArrayNode achievements(List<Achievement> items) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Achievement x : items) {
            a.addObject().put("kind", x.kind() == null ? null : x.kind().name()).put("title", x.title())
                    .put("authors", x.authors()).put("venue", x.venue()).put("date", x.date()).put("status", x.status())
                    .put("copyId", x.copyDocumentId());
        }
        return a;
    }

    static ObjectNode identity(IdentityDocuments d) {
        return Json.object().put("licenseId", d.licenseId()).put("courseId", d.courseId()).put("photoId", d.photoId());
    }

    static ObjectNode july(JulyProjection j) {
        return Json.object().put("experience", j.experience()).put("training", j.training())
                .put("achievements", j.achievements()).put("course", j.course());
    }

    // ---------- reading (an attribute that is absent reads as empty: older items predate some sections)
    static JsonNode parse(String attribute, String stored) { return StoredJson.parse(attribute, stored); }

    static Resume resume(JsonNode o) {
        if (o == null || !o.isObject()) return new Resume(List.of(), List.of(), List.of(), null);
        JsonNode y = o.get("experienceYears");
        Integer years = y == null || y.isNull() ? null : y.canConvertToInt() ? y.asInt() : null;
        return new Resume(rows(o.get("education")), rows(o.get("career")), rows(o.get("qualifications")), years);
    }

    private static List<Resume.Row> rows(JsonNode a) {
        List<Resume.Row> out = new ArrayList<>();
        if (a != null && a.isArray()) for (JsonNode r : a) out.add(new Resume.Row(text(r, "date"), text(r, "text")));
        return out;
    }

    static List<TrainingRef> training(String attribute, JsonNode a) {
        List<TrainingRef> out = new ArrayList<>();
        if (a == null || !a.isArray()) return out;
        try {
            for (JsonNode t : a) {
                out.add(new TrainingRef(text(t, "category"), text(t, "facilityNo"), date(t, "facilityFrom"),
                        text(t, "facilityType"), month(t, "from"), month(t, "to"), text(t, "supervisorNo"),
                        date(t, "supervisorFrom"), text(t, "qualification"), text(t, "certificateId")));
            }
        } catch (RuntimeException e) {
            throw new StoredJson.Unreadable(attribute, e);
        }
        return out;
    }

    static List<Achievement> achievements(JsonNode a) {
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

    static IdentityDocuments identity(JsonNode o) {
        if (o == null || !o.isObject()) return IdentityDocuments.NONE;
        return new IdentityDocuments(text(o, "licenseId"), text(o, "courseId"), text(o, "photoId"));
    }

    static JulyProjection july(JsonNode o) {
        if (o == null || !o.isObject()) return JulyProjection.NONE;
        return new JulyProjection(o.path("experience").asBoolean(false), o.path("training").asBoolean(false),
                o.path("achievements").asBoolean(false), o.path("course").asBoolean(false));
    }

    private static String text(JsonNode n, String field) {
        String v = Json.text(n, field);
        return v == null || v.isBlank() ? null : v;
    }

    private static String str(Object o) { return o == null ? null : o.toString(); }

    /** Stored as {@link YearMonth#toString()} ("2023-04"), as the service normalised it. */
    private static YearMonth month(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : YearMonth.parse(v);
    }

    private static LocalDate date(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : LocalDate.parse(v);
    }
}
