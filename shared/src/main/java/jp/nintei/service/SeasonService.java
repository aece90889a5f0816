package jp.nintei.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.ApplicationWindow;
import jp.nintei.domain.Member;
import jp.nintei.domain.Site;
import jp.nintei.domain.YearWindows;
import jp.nintei.domain.application.NoticeMail;
import jp.nintei.platform.Log;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationLists;
import jp.nintei.port.AuditLog;
import jp.nintei.port.Mailer;
import jp.nintei.port.SeasonStore;

/**
 * The season's schedule (every 15 minutes): records each window's opening and closing once, marks the drafts
 * left at a close 未提出 and sends the secretariat a summary, and reminds members with a draft 7 days and 1 day
 * before the close (each reminder at most once per member). Who may apply stays judged by the clock at each
 * request: a late run never lets anyone in or out early.
 */
public final class SeasonService {
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String BEFORE = "BEFORE";

    public record Outcome(List<String> transitions, int markedNotSubmitted, int remindersSent) {}

    private final SeasonStore season;
    private final ApplicationLists lists;
    private final AuditLog audit;
    private final Mailer mailer;
    private final String secretariatAddress;
    /** named in the reminders, so a member goes straight to the page */
    private final Site site;
    private final Clock clock;

    public SeasonService(SeasonStore season, ApplicationLists lists, AuditLog audit, Mailer mailer, String secretariatAddress, Site site,
                         Clock clock) {
        this.season = season;
        this.lists = lists;
        this.audit = audit;
        this.mailer = mailer;
        this.secretariatAddress = secretariatAddress;
        this.site = site;
        this.clock = clock;
    }

    public Outcome run() {
        ZonedDateTime now = AppClock.now(clock);
        int year = now.getYear();
        YearWindows windows = lists.windows(year);
        List<String> transitions = new ArrayList<>();
        int marked = 0;
        int reminders = 0;
        for (ApplicationKind.Stage stage : List.of(ApplicationKind.Stage.PRIMARY, ApplicationKind.Stage.SECONDARY)) {
            ApplicationWindow w = stage == ApplicationKind.Stage.PRIMARY ? windows.primary() : windows.secondary();
            List<ApplicationKind> kinds = kindsOf(stage);
            String state = w.isOpenAt(now) ? OPEN : now.isBefore(w.opensAt()) ? BEFORE : CLOSED;
            String recorded = season.windowState(year, stage);
            if (!state.equals(recorded) && season.recordWindowState(year, stage, recorded, state, now.toInstant())) {
                transitions.add(stage + " " + state);
                audit.record(new AuditLog.Entry(now.toInstant(), "schedule", "WINDOW_" + state, null,
                        stage.name(), recorded, w.label()));
                if (OPEN.equals(state) && CLOSED.equals(recorded)) reopen(year, kinds, now.toInstant());
            }
            // not only the run that recorded the close: every run while the window stays closed finishes what is left
            if (CLOSED.equals(state)) marked += finishClose(year, stage, kinds, w, now.toInstant());
            // after the close only drafts with their own later deadline are left, and they are reminded of it
            if (!BEFORE.equals(state)) reminders += remind(year, kinds, w, now);
        }
        Log.info("season", Map.of("transitions", transitions.size(), "notSubmitted", marked, "reminders", reminders));
        return new Outcome(transitions, marked, reminders);
    }

    /** A run that died after claiming the summary is taken over after this long (runs are 15 minutes apart). */
    static final java.time.Duration SUMMARY_CLAIM = java.time.Duration.ofMinutes(10);

    /**
     * The work after a close (OPEN to CLOSED), idempotent and resumable: every run while the window stays closed
     * marks the drafts left 未提出 (a draft whose individual extension is still running stays a draft, and the first
     * run after the extension ends marks it) and sends the secretariat's summary if no run has sent it yet. A run
     * cut off part-way (DynamoDB throttled, SES down, the Lambda timed out) leaves the rest to the next one.
     */
    private int finishClose(int year, ApplicationKind.Stage stage, List<ApplicationKind> kinds, ApplicationWindow w, Instant at) {
        SeasonStore.Close close = season.lastClose(year, stage);
        if (close.closedAt() == null) return 0; // the window was never open this year: nothing was left at a close
        int marked = 0;
        for (ApplicationKind kind : kinds) {
            for (String memberNo : season.drafts(year, kind)) {
                if (season.markNotSubmitted(new ApplicationKey(memberNo, year, kind), at)) marked++;
            }
        }
        // claimed first, so two overlapping runs send it once; released when SES refused, so the next run tries again
        if (!close.summarySent() && season.claimSummary(year, stage, close.closedAt(), at, SUMMARY_CLAIM)) {
            if (send(summary(year, kinds, w, close.closedAt()))) season.summarySent(year, stage, close.closedAt(), at);
            else season.releaseSummary(year, stage, close.closedAt());
        }
        return marked;
    }

    private Mailer.Mail summary(int year, List<ApplicationKind> kinds, ApplicationWindow w, Instant closedAt) {
        Map<ApplicationKind, Map<ApplicationStatus, Integer>> counts = new java.util.EnumMap<>(ApplicationKind.class);
        for (ApplicationKind kind : kinds) counts.put(kind, lists.counts(year, kind));
        NoticeMail.Content c = NoticeMail.closeReport(year, w, kinds, counts);
        return new Mailer.Mail("season-closed-" + year + "-" + kinds.get(0).stage() + "-" + closedAt.toEpochMilli(), secretariatAddress,
                c.subject(), c.body());
    }

    /** The secretariat moved a close date later: what the close marked 未提出 is a draft again. */
    private void reopen(int year, List<ApplicationKind> kinds, Instant at) {
        for (ApplicationKind kind : kinds) {
            for (String memberNo : season.notSubmitted(year, kind)) season.markDraftAgain(new ApplicationKey(memberNo, year, kind), at);
        }
    }

    /**
     * docs/domain.md "Reminders": the 7-day reminder from 7 days before the member's last day, the last one from the day
     * before it (or on the last day itself when a run missed the day before), each at most once. The last day is the
     * window's close or the member's own later deadline (an individual extension).
     */
    private int remind(int year, List<ApplicationKind> kinds, ApplicationWindow w, ZonedDateTime now) {
        java.time.LocalDate today = now.toLocalDate();
        int sent = 0;
        for (ApplicationKind kind : kinds) {
            List<String> drafts = season.drafts(year, kind);
            if (drafts.isEmpty()) continue;
            Map<String, java.time.LocalDate> extensions = season.draftExtensions(year, kind);
            List<String> due = new ArrayList<>();
            for (String memberNo : drafts) {
                if (reminderDue(lastDay(w, extensions.get(memberNo)), today) != null) due.add(memberNo);
            }
            if (due.isEmpty()) continue;
            Map<String, Member> people = lists.members(due);
            for (String memberNo : due) {
                Member m = people.get(memberNo);
                if (m == null || m.email() == null) continue;
                java.time.LocalDate last = lastDay(w, extensions.get(memberNo));
                String which = reminderDue(last, today);
                // marked first: a reminder is sent at most once, even when two runs overlap; an own deadline is
                // marked with its day, so a new one (a later extension, a 修正期限 after a 差し戻し) is reminded again
                String mark = last.equals(w.closes()) ? which : which + "-" + last;
                if (!season.markReminded(new ApplicationKey(memberNo, year, kind), mark, now.toInstant())) continue;
                if (send(reminder(m, kind, last, today, which, year, !last.equals(w.closes()), site))) sent++;
            }
        }
        return sent;
    }

    /** The member's last day: the window's close, or their own later deadline. */
    static java.time.LocalDate lastDay(ApplicationWindow w, java.time.LocalDate extendedUntil) {
        return extendedUntil != null && extendedUntil.isAfter(w.closes()) ? extendedUntil : w.closes();
    }

    /** Which reminder is due {@code today} for a last day: "1" on the day before or the day itself, "7" from 7 days before, else null. */
    static String reminderDue(java.time.LocalDate lastDay, java.time.LocalDate today) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, lastDay);
        if (days < 0) return null;
        if (days <= 1) return "1";
        if (days <= 7) return "7";
        return null;
    }

    /**
     * The reminder mail (its text: {@link NoticeMail#reminder}); the id names the reminder, so it is sent once.
     * @param ownDeadline the member's own later deadline (an extension or a 修正期限), named as theirs in the mail
     */
    static Mailer.Mail reminder(Member m, ApplicationKind kind, java.time.LocalDate lastDay, java.time.LocalDate today,
                                String which, int year, boolean ownDeadline, Site site) {
        NoticeMail.Content c = NoticeMail.reminder(m, kind, lastDay, today, ownDeadline, site);
        return new Mailer.Mail("reminder-" + which + (ownDeadline ? "-own-" + lastDay : "") + "-" + year + "-" + kind.name() + "-"
                + m.memberNo(), m.email(), c.subject(), c.body());
    }

    private boolean send(Mailer.Mail mail) {
        try {
            mailer.send(mail);
            return true;
        } catch (Mailer.NotSent e) {
            Log.warn("season-mail", Map.of("mailId", mail.id(), "error", e.getMessage()));
            return false;
        }
    }

    private static List<ApplicationKind> kindsOf(ApplicationKind.Stage stage) {
        List<ApplicationKind> out = new ArrayList<>();
        for (ApplicationKind k : ApplicationKind.values()) if (k.stage() == stage) out.add(k);
        return out;
    }
}
