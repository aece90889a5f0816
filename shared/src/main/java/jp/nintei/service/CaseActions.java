package jp.nintei.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Member;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.Site;
import jp.nintei.domain.application.NoticeMail;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.AuditLog;
import jp.nintei.port.CaseActionStore;
import jp.nintei.port.Mailer;
import jp.nintei.port.MemberProfiles;
import jp.nintei.port.StoredWindows;

/**
 * The secretariat's actions on one application: 個別の期限延長, 差し戻し (reopening for correction), confirming a
 * follow-up (7月実績・会費), resending the confirmation mail. Each is written to the item's history and the audit log.
 */
public final class CaseActions {
    /** Sends a submission's confirmation mail again now; false when it stays queued for the retry schedule. */
    @FunctionalInterface
    public interface ConfirmationResend {
        boolean resend(ApplicationKey key);

        /** The confirmation as composed for the submission, through the one mail path. */
        static ConfirmationResend through(ConfirmationMails confirmations, MailService mail) {
            return key -> confirmations.forKey(key).map(mail::send).orElse(false);
        }
    }

    private final CaseActionStore store;
    private final MemberProfiles profiles;
    private final StoredWindows windows;
    private final AuditLog audit;
    private final Mailer mailer;
    private final ConfirmationResend resend;
    /** named in the extension and reopening mails */
    private final Site site;
    private final Clock clock;

    public CaseActions(CaseActionStore store, MemberProfiles profiles, StoredWindows windows, AuditLog audit, Mailer mailer,
                       ConfirmationResend resend, Site site, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.windows = windows;
        this.audit = audit;
        this.mailer = mailer;
        this.resend = resend;
        this.site = site;
        this.clock = clock;
    }

    /** 個別の期限延長 (recorded in the item's history and the audit). */
    public void extend(int year, ApplicationKind kind, String memberNo, String until, String reason, String actor) {
        LocalDate last = requiredDate(until, "until");
        LocalDate closes = windows.windows(year).windowFor(kind).closes();
        if (!last.isAfter(closes)) {
            // an extension that ends on or before the close would change nothing: say so instead of accepting it
            throw Rejection.invalid("EXTENSION_NOT_AFTER_CLOSE", "until", "延長後の期限は受付期間の終了日（" + closes.getYear() + "年"
                    + closes.getMonthValue() + "月" + closes.getDayOfMonth() + "日）より後の日付を入力してください。");
        }
        String why = requiredText(reason, "reason", "延長の理由を入力してください。");
        member(memberNo).orElseThrow(() -> Rejection.notFound("MEMBER_NOT_FOUND", null, "会員番号 " + memberNo + " の会員は登録されていません。"));
        store.extend(new ApplicationKey(memberNo, year, kind), last, why, actor, clock.instant());
        audit.record(new AuditLog.Entry(clock.instant(), actor, "DEADLINE_EXTENDED", memberNo, kind.slug(), null,
                last + "まで：" + why));
        mailExtension(member(memberNo).orElse(null), kind, year, last);
    }

    /** The applicant is told their own deadline (best effort: the extension stands, and the menu shows it either way). */
    private void mailExtension(Member m, ApplicationKind kind, int year, LocalDate last) {
        if (m == null || m.email() == null) return;
        NoticeMail.Content c = NoticeMail.extension(m, kind, year, last, site);
        try {
            mailer.send(new Mailer.Mail("extended-" + year + "-" + kind.name() + "-" + m.memberNo() + "-" + last, m.email(),
                    c.subject(), c.body()));
        } catch (Mailer.NotSent e) {
            jp.nintei.platform.Log.warn("extension-mail", Map.of("memberNo", m.memberNo(), "error", e.getMessage()));
        }
    }

    /** Reopens a submitted application for correction until {@code until}; the applicant is mailed the reason. */
    public void reopen(int year, ApplicationKind kind, String memberNo, String until, String reason, String actor) {
        LocalDate last = requiredDate(until, "until");
        String why = requiredText(reason, "reason", "差し戻しの理由を入力してください（申請者にメールで伝わります）。");
        Member m = member(memberNo).orElseThrow(() -> Rejection.notFound("MEMBER_NOT_FOUND", null, "会員番号 " + memberNo + " の会員は登録されていません。"));
        if (!store.reopen(new ApplicationKey(memberNo, year, kind), last, why, actor, clock.instant())) {
            throw Rejection.conflict("NOT_SUBMITTED", null, "申請済みの申請だけを差し戻せます。");
        }
        audit.record(new AuditLog.Entry(clock.instant(), actor, "REOPENED", memberNo, kind.slug(), "申請済", "下書き（" + last + "まで）：" + why));
        NoticeMail.Content c = NoticeMail.reopened(m, kind, why, last, site);
        try {
            mailer.send(new Mailer.Mail("reopened-" + year + "-" + kind.name() + "-" + memberNo + "-" + clock.instant().toEpochMilli(),
                    m.email(), c.subject(), c.body()));
        } catch (Mailer.NotSent e) {
            throw new Rejection(Rejection.Kind.MAIL_NOT_SENT, "MAIL_NOT_SENT", null, "差し戻しは登録しましたが、メールを送信できませんでした。時間をおいて申請者へご連絡ください。");
        }
    }

    /** Marks a follow-up confirmed: {@code july} (7月実績の報告を受領) or {@code dues} (会費の入金を確認). */
    public void confirm(int year, ApplicationKind kind, String memberNo, String what, String note, String actor) {
        String field = switch (what == null ? "" : what) {
            case "july" -> "July";
            case "dues" -> "Dues";
            default -> throw Rejection.invalid("BAD_FOLLOW_UP", "what", "確認する項目が正しくありません。");
        };
        String n = jp.nintei.domain.JapaneseText.asTyped(note, true);
        if (!store.confirm(new ApplicationKey(memberNo, year, kind), field, n, actor, clock.instant())) {
            throw Rejection.notFound("APPLICATION_NOT_FOUND", null, "この会員の" + kind.label() + "はありません。");
        }
        audit.record(new AuditLog.Entry(clock.instant(), actor, "CONFIRMED_" + field.toUpperCase(java.util.Locale.ROOT), memberNo,
                kind.slug(), null, n));
    }

    /** Sends a submission's confirmation mail again (e.g. the member did not receive it). */
    public boolean resendMail(int year, ApplicationKind kind, String memberNo, String actor) {
        ApplicationKey key = new ApplicationKey(memberNo, year, kind);
        if (!store.markMailPending(key, clock.instant())) throw Rejection.conflict("NOT_SUBMITTED", null, "申請済みの申請だけ確認メールを再送できます。");
        boolean sent = resend.resend(key);
        audit.record(new AuditLog.Entry(clock.instant(), actor, "MAIL_RESENT", memberNo, kind.slug(), null, sent ? "送信済" : "再送待ち"));
        return sent;
    }

    private static LocalDate requiredDate(String typed, String field) {
        LocalDate d = typed == null ? null : jp.nintei.domain.secondary.JapaneseDate.parse(typed);
        if (d == null) throw Rejection.invalid("BAD_DATE", field, "期限は 2026-05-15 の形式で入力してください。");
        return d;
    }

    private static String requiredText(String typed, String field, String message) {
        // free text (mailed to the applicant, kept in the audit): as typed, never NFKC; control characters removed
        String t = jp.nintei.domain.JapaneseText.asTyped(typed, true);
        if (t == null || t.isEmpty()) throw Rejection.invalid("REASON_REQUIRED", field, message);
        return t;
    }

    private Optional<Member> member(String memberNo) { return Optional.ofNullable(profiles.members(List.of(memberNo)).get(memberNo)); }
}
