package jp.nintei.service;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.nintei.adapter.http.ApiException;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Messages;
import jp.nintei.domain.application.ConfirmationMail;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.domain.application.PrimaryRules;
import jp.nintei.domain.application.Problem;
import jp.nintei.store.ApplicationKey;
import jp.nintei.store.ApplicationStore;

/** 一次申請: read, save the draft, submit (irreversible, idempotent), confirmation mail. */
public final class PrimaryApplicationService {
    public record View(ApplicationStore.Snapshot snapshot, boolean windowOpen, List<Problem> missing, Boolean mailSent) {}

    private final ApplicationStore store;
    private final MailService mail;
    private final WindowCache windows;
    private final Clock clock;

    public PrimaryApplicationService(ApplicationStore store, MailService mail, WindowCache windows, Clock clock) {
        this.store = store;
        this.mail = mail;
        this.windows = windows;
        this.clock = clock;
    }

    public View read(String memberNo, ApplicationKind kind) {
        ApplicationStore.Snapshot s = load(key(memberNo, kind));
        return view(s, null);
    }

    /** Saves 第一〜第三希望 of the draft at {@code version}; returns the new version. */
    public long save(String memberNo, ApplicationKind kind, long version, List<String> typedPreferences) {
        ZonedDateTime now = AppClock.now(clock);
        ApplicationKey key = key(memberNo, kind, now);
        requireOpen(key, now);
        List<Problem> problems = new ArrayList<>();
        List<String> codes = PrimaryRules.normalizePreferences(typedPreferences, problems);
        if (!problems.isEmpty()) {
            Problem first = problems.get(0);
            throw new ApiException(400, first.code(), first.field(), first.message(), problems);
        }
        try {
            return store.saveDraft(key, version, codes, now.toInstant());
        } catch (ApplicationStore.Conflict c) {
            throw conflict(c);
        }
    }

    /**
     * Submits the draft the applicant confirmed ({@code version}). A second submit answers with the first
     * submission; the submission stands even when the mail cannot be sent now.
     */
    public View submit(String memberNo, ApplicationKind kind, long version) {
        ZonedDateTime now = AppClock.now(clock);
        ApplicationKey key = key(memberNo, kind, now);
        ApplicationStore.Snapshot s = load(key);
        if (s.application().submitted()) {
            ApplicationStore.Snapshot settled = settled(key, s, x -> x.application().mail());
            return view(settled, mailSent(settled.application().mail()));
        }
        if (!store.openFor(key, s.windows(), now)) throw new ApiException(403, "WINDOW_CLOSED", Messages.WINDOW_CLOSED);
        if (s.application().version() != version) throw conflict(new ApplicationStore.Conflict(ApplicationStore.Conflict.Reason.STALE));
        List<Problem> missing = PrimaryRules.missing(s.application(), s.member());
        if (!missing.isEmpty()) throw new ApiException(422, "INCOMPLETE", null, Messages.INCOMPLETE, missing);
        PrimaryApplication app = s.application();
        // one id per submission (a reopened application's resubmission is another mail)
        String mailId = ConfirmationMail.mailId(app) + "-v" + version;
        try {
            store.submit(key, version, ConfirmationMail.receiptNo(app), mailId, now.toInstant(), s.member());
        } catch (ApplicationStore.Conflict c) {
            if (c.reason() == ApplicationStore.Conflict.Reason.SUBMITTED) {
                // a parallel submit won: answer with that submission, never a second one
                ApplicationStore.Snapshot again = settled(key, load(key), x -> x.application().mail());
                return view(again, mailSent(again.application().mail()));
            }
            throw conflict(c);
        }
        boolean audited = audit(key, ConfirmationMail.receiptNo(app), version, now);
        // the conditional update succeeded, so the stored item is exactly this: no second read
        PrimaryApplication submitted = new PrimaryApplication(app.memberNo(), app.year(), app.kind(),
                jp.nintei.domain.ApplicationStatus.SUBMITTED, version + 1, app.preferences(), app.documents(),
                now.toInstant(), ConfirmationMail.receiptNo(app), new MailStatus(mailId, MailStatus.State.PENDING, 0, null));
        ApplicationStore.Snapshot after = new ApplicationStore.Snapshot(s.member(), s.windows(), submitted);
        boolean sent = mail.send(ConfirmationMails.primary(after), audited);
        if (sent) {
            submitted = new PrimaryApplication(submitted.memberNo(), submitted.year(), submitted.kind(), submitted.status(),
                    submitted.version(), submitted.preferences(), submitted.documents(), submitted.submittedAt(),
                    submitted.receiptNo(), new MailStatus(mailId, MailStatus.State.SENT, 1, now.toInstant()));
        }
        return view(new ApplicationStore.Snapshot(s.member(), s.windows(), submitted), sent);
    }

    /** How long a repeated or losing submit waits for the winning request's first attempt to send the mail. */
    static final java.time.Duration MAIL_WAIT = java.time.Duration.ofSeconds(3);

    /**
     * The true mail state for a request that did not send the mail itself (a double submit's loser, a repeat):
     * while the winner's first attempt is still under way (pending, no attempt yet) it reads again for up to
     * {@link #MAIL_WAIT}, so that it does not answer "not sent" for a mail that is going out that moment.
     */
    private ApplicationStore.Snapshot settled(ApplicationKey key, ApplicationStore.Snapshot s,
                                              java.util.function.Function<ApplicationStore.Snapshot, MailStatus> mailOf) {
        return settle(s, () -> load(key), mailOf);
    }

    static <T> T settle(T first, java.util.function.Supplier<T> reload, java.util.function.Function<T, MailStatus> mailOf) {
        T s = first;
        long until = System.nanoTime() + MAIL_WAIT.toNanos();
        while (firstAttemptUnderWay(mailOf.apply(s)) && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            s = reload.get();
        }
        return s;
    }

    private static boolean firstAttemptUnderWay(MailStatus m) { return m != null && m.pending() && m.attempts() == 0; }

    /** Sent → true; an attempt failed (the schedule retries) → false; still being sent → null (the page shows mailState). */
    static Boolean mailSent(MailStatus m) {
        if (m == null) return null;
        if (m.state() == MailStatus.State.SENT) return true;
        return firstAttemptUnderWay(m) ? null : Boolean.FALSE;
    }

    private View view(ApplicationStore.Snapshot s, Boolean mailSent) {
        windows.put(s.windows());
        ZonedDateTime now = AppClock.now(clock);
        var app = s.application();
        boolean open = store.openFor(new ApplicationKey(app.memberNo(), app.year(), app.kind()), s.windows(), now);
        return new View(s, open, PrimaryRules.missing(s.application(), s.member()), mailSent);
    }

    private ApplicationStore.Snapshot load(ApplicationKey key) {
        return store.load(key).orElseThrow(() -> new ApiException(404, "MEMBER_NOT_FOUND", Messages.MEMBER_NOT_FOUND));
    }

    private void requireOpen(ApplicationKey key, ZonedDateTime now) {
        if (!store.openFor(key, windows.get(key.year()), now)) {
            throw new ApiException(403, "WINDOW_CLOSED", Messages.WINDOW_CLOSED);
        }
    }

    static ApiException conflict(ApplicationStore.Conflict c) {
        return switch (c.reason()) {
            case SUBMITTED -> new ApiException(409, "ALREADY_SUBMITTED", Messages.ALREADY_SUBMITTED);
            case STALE -> new ApiException(409, "STALE_VERSION", Messages.STALE_VERSION);
            case MISSING -> new ApiException(404, "DOCUMENT_NOT_FOUND", Messages.DOCUMENT_NOT_FOUND);
            case CLOSED -> new ApiException(403, "WINDOW_CLOSED", Messages.WINDOW_CLOSED);
            case LOCKED -> new ApiException(409, "NOT_REQUESTED", Messages.NOT_REQUESTED);
        };
    }

    private ApplicationKey key(String memberNo, ApplicationKind kind) { return key(memberNo, kind, AppClock.now(clock)); }

    private static ApplicationKey key(String memberNo, ApplicationKind kind, ZonedDateTime now) {
        if (kind.stage() != ApplicationKind.Stage.PRIMARY) {
            throw new ApiException(404, "NOT_FOUND", Messages.NOT_THIS_APPLICATION);
        }
        return new ApplicationKey(memberNo, now.getYear(), kind);
    }

    /**
     * Best effort: the submission stands even if its audit line cannot be written now (the submit queued it, and
     * the mail-retry schedule writes it). Returns whether it was written.
     */
    private boolean audit(ApplicationKey key, String receiptNo, long version, ZonedDateTime now) {
        try {
            store.recordSubmission(key, receiptNo, version, now.toInstant());
            return true;
        } catch (RuntimeException e) {
            jp.nintei.platform.Log.warn("audit", java.util.Map.of("event", "SUBMITTED", "error", e.getClass().getName()));
            return false;
        }
    }
}
