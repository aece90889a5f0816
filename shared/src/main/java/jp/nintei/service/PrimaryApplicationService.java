package jp.nintei.service;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Messages;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.application.ConfirmationMail;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.domain.application.PrimaryRules;
import jp.nintei.domain.application.Problem;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationStore;

/** 一次申請: read, save the draft, submit (irreversible, idempotent), confirmation mail. */
public final class PrimaryApplicationService {
    public record View(ApplicationStore.Snapshot snapshot, boolean windowOpen, List<Problem> missing, Boolean mailSent) {}

    private final ApplicationStore store;
    private final WindowCache windows;
    private final Clock clock;
    private final SubmitFlow<ApplicationStore.Snapshot> submits;

    public PrimaryApplicationService(ApplicationStore store, MailService mail, WindowCache windows, Clock clock) {
        this.store = store;
        this.submits = new SubmitFlow<>(store, mail);
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
            throw new Rejection(Rejection.Kind.INVALID, first.code(), first.field(), first.message(), problems);
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
        if (s.application().submitted()) return view(submits.repeat(s, submission(key, s, version, now, null)));
        if (!ApplicantWindow.isOpen(store, key, s.windows(), now)) throw new Rejection(Rejection.Kind.FORBIDDEN, "WINDOW_CLOSED", null, Messages.WINDOW_CLOSED);
        if (s.application().version() != version) throw conflict(new ApplicationStore.Conflict(ApplicationStore.Conflict.Reason.STALE));
        List<Problem> missing = PrimaryRules.missing(s.application(), s.member());
        if (!missing.isEmpty()) throw new Rejection(Rejection.Kind.UNPROCESSABLE, "INCOMPLETE", null, Messages.INCOMPLETE, missing);
        PrimaryApplication app = s.application();
        String receiptNo = ConfirmationMail.receiptNo(app);
        // one id per submission (a reopened application's resubmission is another mail)
        String mailId = ConfirmationMail.mailId(app) + "-v" + version;
        return view(submits.submit(key, version, s.member(), receiptNo, mailId, now, submission(key, s, version, now, receiptNo)));
    }

    /** 一次申請 for the shared submit flow: read again by key; once submitted, the draft at version + 1, 提出済. */
    private SubmitFlow.Application<ApplicationStore.Snapshot> submission(ApplicationKey key, ApplicationStore.Snapshot s,
                                                                         long version, ZonedDateTime now, String receiptNo) {
        return new SubmitFlow.Application<>() {
            @Override public ApplicationStore.Snapshot reload() { return load(key); }

            @Override public MailStatus mailOf(ApplicationStore.Snapshot x) { return x.application().mail(); }

            @Override public ApplicationStore.Snapshot submitted(MailStatus mail) {
                PrimaryApplication app = s.application();
                return new ApplicationStore.Snapshot(s.member(), s.windows(), new PrimaryApplication(app.memberNo(), app.year(),
                        app.kind(), jp.nintei.domain.ApplicationStatus.SUBMITTED, version + 1, app.preferences(), app.documents(),
                        now.toInstant(), receiptNo, mail));
            }

            @Override public MailService.Outgoing confirmation(ApplicationStore.Snapshot submitted) { return ConfirmationMails.primary(submitted); }
        };
    }

    private View view(SubmitFlow.Outcome<ApplicationStore.Snapshot> o) { return view(o.snapshot(), o.mailSent()); }

    private View view(ApplicationStore.Snapshot s, Boolean mailSent) {
        windows.put(s.windows());
        ZonedDateTime now = AppClock.now(clock);
        var app = s.application();
        boolean open = ApplicantWindow.isOpen(store, new ApplicationKey(app.memberNo(), app.year(), app.kind()), s.windows(), now);
        return new View(s, open, PrimaryRules.missing(s.application(), s.member()), mailSent);
    }

    private ApplicationStore.Snapshot load(ApplicationKey key) {
        return store.load(key).orElseThrow(() -> new Rejection(Rejection.Kind.NOT_FOUND, "MEMBER_NOT_FOUND", null, Messages.MEMBER_NOT_FOUND));
    }

    private void requireOpen(ApplicationKey key, ZonedDateTime now) {
        if (!ApplicantWindow.isOpen(store, key, windows.get(key.year()), now)) {
            throw new Rejection(Rejection.Kind.FORBIDDEN, "WINDOW_CLOSED", null, Messages.WINDOW_CLOSED);
        }
    }

    static Rejection conflict(ApplicationStore.Conflict c) {
        return switch (c.reason()) {
            case SUBMITTED -> new Rejection(Rejection.Kind.CONFLICT, "ALREADY_SUBMITTED", null, Messages.ALREADY_SUBMITTED);
            case STALE -> new Rejection(Rejection.Kind.CONFLICT, "STALE_VERSION", null, Messages.STALE_VERSION);
            case MISSING -> new Rejection(Rejection.Kind.NOT_FOUND, "DOCUMENT_NOT_FOUND", null, Messages.DOCUMENT_NOT_FOUND);
            case CLOSED -> new Rejection(Rejection.Kind.FORBIDDEN, "WINDOW_CLOSED", null, Messages.WINDOW_CLOSED);
            case LOCKED -> new Rejection(Rejection.Kind.CONFLICT, "NOT_REQUESTED", null, Messages.NOT_REQUESTED);
        };
    }

    private ApplicationKey key(String memberNo, ApplicationKind kind) { return key(memberNo, kind, AppClock.now(clock)); }

    private static ApplicationKey key(String memberNo, ApplicationKind kind, ZonedDateTime now) {
        if (kind.stage() != ApplicationKind.Stage.PRIMARY) {
            throw new Rejection(Rejection.Kind.NOT_FOUND, "NOT_FOUND", null, Messages.NOT_THIS_APPLICATION);
        }
        return new ApplicationKey(memberNo, now.getYear(), kind);
    }
}
