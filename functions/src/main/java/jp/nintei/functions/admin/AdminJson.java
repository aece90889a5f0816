package jp.nintei.functions.admin;

import java.util.List;
import jp.nintei.adapter.http.Json;
import jp.nintei.adapter.json.SectionJson;
import jp.nintei.domain.YearWindows;
import jp.nintei.domain.application.ConfirmationMail;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.imports.ImportReport;
import jp.nintei.functions.primary.ApplicationJson;
import jp.nintei.service.ApplicationQueries;
import jp.nintei.service.MemberImport;
import jp.nintei.port.ApplicationLists;
import jp.nintei.port.AuditLog;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The admin page's data, mapped by hand. */
final class AdminJson {
    private AdminJson() {}

    static ObjectNode list(ApplicationQueries.ListView v) {
        ObjectNode o = Json.object().put("year", v.year()).put("application", v.kind().slug()).put("label", v.kind().label());
        if (!v.counts().isEmpty()) {
            ObjectNode counts = o.putObject("counts");
            int total = 0;
            for (var e : v.counts().entrySet()) {
                counts.put(e.getKey().name(), e.getValue());
                total += e.getValue();
            }
            counts.put("ALL", total);
        }
        o.set("rows", rows(v.rows()).get("rows"));
        o.put("nextCursor", v.nextCursor());
        return o;
    }

    static ObjectNode rows(List<ApplicationQueries.Row> list) {
        ObjectNode o = Json.object();
        ArrayNode rows = o.putArray("rows");
        for (ApplicationQueries.Row r : list) {
            ApplicationLists.ListRow x = r.row();
            ObjectNode row = rows.addObject().put("memberNo", x.memberNo()).put("application", x.kind().slug())
                    .put("status", x.status().name()).put("statusLabel", ApplicationQueries.statusLabel(x.status()))
                    .put("receiptNo", x.receiptNo()).put("mailState", x.mailState() == null ? null : x.mailState().name()).put("duesInProcess", x.duesInProcess())
                    .put("confirmedJuly", x.confirmedJuly()).put("confirmedDues", x.confirmedDues())
                    .put("extendedUntil", x.extendedUntil() == null ? null : x.extendedUntil().toString());
            if (x.july() != null) row.set("july", SectionJson.july(x.july()));
            if (x.submittedAt() != null) {
                row.put("submittedAt", x.submittedAt().toString())
                        .put("submittedAtLabel", ConfirmationMail.JST_LABEL.format(x.submittedAt().atZone(jp.nintei.domain.AppClock.JST)));
            }
            if (r.member() != null) row.put("name", r.member().name()).put("kana", r.member().kana());
        }
        return o;
    }

    static ObjectNode detail(ApplicationQueries.Detail d) {
        ObjectNode o = Json.object().put("application", d.kind().slug()).put("label", d.kind().label());
        o.putObject("member").put("memberNo", d.member().memberNo()).put("name", d.member().name()).put("kana", d.member().kana())
                .put("email", d.member().email()).put("writtenExamExempt", d.member().writtenExamExempt());
        List<Document> docs;
        if (d.primary() != null) {
            var a = d.primary();
            o.put("status", a.status().name()).put("statusLabel", ApplicationQueries.statusLabel(a.status()));
            ApplicationJson.submission(o, a.submittedAt(), a.receiptNo(), a.mail(), null);
            ArrayNode prefs = o.putArray("preferences");
            for (String p : a.preferences()) prefs.add(p == null ? "" : jp.nintei.domain.application.Prefecture.name(p));
            docs = a.documents();
        } else {
            var a = d.secondary();
            o.put("status", a.status().name()).put("statusLabel", ApplicationQueries.statusLabel(a.status()));
            ApplicationJson.submission(o, a.submittedAt(), a.receiptNo(), a.mail(), null);
            o.put("duesInProcess", a.duesInProcess());
            o.set("july", SectionJson.july(a.july()));
            o.set("resume", SectionJson.resume(a.resume()));
            o.set("training", SectionJson.training(a.training()));
            o.set("achievements", SectionJson.achievements(a.achievements()));
            o.set("identity", SectionJson.identity(a.identity()));
            docs = a.documents();
        }
        ArrayNode list = o.putArray("documents");
        for (Document doc : docs) {
            ObjectNode x = ApplicationJson.document(doc);
            x.put("purposeLabel", doc.purpose().label()).put("url", d.documentUrls().get(doc.id()));
            list.add(x);
        }
        return o;
    }

    static ObjectNode windows(YearWindows w) {
        ObjectNode o = Json.object().put("year", w.year());
        o.putObject("primary").put("opens", w.primary().opens().toString()).put("closes", w.primary().closes().toString()).put("label", w.primary().label());
        o.putObject("secondary").put("opens", w.secondary().opens().toString()).put("closes", w.secondary().closes().toString()).put("label", w.secondary().label());
        o.putObject("renewal").put("opens", w.renewal().opens().toString()).put("closes", w.renewal().closes().toString()).put("label", w.renewal().label());
        return o;
    }

    static ObjectNode imported(MemberImport.ImportOutcome r) {
        ObjectNode o = Json.object().put("encoding", r.report().encoding()).put("rows", r.report().rows())
                .put("accepted", r.report().accepted().size()).put("updated", r.written().size())
                .put("unchanged", r.report().accepted().size() - r.written().size()).put("accountsQueued", r.accountsQueued());
        ArrayNode rejected = o.putArray("rejected");
        for (ImportReport.Rejected x : r.report().rejected()) rejected.addObject().put("line", x.line()).put("reason", x.reason());
        return o;
    }

    static ObjectNode directoryImported(MemberImport.DirectoryOutcome r) {
        ObjectNode o = Json.object().put("encoding", r.report().encoding()).put("rows", r.report().rows())
                .put("accepted", r.report().accepted().size());
        ArrayNode rejected = o.putArray("rejected");
        for (ImportReport.Rejected x : r.report().rejected()) rejected.addObject().put("line", x.line()).put("reason", x.reason());
        return o;
    }

    static ObjectNode audit(List<AuditLog.Entry> entries) {
        ObjectNode o = Json.object();
        ArrayNode a = o.putArray("entries");
        for (AuditLog.Entry e : entries) {
            a.addObject().put("at", e.at().toString())
                    .put("atLabel", ConfirmationMail.JST_LABEL.format(e.at().atZone(jp.nintei.domain.AppClock.JST)))
                    .put("actor", e.actor()).put("action", e.action()).put("memberNo", e.memberNo())
                    .put("application", e.application()).put("before", e.before()).put("after", e.after());
        }
        return o;
    }


    /** An export job: how far it is, and the link once the file is ready. */
    static ObjectNode export(jp.nintei.service.ExportService.View v) {
        var j = v.job();
        ObjectNode o = Json.object().put("id", j.id()).put("status", j.status().name()).put("stage", j.stage())
                .put("done", j.done()).put("total", j.total()).put("year", j.year()).put("application", j.kind().slug());
        if (j.status() == jp.nintei.port.ExportStore.Status.READY) {
            o.put("rows", j.rows()).put("bytes", j.bytes()).put("url", v.url()).put("fileName", v.fileName());
        }
        if (j.error() != null) o.put("message", j.error());
        return o;
    }
}
