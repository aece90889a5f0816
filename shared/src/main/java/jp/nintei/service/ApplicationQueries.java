package jp.nintei.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.domain.secondary.SecondaryApplication;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationLists;
import jp.nintei.port.AuditLog;
import jp.nintei.port.DocumentStorage;

/** What the secretariat looks at: the list with counts, one application in full, the follow-ups, the audit log. */
public final class ApplicationQueries {
    /** Mail states the follow-up list shows: not sent yet, or SES could not deliver. */
    private static final java.util.Set<MailStatus.State> MAIL_NOT_DELIVERED = java.util.EnumSet.of(MailStatus.State.PENDING,
            MailStatus.State.FAILED, MailStatus.State.BOUNCED, MailStatus.State.COMPLAINED);

    public static final int PAGE = 50;

    public record Row(ApplicationLists.ListRow row, Member member) {}

    public record ListView(int year, ApplicationKind kind, Map<ApplicationStatus, Integer> counts, List<Row> rows, String nextCursor) {}

    /** One application in full, with a short-lived link to every document. */
    public record Detail(Member member, ApplicationKind kind, PrimaryApplication primary, SecondaryApplication secondary,
                         Map<String, String> documentUrls) {}

    private final ApplicationLists lists;
    private final DocumentStorage storage;
    private final AuditLog audit;
    private final Clock clock;

    public ApplicationQueries(ApplicationLists lists, DocumentStorage storage, AuditLog audit, Clock clock) {
        this.lists = lists;
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
    }

    public ListView list(int year, ApplicationKind kind, ApplicationStatus status, String cursor) {
        ApplicationLists.Page page;
        try {
            page = lists.list(year, kind, status, cursor, PAGE);
        } catch (IllegalArgumentException badCursor) {
            throw Rejection.invalid("BAD_CURSOR", "cursor", "ページの指定が正しくありません。一覧を最初から表示し直してください。");
        }
        Map<String, Member> people = lists.members(page.rows().stream().map(ApplicationLists.ListRow::memberNo).toList());
        List<Row> rows = page.rows().stream().map(r -> new Row(r, people.get(r.memberNo()))).toList();
        // counts on the first page only: the next pages keep what the first one showed
        return new ListView(year, kind, cursor == null ? lists.counts(year, kind) : Map.of(), rows, page.nextCursor());
    }

    public Detail detail(int year, ApplicationKind kind, String memberNo) {
        Member m = lists.members(List.of(memberNo)).get(memberNo);
        if (m == null) throw Rejection.notFound("MEMBER_NOT_FOUND", null, "会員番号 " + memberNo + " の会員は登録されていません。");
        PrimaryApplication p = null;
        SecondaryApplication s = null;
        List<Document> docs;
        if (kind.stage() == ApplicationKind.Stage.SECONDARY) {
            s = lists.secondaries(year, kind, List.of(memberNo)).get(memberNo);
            docs = s == null ? List.of() : s.documents();
        } else {
            p = lists.primaries(year, kind, List.of(memberNo)).get(memberNo);
            docs = p == null ? List.of() : p.documents();
        }
        if (p == null && s == null) throw Rejection.notFound("APPLICATION_NOT_FOUND", null, "この会員の" + kind.label() + "はありません。");
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        ApplicationKey key = new ApplicationKey(memberNo, year, kind);
        for (Document d : docs) {
            urls.put(d.id(), storage.presignDownload(DocumentStorage.key(key, d.id()), d.fileName(), d.type().contentType(),
                    DocumentService.PREVIEW_TTL));
        }
        return new Detail(m, kind, p, s, urls);
    }

    /** The detail as {@code actor} opens it: issuing links to an applicant's documents is itself on record. */
    public Detail detail(int year, ApplicationKind kind, String memberNo, String actor) {
        Detail d = detail(year, kind, memberNo);
        if (!d.documentUrls().isEmpty()) {
            try {
                audit.record(new AuditLog.Entry(clock.instant(), actor, "DOCUMENTS_VIEWED", memberNo, kind.slug(), null,
                        "書類 " + d.documentUrls().size() + "件（リンク有効 5分）"));
            } catch (RuntimeException e) {
                jp.nintei.platform.Log.warn("audit", Map.of("event", "DOCUMENTS_VIEWED", "error", e.getClass().getName()));
            }
        }
        return d;
    }

    /** Submitted applications that need the secretariat: July items to be reported, 会費 手続き中. */
    public List<Row> followUps(int year, ApplicationKind kind) {
        List<ApplicationLists.ListRow> all = new ArrayList<>();
        String cursor = null;
        do {
            ApplicationLists.Page page = lists.list(year, kind, ApplicationStatus.SUBMITTED, cursor, 500);
            for (ApplicationLists.ListRow r : page.rows()) {
                if (r.duesInProcess() || (r.july() != null && r.july().needsFollowUp()) || MAIL_NOT_DELIVERED.contains(r.mailState())) all.add(r);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        Map<String, Member> people = lists.members(all.stream().map(ApplicationLists.ListRow::memberNo).toList());
        return all.stream().map(r -> new Row(r, people.get(r.memberNo()))).toList();
    }

    public List<AuditLog.Entry> audit(LocalDate day, String memberNo) {
        if (memberNo != null && !memberNo.isBlank()) return audit.of(jp.nintei.domain.JapaneseText.normalize(memberNo));
        return audit.on(day == null ? AppClock.now(clock).toLocalDate() : day);
    }

    public static String statusLabel(ApplicationStatus s) {
        return switch (s) {
            case DRAFT -> "下書き";
            case SUBMITTED -> "申請済";
            case NOT_SUBMITTED -> "未提出";
        };
    }
}
