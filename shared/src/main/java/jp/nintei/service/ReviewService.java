package jp.nintei.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.JapaneseText;
import jp.nintei.domain.Member;
import jp.nintei.domain.Site;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.NoticeMail;
import jp.nintei.domain.directory.Directory;
import jp.nintei.domain.directory.SearchText;
import jp.nintei.domain.review.Review;
import jp.nintei.domain.review.ReviewSection;
import jp.nintei.domain.review.ReviewState;
import jp.nintei.domain.review.SectionText;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.AuditLog;
import jp.nintei.port.DocumentStorage;
import jp.nintei.port.Mailer;
import jp.nintei.port.MemberProfiles;
import jp.nintei.port.ReviewStore;

/**
 * 書類審査 (docs/domain.md "After the close"): the whole application on one screen with its documents, marks per
 * section, 差し戻し of the 不備 with a 修正期限, what changed on resubmission, and 受理・不受理. Every action is one
 * conditional write on the application item, guarded by the review's version (two staff at once: the second is
 * told to reload), and is audited.
 */
public final class ReviewService {
    public static final int PAGE = 50;

    /** The review screen: the application as submitted, document links, the review, and changes since the 差し戻し. */
    public record Screen(ApplicationKind kind, int year, ReviewStore.Loaded loaded, ReviewState state, Map<String, String> documentUrls,
                         Map<ReviewSection, SectionText.Change> changes) {}

    public record ListRow(ReviewStore.Row row, Member member) {}

    /** One page of the review list, the counts of every state (the year's 受理/不受理 among them) and the next page. */
    public record ListView(int year, ApplicationKind kind, Map<ReviewState, Integer> counts, List<ListRow> rows, int total,
                           Integer nextOffset) {}

    private final ReviewStore reviews;
    private final MemberProfiles profiles;
    private final AuditLog audit;
    private final DocumentStorage storage;
    private final Mailer mailer;
    private final Supplier<Directory> directory;
    /** named in the 差し戻し mail */
    private final Site site;
    private final Clock clock;

    public ReviewService(ReviewStore reviews, MemberProfiles profiles, AuditLog audit, DocumentStorage storage, Mailer mailer, Supplier<Directory> directory,
                         Site site, Clock clock) {
        this.reviews = reviews;
        this.profiles = profiles;
        this.audit = audit;
        this.storage = storage;
        this.mailer = mailer;
        this.directory = directory;
        this.site = site;
        this.clock = clock;
    }

    // ---------- the list
    public ListView list(int year, ApplicationKind kind, String state, String query, int offset) {
        List<ReviewStore.Row> all = reviews.rows(year, kind);
        Map<ReviewState, Integer> counts = new EnumMap<>(ReviewState.class);
        for (ReviewState s : ReviewState.values()) counts.put(s, 0);
        for (ReviewStore.Row r : all) counts.merge(r.effectiveState(), 1, Integer::sum);
        ReviewState only = state == null || state.isBlank() || "ALL".equals(state) ? null : ReviewState.parse(state);
        if (only == null && state != null && !state.isBlank() && !"ALL".equals(state)) {
            throw Rejection.invalid("BAD_STATE", "state", "審査状態の指定が正しくありません。");
        }
        List<ReviewStore.Row> rows = only == null ? all : all.stream().filter(r -> r.effectiveState() == only).toList();
        Map<String, Member> people = new java.util.HashMap<>();
        String q = JapaneseText.normalize(query);
        if (q != null && !q.isBlank()) {
            String digits = q.replaceAll("\\s", "");
            if (digits.matches("[0-9]+")) {
                rows = rows.stream().filter(r -> r.memberNo().contains(digits)).toList();
            } else {
                // 氏名・ふりがな: full/half width, katakana/hiragana and spaces folded alike (as the directory search);
                // the names kept at submission are in the list itself, profiles are read only for rows without them
                String key = SearchText.fold(query);
                people.putAll(profiles.members(rows.stream().filter(r -> r.name() == null).map(ReviewStore.Row::memberNo).toList()));
                rows = rows.stream().filter(r -> {
                    Member m = people.get(r.memberNo());
                    String name = r.name() != null ? r.name() : m == null ? null : m.name();
                    String kana = r.kana() != null ? r.kana() : m == null ? null : m.kana();
                    return SearchText.fold(name).contains(key) || SearchText.fold(kana).contains(key);
                }).toList();
            }
        }
        int from = Math.max(0, Math.min(offset, rows.size()));
        List<ReviewStore.Row> page = rows.subList(from, Math.min(rows.size(), from + PAGE));
        List<String> unnamed = page.stream().filter(r -> r.name() == null && !people.containsKey(r.memberNo()))
                .map(ReviewStore.Row::memberNo).toList();
        if (!unnamed.isEmpty()) people.putAll(profiles.members(unnamed));
        List<ListRow> out = new ArrayList<>();
        for (ReviewStore.Row r : page) {
            Member m = people.get(r.memberNo());
            out.add(new ListRow(r, r.name() == null ? m : null));
        }
        return new ListView(year, kind, counts, out, rows.size(), from + PAGE < rows.size() ? from + PAGE : null);
    }

    // ---------- the screen
    public Screen open(int year, ApplicationKind kind, String memberNo, String actor) {
        ApplicationKey key = new ApplicationKey(memberNo, year, kind);
        ReviewStore.Loaded l = load(key);
        List<Document> docs = l.primary() != null ? l.primary().documents() : l.secondary().documents();
        Map<String, String> urls = new LinkedHashMap<>();
        for (Document d : docs) {
            urls.put(d.id(), storage.presignDownload(DocumentStorage.key(key, d.id()), d.fileName(), d.type().contentType(),
                    DocumentService.PREVIEW_TTL));
        }
        boolean submitted = l.status() == jp.nintei.domain.ApplicationStatus.SUBMITTED;
        Map<ReviewSection, SectionText.Change> changes = Map.of();
        Review.ReturnRequest req = l.review().request();
        if (req != null && submitted && l.review().state() == ReviewState.RETURNED) {
            changes = SectionText.diff(req.before(), sections(l));
        }
        if (!docs.isEmpty()) {
            // viewing an applicant's documents is itself on record (who opened whose, when)
            try {
                audit.record(new AuditLog.Entry(clock.instant(), actor, "DOCUMENTS_VIEWED", memberNo, kind.slug(), null,
                        "書類 " + docs.size() + "件（リンク有効 5分）"));
            } catch (RuntimeException e) {
                jp.nintei.platform.Log.warn("audit", Map.of("event", "DOCUMENTS_VIEWED", "error", e.getClass().getName()));
            }
        }
        return new Screen(kind, year, l, ReviewState.effective(l.review().state(), submitted), urls, changes);
    }

    private Map<ReviewSection, List<String>> sections(ReviewStore.Loaded l) {
        return l.primary() != null ? SectionText.of(l.primary()) : SectionText.of(l.secondary(), directory.get());
    }

    // ---------- marks
    public Review mark(int year, ApplicationKind kind, String memberNo, String sectionSlug, String verdict, String note, long version,
                       String actor) {
        ApplicationKey key = new ApplicationKey(memberNo, year, kind);
        ReviewSection section = ReviewSection.fromSlug(sectionSlug);
        if (section == null || !ReviewSection.of(kind).contains(section)) {
            throw Rejection.invalid("BAD_SECTION", "section", "審査する項目が正しくありません。");
        }
        boolean deficient;
        if ("deficient".equals(verdict)) deficient = true;
        else if ("confirmed".equals(verdict)) deficient = false;
        else throw Rejection.invalid("BAD_VERDICT", "verdict", "「確認済」か「不備」を選んでください。");
        String n = note == null ? null : note.strip();
        if (deficient && (n == null || n.isEmpty())) {
            throw Rejection.invalid("NOTE_REQUIRED", "note", "不備の内容を入力してください（申請者への修正依頼になります）。");
        }
        ReviewStore.Loaded l = load(key);
        requireSubmitted(l);
        Review r = current(l, version);
        if (r.decision() != null) throw decided(r);
        Instant now = clock.instant();
        Map<ReviewSection, Review.Mark> marks = new EnumMap<>(ReviewSection.class);
        marks.putAll(r.marks());
        marks.put(section, new Review.Mark(section, deficient, n == null || n.isEmpty() ? null : n, actor, now));
        Review after = new Review(ReviewState.IN_REVIEW, r.version() + 1, marks, r.request(), null);
        String what = section.label() + "：" + (deficient ? "不備" : "確認済") + (n == null || n.isEmpty() ? "" : "（" + n + "）");
        outcome(reviews.mark(key, after, new ReviewStore.HistoryEvent(now, "MARKED", actor, what)));
        audit(actor, "REVIEW_MARKED", memberNo, kind, null, what);
        return after;
    }

    // ---------- 差し戻し
    public Review sendBack(int year, ApplicationKind kind, String memberNo, String until, long version, String actor) {
        ApplicationKey key = new ApplicationKey(memberNo, year, kind);
        LocalDate last = until == null ? null : jp.nintei.domain.secondary.JapaneseDate.parse(until);
        if (last == null) throw Rejection.invalid("BAD_DATE", "until", "修正期限は 2026-07-15 の形式で入力してください。");
        ZonedDateTime now = AppClock.now(clock);
        if (last.isBefore(now.toLocalDate())) {
            throw Rejection.invalid("DEADLINE_PAST", "until", "修正期限が過ぎた日付です。今日以降の日付を入力してください。");
        }
        ReviewStore.Loaded l = load(key);
        requireSubmitted(l);
        Review r = current(l, version);
        if (r.decision() != null) throw decided(r);
        List<Review.Item> items = new ArrayList<>();
        for (ReviewSection s : ReviewSection.of(kind)) {
            Review.Mark m = r.marks().get(s);
            if (m != null && m.deficient()) items.add(new Review.Item(s, m.note()));
        }
        if (items.isEmpty()) {
            throw Rejection.conflict("NO_DEFICIENCY", "marks", "「不備」の項目がありません。差し戻す項目を「不備」にして内容を入力してください。");
        }
        Set<String> open = new LinkedHashSet<>();
        items.forEach(i -> open.add(i.section().slug()));
        Review.ReturnRequest request = new Review.ReturnRequest(items, last, actor, now.toInstant(), sections(l));
        Review after = new Review(ReviewState.RETURNED, r.version() + 1, r.marks(), request, null);
        String summary = deadlineLabel(last) + "まで：" + String.join("／", items.stream().map(i -> i.section().label() + "（" + i.note() + "）").toList());
        outcome(reviews.sendBack(key, after, last, open, new ReviewStore.HistoryEvent(now.toInstant(), "RETURNED", actor, summary),
                now.toInstant()));
        audit(actor, "REVIEW_RETURNED", memberNo, kind, "申請済", "不備あり（修正期限 " + summary + "）");
        mailReturn(l.member(), kind, request, now.toInstant());
        return after;
    }

    /** {@code 2026年7月15日 23:59}: the last moment of a JST day, as every deadline is shown. */
    public static String deadlineLabel(LocalDate last) { return NoticeMail.deadlineLabel(last); }

    private void mailReturn(Member m, ApplicationKind kind, Review.ReturnRequest request, Instant at) {
        if (m.email() == null) return;
        NoticeMail.Content returned = NoticeMail.returned(m, kind, request, site);
        try {
            mailer.send(new Mailer.Mail("returned-" + kind.name() + "-" + m.memberNo() + "-" + at.toEpochMilli(), m.email(),
                    returned.subject(), returned.body()));
        } catch (Mailer.NotSent e) {
            throw new Rejection(Rejection.Kind.MAIL_NOT_SENT, "MAIL_NOT_SENT", null, "差し戻しは登録しました（申請者のページに表示されます）が、メールを送信できませんでした。"
                    + "時間をおいて申請者へご連絡ください。");
        }
    }

    // ---------- 受理・不受理
    public Review decide(int year, ApplicationKind kind, String memberNo, String result, String reason, long version, String actor) {
        ApplicationKey key = new ApplicationKey(memberNo, year, kind);
        boolean accepted;
        if ("accepted".equals(result)) accepted = true;
        else if ("rejected".equals(result)) accepted = false;
        else throw Rejection.invalid("BAD_DECISION", "result", "「受理」か「不受理」を選んでください。");
        String why = reason == null ? null : reason.strip();
        if (!accepted && (why == null || why.isEmpty())) {
            throw Rejection.invalid("REASON_REQUIRED", "reason", "不受理の理由を入力してください（記録されます）。");
        }
        ReviewStore.Loaded l = load(key);
        // a 差し戻し the applicant let lapse (修正期限 passed without a resubmission) can still end 不受理
        boolean lapsed = !accepted && correctionLapsed(l);
        if (!lapsed) requireSubmitted(l);
        Review r = current(l, version);
        if (r.decision() != null) throw decided(r);
        if (accepted) {
            List<String> open = new ArrayList<>();
            for (ReviewSection s : ReviewSection.of(kind)) {
                Review.Mark m = r.marks().get(s);
                if (m == null || m.deficient()) open.add(s.label());
            }
            if (!open.isEmpty()) {
                throw Rejection.conflict("NOT_ALL_CONFIRMED", "marks", "受理するには、すべての項目を「確認済」にしてください（未確認・不備："
                        + String.join("、", open) + "）。");
            }
        }
        Instant now = clock.instant();
        Review.Decision d = new Review.Decision(accepted, why == null || why.isEmpty() ? null : why, actor, now);
        Review after = new Review(accepted ? ReviewState.ACCEPTED : ReviewState.REJECTED, r.version() + 1, r.marks(), r.request(), d);
        String what = d.label() + (d.reason() == null ? "" : "（" + d.reason() + "）");
        ReviewStore.HistoryEvent event = new ReviewStore.HistoryEvent(now, "DECIDED", actor, what);
        outcome(lapsed ? reviews.decideLapsed(key, after, event) : reviews.decide(key, after, event));
        audit(actor, "REVIEW_DECIDED", memberNo, kind, null, what);
        return after;
    }

    // ---------- helpers
    private ReviewStore.Loaded load(ApplicationKey key) {
        ReviewStore.Loaded l = reviews.load(key);
        if (l.member() == null) {
            throw Rejection.notFound("MEMBER_NOT_FOUND", null, "会員番号 " + key.memberNo() + " の会員は登録されていません。");
        }
        if (l.primary() == null && l.secondary() == null) {
            throw Rejection.notFound("APPLICATION_NOT_FOUND", null, "この会員の" + key.kind().label() + "はありません。");
        }
        return l;
    }

    /** Sent back (不備あり), not resubmitted, and the 修正期限's last day (JST) is over. */
    private boolean correctionLapsed(ReviewStore.Loaded l) {
        return l.review().state() == ReviewState.RETURNED && l.status() != jp.nintei.domain.ApplicationStatus.SUBMITTED
                && l.extendedUntil() != null
                && jp.nintei.domain.AppClock.now(clock).toLocalDate().isAfter(l.extendedUntil());
    }

    private static void requireSubmitted(ReviewStore.Loaded l) {
        if (l.status() != jp.nintei.domain.ApplicationStatus.SUBMITTED) throw notSubmitted();
    }

    private static Rejection notSubmitted() {
        return Rejection.conflict("NOT_SUBMITTED", null, "この申請は申請済みではありません（下書き・差し戻し中・未提出）。"
                + "申請者が申請（再申請）してから審査してください。");
    }

    /** The review the screen showed must still be the stored one: otherwise someone else changed it meanwhile. */
    private static Review current(ReviewStore.Loaded l, long version) {
        if (l.review().version() != version) throw stale();
        return l.review();
    }

    private static Rejection stale() {
        return Rejection.conflict("STALE_REVIEW", null, "ほかの職員がこの申請の審査を更新しました。画面を再読み込みして、最新の内容を確認してから操作してください。");
    }

    private static Rejection decided(Review r) {
        return Rejection.conflict("ALREADY_DECIDED", null, "この申請は" + r.decision().label() + "として判定済みのため、審査を変更できません。");
    }

    private static void outcome(ReviewStore.Outcome o) {
        switch (o) {
            case DONE -> { }
            case STALE -> throw stale();
            case NOT_SUBMITTED -> throw notSubmitted();
        }
    }

    private void audit(String actor, String action, String memberNo, ApplicationKind kind, String before, String after) {
        audit.record(new AuditLog.Entry(clock.instant(), actor, action, memberNo, kind.slug(), before, after));
    }
}
