package jp.nintei.functions.primary;

import jp.nintei.adapter.http.Json;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.Member;
import jp.nintei.domain.application.ConfirmationMail;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.domain.application.Prefecture;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.domain.application.Problem;
import jp.nintei.service.PrimaryApplicationService;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The 一次申請 page's data, mapped by hand. */
public final class ApplicationJson {
    private ApplicationJson() {}

    public static ObjectNode view(PrimaryApplicationService.View v) {
        PrimaryApplication app = v.snapshot().application();
        Member m = v.snapshot().member();
        ObjectNode o = Json.object();
        o.put("application", app.kind().slug()).put("label", app.kind().label()).put("year", app.year());
        o.putObject("applicant").put("memberNo", m.memberNo()).put("name", m.name()).put("kana", m.kana())
                .put("email", m.email());
        o.put("writtenExamExempt", m.writtenExamExempt());
        o.putObject("window").put("label", v.snapshot().windows().windowFor(app.kind()).label()).put("open", v.windowOpen());
        correction(o, v.snapshot().correction(), v.snapshot().windows().windowFor(app.kind()), app.submitted());
        o.put("status", app.status().name()).put("version", app.version());
        ArrayNode prefs = o.putArray("preferences");
        for (String p : app.preferences()) {
            if (p == null) prefs.addNull();
            else prefs.add(p);
        }
        ArrayNode docs = o.putArray("documents");
        for (Document d : app.documents()) docs.add(document(d));
        o.putObject("limits").put("maxBytes", DocumentPurpose.MAX_BYTES).put("maxLabel", DocumentPurpose.MAX_LABEL)
                .put("feeReceiptTypes", DocumentPurpose.FEE_RECEIPT.typesLabel());
        ArrayNode prefectures = o.putArray("prefectures");
        for (int i = 0; i < Prefecture.NAMES.size(); i++) {
            prefectures.addObject().put("code", String.format("%02d", i + 1)).put("name", Prefecture.NAMES.get(i));
        }
        ArrayNode missing = o.putArray("missing");
        for (Problem p : v.missing()) missing.addObject().put("code", p.code()).put("field", p.field()).put("message", p.message());
        submission(o, app.submittedAt(), app.receiptNo(), app.mail(), v.mailSent());
        return o;
    }

    /**
     * The applicant's own deadline (an individual extension or a 修正期限) beside the window ({@code window.personalLabel}),
     * and after a 差し戻し the itemised 不備 ({@code correction}): only those sections are open.
     */
    public static void correction(ObjectNode o, jp.nintei.domain.review.Correction c, jp.nintei.domain.ApplicationWindow window,
                                  boolean submitted) {
        if (submitted) return;
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("uuuu年M月d日");
        boolean returned = c.returned();
        java.time.LocalDate personal = returned ? c.until() : jp.nintei.domain.ApplicationSummary.personalDeadline(window, c.until());
        if (personal != null) {
            ((ObjectNode) o.get("window")).put("personalDeadline", personal.toString())
                    .put("personalLabel", (returned ? "修正期限：" : "あなたの申請期限（個別に延長）：") + day.format(personal) + " 23:59");
        }
        if (!returned) return;
        ObjectNode x = o.putObject("correction").put("until", c.until() == null ? null : c.until().toString())
                .put("untilLabel", c.until() == null ? null : day.format(c.until()) + " 23:59");
        ArrayNode items = x.putArray("items");
        ArrayNode open = x.putArray("openSections");
        for (var i : c.items()) {
            items.addObject().put("section", i.section().slug()).put("label", i.section().label()).put("note", i.note());
            open.add(i.section().slug());
        }
    }

    /** 申請済: time (ISO and as shown), 受付番号, and whether the confirmation mail went out. */
    public static void submission(ObjectNode o, java.time.Instant submittedAt, String receiptNo,
                                  jp.nintei.domain.application.MailStatus mail, Boolean mailSent) {
        if (submittedAt != null) {
            o.put("submittedAt", submittedAt.toString());
            o.put("submittedAtLabel", ConfirmationMail.JST_LABEL.format(submittedAt.atZone(AppClock.JST)));
            o.put("receiptNo", receiptNo);
            o.put("mailState", mail == null ? null : mail.state().name());
        }
        if (mailSent != null) o.put("mailSent", mailSent);
    }

    /** The {@code version} a write names; without it the page is out of date. */
    public static long version(tools.jackson.databind.JsonNode body) {
        tools.jackson.databind.JsonNode v = body.get("version");
        if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
            throw jp.nintei.domain.Rejection.invalid("VERSION_REQUIRED", "version", jp.nintei.domain.Messages.STALE_VERSION);
        }
        return v.asLong();
    }

    public static ObjectNode document(Document d) {
        return Json.object().put("id", d.id()).put("purpose", d.purpose().name()).put("fileName", d.fileName())
                .put("size", d.size()).put("type", d.type().name()).put("contentType", d.type().contentType())
                .put("sha256", d.sha256()).put("status", d.status().name()).put("pages", d.pages());
    }
}
