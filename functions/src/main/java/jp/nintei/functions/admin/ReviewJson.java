package jp.nintei.functions.admin;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.application.ConfirmationMail;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.Prefecture;
import jp.nintei.domain.directory.Directory;
import jp.nintei.domain.review.Review;
import jp.nintei.domain.review.ReviewSection;
import jp.nintei.domain.review.ReviewState;
import jp.nintei.domain.review.SectionText;
import jp.nintei.domain.secondary.Achievement;
import jp.nintei.domain.secondary.RequirementCheck;
import jp.nintei.domain.secondary.Requirements;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.SecondaryApplication;
import jp.nintei.domain.secondary.SecondaryRules;
import jp.nintei.domain.secondary.TrainingEntry;
import jp.nintei.functions.primary.ApplicationJson;
import jp.nintei.service.ApplicationQueries;
import jp.nintei.service.ReviewService;
import jp.nintei.port.ReviewStore;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** 書類審査 data for the secretariat's page, mapped by hand: Japanese labels and JST times, no raw codes. */
final class ReviewJson {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu年M月");
    /** History events in Japanese. */
    static final Map<String, String> EVENTS = Map.of("SUBMITTED", "申請", "EXTENDED", "期限延長", "REOPENED", "差し戻し（再申請の受付）",
            "CONFIRMED_JULY", "7月実績の報告を受領", "CONFIRMED_DUES", "会費の入金を確認", "MARKED", "審査（項目）",
            "RETURNED", "差し戻し（不備の修正依頼）", "DECIDED", "判定", "NOT_SUBMITTED", "未提出（受付終了）");

    private ReviewJson() {}

    static String time(Instant t) { return t == null ? null : ConfirmationMail.JST_LABEL.format(t.atZone(AppClock.JST)); }

    static ObjectNode list(ReviewService.ListView v) {
        ObjectNode o = Json.object().put("year", v.year()).put("application", v.kind().slug()).put("label", v.kind().label())
                .put("total", v.total());
        ObjectNode counts = o.putObject("counts");
        int all = 0;
        for (var e : v.counts().entrySet()) {
            counts.putObject(e.getKey().name()).put("label", e.getKey().label()).put("count", e.getValue());
            all += e.getValue();
        }
        o.put("all", all);
        ArrayNode rows = o.putArray("rows");
        for (ReviewService.ListRow r : v.rows()) {
            ReviewStore.Row x = r.row();
            ReviewState s = x.effectiveState();
            ObjectNode row = rows.addObject().put("memberNo", x.memberNo()).put("state", s.name()).put("stateLabel", s.label())
                    .put("status", x.status().name()).put("statusLabel", ApplicationQueries.statusLabel(x.status()))
                    .put("receiptNo", x.receiptNo()).put("submittedAtLabel", time(x.submittedAt()));
            if (x.extendedUntil() != null) row.put("deadlineLabel", ReviewService.deadlineLabel(x.extendedUntil()));
            if (r.member() != null) row.put("name", r.member().name()).put("kana", r.member().kana());
            else row.put("name", x.name()).put("kana", x.kana());
        }
        if (v.nextOffset() != null) o.put("nextOffset", v.nextOffset());
        return o;
    }

    static ObjectNode screen(ReviewService.Screen s, Directory directory) {
        ReviewStore.Loaded l = s.loaded();
        Member m = l.member();
        Review r = l.review();
        ObjectNode o = Json.object().put("application", s.kind().slug()).put("label", s.kind().label()).put("year", s.year())
                .put("state", s.state().name()).put("stateLabel", s.state().label()).put("reviewVersion", r.version());
        o.putObject("member").put("memberNo", m.memberNo()).put("name", m.name()).put("kana", m.kana()).put("email", m.email())
                .put("writtenExamExempt", m.writtenExamExempt());
        o.put("status", l.status().name()).put("statusLabel", ApplicationQueries.statusLabel(l.status()));
        List<Document> docs;
        if (l.primary() != null) {
            var a = l.primary();
            ApplicationJson.submission(o, a.submittedAt(), a.receiptNo(), a.mail(), null);
            ArrayNode prefs = o.putArray("preferences");
            for (String p : a.preferences()) prefs.add(p == null ? "" : Prefecture.name(p));
            docs = a.documents();
        } else {
            var a = l.secondary();
            ApplicationJson.submission(o, a.submittedAt(), a.receiptNo(), a.mail(), null);
            secondary(o, a, m, directory);
            docs = a.documents();
        }
        if (l.extendedUntil() != null) {
            boolean correction = r.state() == ReviewState.RETURNED && r.request() != null;
            o.putObject("personalDeadline").put("until", l.extendedUntil().toString())
                    .put("label", ReviewService.deadlineLabel(l.extendedUntil()))
                    .put("kind", correction ? "修正期限" : "個別の期限延長");
        }
        ArrayNode documents = o.putArray("documents");
        for (Document d : docs) {
            if (!d.registered()) continue;
            documents.add(ApplicationJson.document(d).put("purposeLabel", d.purpose().label())
                    .put("section", ReviewSection.of(d.purpose()).slug()).put("url", s.documentUrls().get(d.id())));
        }
        ArrayNode sections = o.putArray("sections");
        for (ReviewSection sec : ReviewSection.of(s.kind())) {
            ObjectNode x = sections.addObject().put("section", sec.slug()).put("label", sec.label());
            Review.Mark mark = r.marks().get(sec);
            if (mark != null) {
                x.putObject("mark").put("verdict", mark.deficient() ? "deficient" : "confirmed")
                        .put("verdictLabel", mark.deficient() ? "不備" : "確認済").put("note", mark.note()).put("by", mark.by())
                        .put("atLabel", time(mark.at()));
            }
            SectionText.Change c = s.changes().get(sec);
            if (c != null) {
                ObjectNode ch = x.putObject("change").put("changed", c.changed());
                c.removed().forEach(ch.putArray("removed")::add);
                c.added().forEach(ch.putArray("added")::add);
            }
        }
        if (r.request() != null) {
            ObjectNode q = o.putObject("request").put("until", r.request().until().toString())
                    .put("untilLabel", ReviewService.deadlineLabel(r.request().until())).put("by", r.request().by())
                    .put("atLabel", time(r.request().at()));
            ArrayNode items = q.putArray("items");
            for (Review.Item i : r.request().items()) items.addObject().put("section", i.section().slug()).put("label", i.section().label()).put("note", i.note());
        }
        if (r.decision() != null) {
            o.putObject("decision").put("result", r.decision().accepted() ? "accepted" : "rejected").put("label", r.decision().label())
                    .put("reason", r.decision().reason()).put("by", r.decision().by()).put("atLabel", time(r.decision().at()));
        }
        ArrayNode history = o.putArray("history");
        for (ReviewStore.HistoryEvent e : l.history()) {
            history.addObject().put("atLabel", time(e.at())).put("event", EVENTS.getOrDefault(e.event(), "記録"))
                    .put("by", e.by()).put("note", e.note());
        }
        return o;
    }

    private static void secondary(ObjectNode o, SecondaryApplication a, Member m, Directory directory) {
        ArrayNode reqs = o.putArray("requirements");
        for (RequirementCheck c : Requirements.check(m, a.year(), a.duesInProcess())) {
            reqs.addObject().put("number", c.requirement().number()).put("label", c.requirement().label()).put("met", c.met())
                    .put("flagged", c.flagged()).put("mark", c.met() ? (c.flagged() ? "手続き中" : "✓") : "×").put("detail", c.detail());
        }
        o.put("duesInProcess", a.duesInProcess());
        SectionText.july(a.july()).forEach(o.putArray("july")::add);
        ObjectNode resume = o.putObject("resume");
        rows(resume.putArray("education"), a.resume().education());
        rows(resume.putArray("career"), a.resume().career());
        rows(resume.putArray("qualifications"), a.resume().qualifications());
        if (a.resume().experienceYears() == null) resume.putNull("experienceYears");
        else resume.put("experienceYears", a.resume().experienceYears());
        ArrayNode training = o.putArray("training");
        for (TrainingEntry t : SecondaryRules.resolve(a.training(), directory)) {
            ObjectNode x = training.addObject().put("category", t.category())
                    .put("from", t.from() == null ? null : MONTH.format(t.from())).put("to", t.to() == null ? null : MONTH.format(t.to()))
                    .put("certificateId", t.certificateDocumentId());
            if (t.from() != null && t.to() != null) x.put("months", ChronoUnit.MONTHS.between(t.from(), t.to()) + 1);
            if (t.facility() != null) {
                x.put("facilityNo", t.facility().facilityNo()).put("facilityName", t.facility().name()).put("facilityType", t.facility().type())
                        .put("facilityPeriod", DAY.format(t.facility().validFrom()) + "～" + DAY.format(t.facility().validTo()));
            }
            if (t.supervisor() != null) {
                x.put("supervisorNo", t.supervisor().supervisorNo()).put("supervisorName", t.supervisor().name())
                        .put("qualification", t.supervisor().qualification())
                        .put("supervisorPeriod", DAY.format(t.supervisor().validFrom()) + "～" + DAY.format(t.supervisor().validTo()));
            }
        }
        ArrayNode achievements = o.putArray("achievements");
        for (Achievement x : a.achievements()) {
            achievements.addObject().put("kind", x.kind() == null ? null : x.kind().label()).put("status", x.status())
                    .put("title", x.title()).put("authors", x.authors()).put("venue", x.venue()).put("date", x.date())
                    .put("copyId", x.copyDocumentId());
        }
        o.putObject("identity").put("licenseId", a.identity().licenseId()).put("courseId", a.identity().courseId())
                .put("photoId", a.identity().photoId());
    }

    private static void rows(ArrayNode out, List<Resume.Row> rows) {
        for (Resume.Row r : rows) {
            if ((r.text() == null || r.text().isBlank()) && (r.date() == null || r.date().isBlank())) continue;
            out.addObject().put("date", r.date()).put("text", r.text());
        }
    }

    static ObjectNode review(Review r) {
        return Json.object().put("reviewVersion", r.version()).put("state", r.state().name()).put("stateLabel", r.state().label());
    }

    static boolean submitted(ApplicationStatus s) { return s == ApplicationStatus.SUBMITTED; }
}
