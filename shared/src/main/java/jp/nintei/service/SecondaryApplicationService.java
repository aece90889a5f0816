package jp.nintei.service;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jp.nintei.adapter.http.ApiException;
import jp.nintei.adapter.json.SectionJson;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Messages;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.application.Problem;
import jp.nintei.domain.directory.Directory;
import jp.nintei.domain.secondary.AchievementRules;
import jp.nintei.domain.secondary.JulyProjection;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.ResumeRules;
import jp.nintei.domain.secondary.SecondaryApplication;
import jp.nintei.domain.secondary.SecondaryMail;
import jp.nintei.domain.secondary.SecondaryRules;
import jp.nintei.domain.secondary.TrainingRef;
import jp.nintei.store.ApplicationKey;
import jp.nintei.store.ApplicationStore;
import jp.nintei.store.SecondaryStore;
import tools.jackson.databind.JsonNode;

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
    private final MailService mail;
    private final WindowCache windows;
    private final Supplier<Directory> directory;
    private final Clock clock;

    public SecondaryApplicationService(SecondaryStore store, ApplicationStore applications, MailService mail,
                                       WindowCache windows, Supplier<Directory> directory, Clock clock) {
        this.store = store;
        this.applications = applications;
        this.mail = mail;
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

    /** Saves one section ({@code resume}, {@code training}, {@code achievements}, {@code identity}) as typed. */
    public long saveSection(String memberNo, ApplicationKind kind, String section, long version, JsonNode body) {
        ZonedDateTime now = AppClock.now(clock);
        ApplicationKey key = key(memberNo, kind, now);
        List<Problem> problems = new ArrayList<>();
        switch (section == null ? "" : section) {
            case "resume" -> SectionJson.requireShape(body, "education", "career", "qualifications");
            case "training" -> SectionJson.requireShape(body, "entries");
            case "achievements" -> SectionJson.requireShape(body, "items");
            case "identity" -> SectionJson.requireTexts(body, "licenseId", "courseId", "photoId");
            default -> { }
        }
        SecondaryStore.Change change = switch (section == null ? "" : section) {
            case "resume" -> new SecondaryStore.Change(resume(body, now, problems), null, null, null, null, null);
            case "training" -> new SecondaryStore.Change(null, training(body, key.year()), null, null, null, null);
            case "achievements" -> new SecondaryStore.Change(null, null,
                    AchievementRules.normalize(SectionJson.achievements(body.get("items")), now.toLocalDate(), problems),
                    null, null, null);
            case "identity" -> new SecondaryStore.Change(null, null, null, SectionJson.identity(body), null, null);
            default -> throw new ApiException(404, "SECTION_UNKNOWN", Messages.SECTION_UNKNOWN);
        };
        if (!problems.isEmpty()) {
            throw new ApiException(400, problems.get(0).code(), problems.get(0).field(), problems.get(0).message(), problems);
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
        if (app.submitted()) {
            SecondaryStore.Snapshot settled = PrimaryApplicationService.settle(s, () -> load(key), x -> x.application().mail());
            return view(settled, now, PrimaryApplicationService.mailSent(settled.application().mail()));
        }
        requireAccess(s, now);
        if (app.version() != version) throw PrimaryApplicationService.conflict(new ApplicationStore.Conflict(ApplicationStore.Conflict.Reason.STALE));
        SecondaryRules.Evaluation e = SecondaryRules.evaluate(app, s.member(), directory.get(), s.requiredAchievements());
        if (!e.canSubmit()) throw new ApiException(422, "INCOMPLETE", null, Messages.INCOMPLETE, e.allProblems());
        String receiptNo = SecondaryMail.receiptNo(app);
        String mailId = SecondaryMail.mailId(app) + "-v" + version;
        try {
            applications.submit(key, version, receiptNo, mailId, now.toInstant(), s.member());
        } catch (ApplicationStore.Conflict c) {
            if (c.reason() == ApplicationStore.Conflict.Reason.SUBMITTED) {
                SecondaryStore.Snapshot again = PrimaryApplicationService.settle(load(key), () -> load(key), x -> x.application().mail());
                return view(again, now, PrimaryApplicationService.mailSent(again.application().mail()));
            }
            throw PrimaryApplicationService.conflict(c);
        }
        boolean audited = audit(key, receiptNo, version, now);
        SecondaryApplication submitted = with(app, version + 1, now, receiptNo, new MailStatus(mailId, MailStatus.State.PENDING, 0, null));
        SecondaryStore.Snapshot after = new SecondaryStore.Snapshot(s.member(), s.windows(), submitted, true, s.requiredAchievements());
        boolean sent = mail.send(ConfirmationMails.secondary(after, directory.get()), audited);
        if (sent) submitted = with(app, version + 1, now, receiptNo, new MailStatus(mailId, MailStatus.State.SENT, 1, now.toInstant()));
        return view(new SecondaryStore.Snapshot(s.member(), s.windows(), submitted, true, s.requiredAchievements()), now, sent);
    }

    private static SecondaryApplication with(SecondaryApplication a, long version, ZonedDateTime now, String receiptNo, MailStatus mail) {
        return new SecondaryApplication(a.memberNo(), a.year(), a.kind(), ApplicationStatus.SUBMITTED, version, a.duesInProcess(),
                a.july(), a.resume(), a.training(), a.achievements(), a.identity(), a.documents(), now.toInstant(), receiptNo, mail);
    }

    private long save(ApplicationKey key, long version, SecondaryStore.Change change, ZonedDateTime now) {
        if (!applications.openFor(key, windows.get(key.year()), now)) {
            throw new ApiException(403, "WINDOW_CLOSED", Messages.WINDOW_CLOSED);
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
            throw new ApiException(413, "SECTION_TOO_LARGE", Messages.SECTION_TOO_LARGE);
        }
    }

    private Resume resume(JsonNode body, ZonedDateTime now, List<Problem> problems) {
        Resume typed = SectionJson.resume(body);
        JsonNode y = body.get("experienceYears");
        Integer years = null;
        if (y != null && !y.isNull() && !(y.isString() && y.asString().isBlank())) {
            int parsed = y.isNumber() ? (y.canConvertToInt() && y.asDouble() == y.asInt() ? y.asInt() : -1)
                    : y.isString() ? ResumeRules.parseYears(y.asString()) : -1;
            if (parsed < 0) {
                problems.add(new Problem("BAD_YEARS", "experienceYears", "緩和医療の臨床経験の年数は整数（年）で入力してください。"));
            } else {
                years = parsed;
            }
        }
        Resume withYears = new Resume(typed.education(), typed.career(), typed.qualifications(), years);
        return ResumeRules.normalize(withYears, now.toLocalDate(), problems).resume();
    }

    private List<TrainingRef> training(JsonNode body, int year) {
        List<TrainingRef> refs;
        try {
            refs = SectionJson.training(body.get("entries"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "BAD_MONTH", e.getMessage(), "研修期間は「2023-04」の形式で選んでください。");
        }
        Directory d = directory.get();
        for (int i = 0; i < refs.size(); i++) {
            TrainingRef r = refs.get(i);
            for (var m : new Object[][] {{"from", r.from()}, {"to", r.to()}}) {
                if (!jp.nintei.domain.PlausibleDates.plausible((java.time.YearMonth) m[1], year)) {
                    throw new ApiException(400, "MONTH_OUT_OF_RANGE", "entries[" + i + "]." + m[0], "証明書" + (i + 1)
                            + "：研修期間は" + jp.nintei.domain.PlausibleDates.EARLIEST.getYear() + "年1月から" + (year + 1)
                            + "年12月までの年月で選んでください。");
                }
            }
            boolean facilityOk = r.facilityNo() == null || d.facilityRows(r.facilityNo()).stream()
                    .anyMatch(f -> f.validFrom().equals(r.facilityFrom()) && f.type().equals(r.facilityType()));
            boolean supervisorOk = r.supervisorNo() == null || d.supervisorRows(r.supervisorNo()).stream()
                    .anyMatch(s -> s.validFrom().equals(r.supervisorFrom()) && s.qualification().equals(r.qualification()));
            if (!facilityOk || !supervisorOk) {
                throw new ApiException(400, "UNKNOWN_DIRECTORY_ROW", "entries[" + i + "]." + (facilityOk ? "supervisor" : "facility"),
                        "証明書" + (i + 1) + "：" + Messages.UNKNOWN_DIRECTORY_ROW);
            }
        }
        return refs;
    }

    private View view(SecondaryStore.Snapshot s, ZonedDateTime now, Boolean mailSent) {
        windows.put(s.windows());
        var app = s.application();
        return new View(s, applications.openFor(new ApplicationKey(app.memberNo(), app.year(), app.kind()), s.windows(), now),
                SecondaryRules.evaluate(s.application(), s.member(), directory.get(), s.requiredAchievements()), mailSent);
    }

    private void requireAccess(SecondaryStore.Snapshot s, ZonedDateTime now) {
        var app = s.application();
        if (!s.primarySubmitted()
                || !applications.openFor(new ApplicationKey(app.memberNo(), app.year(), app.kind()), s.windows(), now)) {
            throw new ApiException(403, "SECONDARY_UNAVAILABLE", Messages.SECONDARY_UNAVAILABLE);
        }
    }

    private SecondaryStore.Snapshot load(ApplicationKey key) {
        return store.loadSecondary(key).orElseThrow(() -> new ApiException(404, "MEMBER_NOT_FOUND", Messages.MEMBER_NOT_FOUND));
    }

    private static ApplicationKey key(String memberNo, ApplicationKind kind, ZonedDateTime now) {
        if (kind.stage() != ApplicationKind.Stage.SECONDARY) throw new ApiException(404, "NOT_FOUND", Messages.NOT_THIS_APPLICATION);
        return new ApplicationKey(memberNo, now.getYear(), kind);
    }

    /**
     * Best effort: the submission stands even if its audit line cannot be written now (the submit queued it, and
     * the mail-retry schedule writes it). Returns whether it was written.
     */
    private boolean audit(ApplicationKey key, String receiptNo, long version, ZonedDateTime now) {
        try {
            applications.recordSubmission(key, receiptNo, version, now.toInstant());
            return true;
        } catch (RuntimeException e) {
            jp.nintei.platform.Log.warn("audit", java.util.Map.of("event", "SUBMITTED", "error", e.getClass().getName()));
            return false;
        }
    }
}
