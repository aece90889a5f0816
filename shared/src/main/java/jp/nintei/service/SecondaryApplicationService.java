package jp.nintei.service;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Messages;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.application.Problem;
import jp.nintei.domain.directory.Directory;
import jp.nintei.domain.secondary.Achievement;
import jp.nintei.domain.secondary.AchievementRules;
import jp.nintei.domain.secondary.IdentityDocuments;
import jp.nintei.domain.secondary.JulyProjection;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.ResumeRules;
import jp.nintei.domain.secondary.SecondaryApplication;
import jp.nintei.domain.secondary.SecondaryMail;
import jp.nintei.domain.secondary.SecondaryRules;
import jp.nintei.domain.secondary.TrainingRef;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationStore;
import jp.nintei.port.SecondaryStore;

/**
 * 二次申請: read with ② 認定要件 and the state of every section, save a section or the top page (手続き中, the
 * July boxes), submit with the same guarantees as 一次申請 (one conditional update, idempotent, outbox mail).
 */
public final class SecondaryApplicationService {
    public record View(SecondaryStore.Snapshot snapshot, boolean windowOpen, SecondaryRules.Evaluation evaluation,
                       Boolean mailSent) {}

    public static final List<String> SECTIONS = List.of("resume", "training", "achievements", "identity");

    private final SecondaryStore store;
    private final ApplicationStore applications;
    private final WindowCache windows;
    private final Supplier<Directory> directory;
    private final Clock clock;
    private final SubmitFlow<SecondaryStore.Snapshot> submits;

    public SecondaryApplicationService(SecondaryStore store, ApplicationStore applications, MailService mail,
                                       WindowCache windows, Supplier<Directory> directory, Clock clock) {
        this.store = store;
        this.applications = applications;
        this.submits = new SubmitFlow<>(applications, mail);
        this.windows = windows;
        this.directory = directory;
        this.clock = clock;
    }

    public View read(String memberNo, ApplicationKind kind) {
        ZonedDateTime now = AppClock.now(clock);
        SecondaryStore.Snapshot s = load(key(memberNo, kind, now));
        if (!s.application().submitted()) requireAccess(s, now);
        return view(s, now, null);
    }

    /**
     * One section of the 二次申請 as the applicant typed it, read from the request at the edge (the handler):
     * the service takes these values, never the request's JSON.
     */
    public sealed interface Section {
        /** 1. 申請書・履歴書; {@code yearsUnreadable}: the typed 臨床経験年数 is not a whole number of years */
        record ResumeSection(Resume resume, boolean yearsUnreadable) implements Section {}

        /** 2. 臨床研修修了証明書 */
        record TrainingSection(List<TrainingRef> entries) implements Section {}

        /** 3. 業績書 */
        record AchievementsSection(List<Achievement> items) implements Section {}

        /** 4. 医師免許・受講証・受験用写真 */
        record IdentitySection(IdentityDocuments documents) implements Section {}
    }

    /** Saves one section (登録) as typed; returns the new version. */
    public long saveSection(String memberNo, ApplicationKind kind, Section section, long version) {
        ZonedDateTime now = AppClock.now(clock);
        ApplicationKey key = key(memberNo, kind, now);
        List<Problem> problems = new ArrayList<>();
        SecondaryStore.Change change;
        if (section instanceof Section.ResumeSection r) {
            change = new SecondaryStore.Change(resume(r, now, problems), null, null, null, null, null);
        } else if (section instanceof Section.TrainingSection t) {
            change = new SecondaryStore.Change(null, training(t.entries(), key.year()), null, null, null, null);
        } else if (section instanceof Section.AchievementsSection a) {
            change = new SecondaryStore.Change(null, null, AchievementRules.normalize(a.items(), now.toLocalDate(), problems),
                    null, null, null);
        } else {
            change = new SecondaryStore.Change(null, null, null, ((Section.IdentitySection) section).documents(), null, null);
        }
        if (!problems.isEmpty()) {
            throw new Rejection(Rejection.Kind.INVALID, problems.get(0).code(), problems.get(0).field(), problems.get(0).message(), problems);
        }
        return save(key, version, change, now);
    }

    /** The top page: 手続き中 and the four 7月実績見込み boxes, saved with the draft. */
    public long saveTop(String memberNo, ApplicationKind kind, long version, boolean duesInProcess, JulyProjection july) {
        ZonedDateTime now = AppClock.now(clock);
        return save(key(memberNo, kind, now), version,
                new SecondaryStore.Change(null, null, null, null, duesInProcess, july), now);
    }

    public View submit(String memberNo, ApplicationKind kind, long version) {
        ZonedDateTime now = AppClock.now(clock);
        ApplicationKey key = key(memberNo, kind, now);
        SecondaryStore.Snapshot s = load(key);
        SecondaryApplication app = s.application();
        if (app.submitted()) return view(submits.repeat(s, submission(key, s, version, now, null)), now);
        requireAccess(s, now);
        if (app.version() != version) throw PrimaryApplicationService.conflict(new ApplicationStore.Conflict(ApplicationStore.Conflict.Reason.STALE));
        SecondaryRules.Evaluation e = SecondaryRules.evaluate(app, s.member(), directory.get(), s.requiredAchievements());
        if (!e.canSubmit()) throw new Rejection(Rejection.Kind.UNPROCESSABLE, "INCOMPLETE", null, Messages.INCOMPLETE, e.allProblems());
        String receiptNo = SecondaryMail.receiptNo(app);
        String mailId = SecondaryMail.mailId(app) + "-v" + version;
        return view(submits.submit(key, version, s.member(), receiptNo, mailId, now, submission(key, s, version, now, receiptNo)), now);
    }

    /** 二次申請 for the shared submit flow: read again by key; once submitted, the draft at version + 1, 提出済. */
    private SubmitFlow.Application<SecondaryStore.Snapshot> submission(ApplicationKey key, SecondaryStore.Snapshot s,
                                                                       long version, ZonedDateTime now, String receiptNo) {
        return new SubmitFlow.Application<>() {
            @Override public SecondaryStore.Snapshot reload() { return load(key); }

            @Override public MailStatus mailOf(SecondaryStore.Snapshot x) { return x.application().mail(); }

            @Override public SecondaryStore.Snapshot submitted(MailStatus mail) {
                return new SecondaryStore.Snapshot(s.member(), s.windows(), with(s.application(), version + 1, now, receiptNo, mail),
                        true, s.requiredAchievements());
            }

            @Override public MailService.Outgoing confirmation(SecondaryStore.Snapshot submitted) {
                return ConfirmationMails.secondary(submitted, directory.get());
            }
        };
    }

    private View view(SubmitFlow.Outcome<SecondaryStore.Snapshot> o, ZonedDateTime now) { return view(o.snapshot(), now, o.mailSent()); }

    private static SecondaryApplication with(SecondaryApplication a, long version, ZonedDateTime now, String receiptNo, MailStatus mail) {
        return new SecondaryApplication(a.memberNo(), a.year(), a.kind(), ApplicationStatus.SUBMITTED, version, a.duesInProcess(),
                a.july(), a.resume(), a.training(), a.achievements(), a.identity(), a.documents(), now.toInstant(), receiptNo, mail);
    }

    private long save(ApplicationKey key, long version, SecondaryStore.Change change, ZonedDateTime now) {
        if (!ApplicantWindow.isOpen(applications, key, windows.get(key.year()), now)) {
            throw new Rejection(Rejection.Kind.FORBIDDEN, "WINDOW_CLOSED", null, Messages.WINDOW_CLOSED);
        }
        if (version == 0) {
            // the first save creates the item: only for a member whose 一次申請 is submitted (later saves need the item)
            requireAccess(load(key), now);
        }
        try {
            return store.saveSecondary(key, version, change, now.toInstant());
        } catch (ApplicationStore.Conflict c) {
            throw PrimaryApplicationService.conflict(c);
        } catch (SecondaryStore.TooLarge t) {
            throw new Rejection(Rejection.Kind.TOO_LARGE, "SECTION_TOO_LARGE", null, Messages.SECTION_TOO_LARGE);
        }
    }

    private Resume resume(Section.ResumeSection typed, ZonedDateTime now, List<Problem> problems) {
        if (typed.yearsUnreadable()) {
            problems.add(new Problem("BAD_YEARS", "experienceYears", "緩和医療の臨床経験の年数は整数（年）で入力してください。"));
        }
        return ResumeRules.normalize(typed.resume(), now.toLocalDate(), problems).resume();
    }

    private List<TrainingRef> training(List<TrainingRef> refs, int year) {
        Directory d = directory.get();
        for (int i = 0; i < refs.size(); i++) {
            TrainingRef r = refs.get(i);
            for (var m : new Object[][] {{"from", r.from()}, {"to", r.to()}}) {
                if (!jp.nintei.domain.PlausibleDates.plausible((java.time.YearMonth) m[1], year)) {
                    throw new Rejection(Rejection.Kind.INVALID, "MONTH_OUT_OF_RANGE", "entries[" + i + "]." + m[0], "証明書" + (i + 1)
                            + "：研修期間は" + jp.nintei.domain.PlausibleDates.EARLIEST.getYear() + "年1月から" + (year + 1)
                            + "年12月までの年月で選んでください。");
                }
            }
            boolean facilityOk = r.facilityNo() == null || d.facilityRows(r.facilityNo()).stream()
                    .anyMatch(f -> f.validFrom().equals(r.facilityFrom()) && f.type().equals(r.facilityType()));
            boolean supervisorOk = r.supervisorNo() == null || d.supervisorRows(r.supervisorNo()).stream()
                    .anyMatch(s -> s.validFrom().equals(r.supervisorFrom()) && s.qualification().equals(r.qualification()));
            if (!facilityOk || !supervisorOk) {
                throw new Rejection(Rejection.Kind.INVALID, "UNKNOWN_DIRECTORY_ROW", "entries[" + i + "]." + (facilityOk ? "supervisor" : "facility"),
                        "証明書" + (i + 1) + "：" + Messages.UNKNOWN_DIRECTORY_ROW);
            }
        }
        return refs;
    }

    private View view(SecondaryStore.Snapshot s, ZonedDateTime now, Boolean mailSent) {
        windows.put(s.windows());
        var app = s.application();
        return new View(s, ApplicantWindow.isOpen(applications, new ApplicationKey(app.memberNo(), app.year(), app.kind()), s.windows(), now),
                SecondaryRules.evaluate(s.application(), s.member(), directory.get(), s.requiredAchievements()), mailSent);
    }

    private void requireAccess(SecondaryStore.Snapshot s, ZonedDateTime now) {
        var app = s.application();
        if (!s.primarySubmitted()
                || !ApplicantWindow.isOpen(applications, new ApplicationKey(app.memberNo(), app.year(), app.kind()), s.windows(), now)) {
            throw new Rejection(Rejection.Kind.FORBIDDEN, "SECONDARY_UNAVAILABLE", null, Messages.SECONDARY_UNAVAILABLE);
        }
    }

    private SecondaryStore.Snapshot load(ApplicationKey key) {
        return store.loadSecondary(key).orElseThrow(() -> new Rejection(Rejection.Kind.NOT_FOUND, "MEMBER_NOT_FOUND", null, Messages.MEMBER_NOT_FOUND));
    }

    private static ApplicationKey key(String memberNo, ApplicationKind kind, ZonedDateTime now) {
        if (kind.stage() != ApplicationKind.Stage.SECONDARY) throw new Rejection(Rejection.Kind.NOT_FOUND, "NOT_FOUND", null, Messages.NOT_THIS_APPLICATION);
        return new ApplicationKey(memberNo, now.getYear(), kind);
    }
}
