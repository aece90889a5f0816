package jp.nintei.functions.secondary;

import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.nintei.adapter.http.Json;
import jp.nintei.adapter.json.SectionJson;
import jp.nintei.domain.Member;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.Problem;
import jp.nintei.domain.directory.Directory;
import jp.nintei.domain.secondary.Achievement;
import jp.nintei.domain.secondary.RequirementCheck;
import jp.nintei.domain.secondary.SecondaryApplication;
import jp.nintei.domain.secondary.SecondaryRules;
import jp.nintei.domain.secondary.TrainingEntry;
import jp.nintei.functions.primary.ApplicationJson;
import jp.nintei.service.SecondaryApplicationService;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The 二次申請 pages' data, mapped by hand. */
final class SecondaryJson {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu年M月d日");

    private SecondaryJson() {}

    static ObjectNode view(SecondaryApplicationService.View v, Directory directory) {
        SecondaryApplication app = v.snapshot().application();
        Member m = v.snapshot().member();
        SecondaryRules.Evaluation e = v.evaluation();
        ObjectNode o = Json.object();
        o.put("application", app.kind().slug()).put("label", app.kind().label()).put("year", app.year());
        o.putObject("applicant").put("memberNo", m.memberNo()).put("name", m.name()).put("kana", m.kana()).put("email", m.email());
        o.putObject("window").put("label", v.snapshot().windows().windowFor(app.kind()).label()).put("open", v.windowOpen());
        correction(o, v);
        o.put("status", app.status().name()).put("version", app.version()).put("duesInProcess", app.duesInProcess());
        o.set("july", SectionJson.july(app.july()));
        ArrayNode reqs = o.putArray("requirements");
        for (RequirementCheck c : e.requirements()) {
            reqs.addObject().put("id", c.requirement().name()).put("number", c.requirement().number())
                    .put("label", c.requirement().label()).put("met", c.met()).put("flagged", c.flagged()).put("detail", c.detail());
        }
        ObjectNode sections = o.putObject("sections");
        section(sections, "resume", SecondaryRules.Section.RESUME, e).set("data", SectionJson.resume(app.resume()));
        ObjectNode training = section(sections, "training", SecondaryRules.Section.TRAINING, e);
        ArrayNode entries = training.putObject("data").putArray("entries");
        List<TrainingEntry> resolved = SecondaryRules.resolve(app.training(), directory);
        ArrayNode stored = SectionJson.training(app.training());
        for (int i = 0; i < resolved.size(); i++) {
            ObjectNode x = (ObjectNode) stored.get(i);
            TrainingEntry t = resolved.get(i);
            if (t.facility() != null) {
                x.put("facilityName", t.facility().name())
                        .put("facilityPeriod", DAY.format(t.facility().validFrom()) + "～" + DAY.format(t.facility().validTo()));
            }
            if (t.supervisor() != null) {
                x.put("supervisorName", t.supervisor().name())
                        .put("supervisorPeriod", DAY.format(t.supervisor().validFrom()) + "～" + DAY.format(t.supervisor().validTo()));
            }
            entries.add(x);
        }
        section(sections, "achievements", SecondaryRules.Section.ACHIEVEMENTS, e).putObject("data")
                .set("items", SectionJson.achievements(app.achievements()));
        section(sections, "identity", SecondaryRules.Section.IDENTITY, e).set("data", SectionJson.identity(app.identity()));
        ArrayNode docs = o.putArray("documents");
        for (Document d : app.documents()) docs.add(ApplicationJson.document(d));
        o.put("canSubmit", e.canSubmit());
        ArrayNode problems = o.putArray("problems");
        for (Problem p : e.allProblems()) problems.addObject().put("code", p.code()).put("field", p.field()).put("message", p.message());
        ObjectNode options = o.putObject("options");
        ArrayNode cats = options.putArray("categories");
        TrainingEntry.CATEGORIES.forEach(cats::add);
        ArrayNode kinds = options.putArray("achievementKinds");
        for (Achievement.Kind k : Achievement.Kind.values()) kinds.addObject().put("code", k.name()).put("label", k.label());
        ArrayNode statuses = options.putArray("achievementStatuses");
        Achievement.STATUSES.forEach(statuses::add);
        options.put("lastMonth", app.year() + "-06").put("lastMonthWithJuly", app.year() + "-07");
        ApplicationJson.submission(o, app.submittedAt(), app.receiptNo(), app.mail(), v.mailSent());
        return o;
    }

    /**
     * The applicant's own deadline (an individual extension or a 修正期限) beside the window, and after a 差し戻し the
     * itemised 不備: only those sections are open.
     */
    static void correction(ObjectNode o, SecondaryApplicationService.View v) {
        var app = v.snapshot().application();
        ApplicationJson.correction(o, v.snapshot().correction(), v.snapshot().windows().windowFor(app.kind()), app.submitted());
    }

    private static ObjectNode section(ObjectNode sections, String name, SecondaryRules.Section s, SecondaryRules.Evaluation e) {
        ObjectNode o = sections.putObject(name).put("label", s.label()).put("complete", e.complete(s));
        ArrayNode p = o.putArray("problems");
        for (Problem x : e.sections().get(s)) p.addObject().put("code", x.code()).put("field", x.field()).put("message", x.message());
        return o;
    }
}
