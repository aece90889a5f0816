package jp.nintei.functions.secondary;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import jp.nintei.adapter.http.Json;
import jp.nintei.adapter.json.SectionJson;
import jp.nintei.domain.Messages;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.secondary.Achievement;
import jp.nintei.domain.secondary.IdentityDocuments;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.ResumeRules;
import jp.nintei.domain.secondary.TrainingRef;
import jp.nintei.service.SecondaryApplicationService.Section;
import tools.jackson.databind.JsonNode;

/**
 * A 登録 body of one 二次申請 section, read into the service's domain value: JSON stays at the edge. Reading is
 * lenient (a missing field reads as null) because the rules report what is missing; a body of the wrong shape
 * (a text or an object where a list belongs) is refused before anything is read, so that a 登録 never replaces
 * saved rows with nulls.
 */
final class SectionRequest {
    private SectionRequest() {}

    /** @throws Rejection 404 for a section that does not exist, 400 for a body of the wrong shape or an unreadable month */
    static Section read(String section, JsonNode body) {
        return switch (section == null ? "" : section) {
            case "resume" -> {
                SectionJson.requireShape(body, "education", "career", "qualifications");
                yield resume(body);
            }
            case "training" -> {
                SectionJson.requireShape(body, "entries");
                yield new Section.TrainingSection(training(body.get("entries")));
            }
            case "achievements" -> {
                SectionJson.requireShape(body, "items");
                yield new Section.AchievementsSection(achievements(body.get("items")));
            }
            case "identity" -> {
                SectionJson.requireTexts(body, "licenseId", "courseId", "photoId");
                yield new Section.IdentitySection(new IdentityDocuments(text(body, "licenseId"), text(body, "courseId"), text(body, "photoId")));
            }
            default -> throw Rejection.notFound("SECTION_UNKNOWN", null, Messages.SECTION_UNKNOWN);
        };
    }

    // ---------- 1. 申請書・履歴書
    private static Section.ResumeSection resume(JsonNode o) {
        Resume typed = new Resume(rows(o.get("education")), rows(o.get("career")), rows(o.get("qualifications")), null);
        JsonNode y = o.get("experienceYears");
        Integer years = null;
        boolean unreadable = false;
        if (y != null && !y.isNull() && !(y.isString() && y.asString().isBlank())) {
            int parsed = y.isNumber() ? (y.canConvertToInt() && y.asDouble() == y.asInt() ? y.asInt() : -1)
                    : y.isString() ? ResumeRules.parseYears(y.asString()) : -1;
            if (parsed < 0) unreadable = true;
            else years = parsed;
        }
        return new Section.ResumeSection(new Resume(typed.education(), typed.career(), typed.qualifications(), years), unreadable);
    }

    private static List<Resume.Row> rows(JsonNode a) {
        List<Resume.Row> out = new ArrayList<>();
        if (a != null && a.isArray()) for (JsonNode r : a) out.add(new Resume.Row(text(r, "date"), text(r, "text")));
        return out;
    }

    // ---------- 2. 臨床研修修了証明書
    private static List<TrainingRef> training(JsonNode a) {
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
    private static List<Achievement> achievements(JsonNode a) {
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

    private static String text(JsonNode n, String field) {
        String v = Json.text(n, field);
        return v == null || v.isBlank() ? null : v;
    }

    private static Rejection badMonth(String field) {
        return Rejection.invalid("BAD_MONTH", field, "研修期間は「2023-04」の形式で選んでください。");
    }

    /** A typed month: 2023-04, 2023/4, ２０２３年４月 (normalised: NFKC, trimmed). */
    private static YearMonth month(JsonNode n, String field, int i) {
        String v = text(n, field);
        if (v == null) return null;
        String t = jp.nintei.domain.JapaneseText.normalize(v).replace('/', '-').replace("年", "-").replace("月", "");
        try {
            String[] p = t.split("-");
            return YearMonth.of(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()));
        } catch (RuntimeException e) {
            throw badMonth("entries[" + i + "]." + field);
        }
    }

    private static LocalDate date(JsonNode n, String field, int i) {
        String v = text(n, field);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw badMonth("entries[" + i + "]." + field);
        }
    }
}
