package jp.nintei.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.ApplicationWindow;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.YearWindows;
import jp.nintei.inmemory.InMemoryPorts;
import jp.nintei.inmemory.MovableClock;
import jp.nintei.port.Mailer.Mail;
import jp.nintei.inmemory.InMemoryAuditLog;
import jp.nintei.port.ApplicationLists;
import jp.nintei.port.ApplicationKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The season's schedule through the ports in memory: each opening and close recorded once, the drafts left at a
 * close 未提出 with one summary to the secretariat (finished by a later run when one is cut off), and the reminders
 * 7 days and 1 day before each member's own last day. A season of runs takes milliseconds.
 */
class SeasonServiceTest {
    static final String OFFICE = "office@example.jp";
    static final String DRAFTING = "10000001";
    static final String SUBMITTED = "10000002";
    static final String EXTENDED = "10000003";

    InMemoryPorts ports;
    SeasonAdmin admin;
    InMemoryAuditLog audit;
    SeasonService season;

    @BeforeEach
    void setUp() {
        ports = new InMemoryPorts(MovableClock.at(2026, 3, 31, 23, 50)); // the default 一次 window is 4/1–4/30
        for (String no : List.of(DRAFTING, SUBMITTED, EXTENDED)) {
            ports.table.putMember(new Member(no, "会員 " + no, "かいいん", no + "@example.jp", LocalDate.of(2019, 4, 1),
                    Set.of(2025, 2026), true, 20, false, false, SpecialistStatus.NONE));
        }
        admin = new SeasonAdmin(ports);
        audit = new InMemoryAuditLog();
        season = new SeasonService(ports.season, admin, audit, ports.mailer, OFFICE, AdminFixtures.SITE, ports.clock);
    }

    static ApplicationKey key(String no) { return new ApplicationKey(no, 2026, ApplicationKind.NEW_PRIMARY); }

    /** In April: a draft, a submitted application, a draft with an extension until 5/10. */
    void applicantsAtWork() {
        ports.clock.set(2026, 4, 10, 10, 0);
        var primary = ports.primaryService();
        primary.save(DRAFTING, ApplicationKind.NEW_PRIMARY, 0, List.of("13", "27", "01"));
        PrimaryApplicationServiceTest.uploadFeeReceipt(ports, SUBMITTED);
        long v = primary.save(SUBMITTED, ApplicationKind.NEW_PRIMARY, ports.table.version(key(SUBMITTED)), List.of("13", "27", "01"));
        primary.submit(SUBMITTED, ApplicationKind.NEW_PRIMARY, v);
        primary.save(EXTENDED, ApplicationKind.NEW_PRIMARY, 0, java.util.Arrays.asList("13", null, null));
        ports.table.extend(key(EXTENDED), LocalDate.of(2026, 5, 10), ports.clock.instant());
    }

    List<Mail> summaries() { return ports.mailer.sentTo(OFFICE); }

    List<Mail> remindersTo(String no) {
        return ports.mailer.sentTo(no + "@example.jp").stream().filter(m -> m.id().startsWith("reminder-")).toList();
    }

    long audited(String action) { return audit.all().stream().filter(e -> e.action().equals(action) && "PRIMARY".equals(e.application())).count(); }

    @Test
    void theOpeningAndTheCloseAreEachRecordedOnce() {
        season.run();
        ports.clock.set(2026, 4, 1, 0, 5);
        assertEquals(List.of("PRIMARY OPEN"), season.run().transitions());
        assertEquals(List.of(), season.run().transitions(), "a later run records nothing again");
        ports.clock.set(2026, 5, 1, 0, 5);
        assertEquals(List.of("PRIMARY CLOSED"), season.run().transitions());
        season.run();
        assertEquals("CLOSED", ports.table.windowState(2026, ApplicationKind.Stage.PRIMARY));
        assertEquals(1, audited("WINDOW_OPEN"));
        assertEquals(1, audited("WINDOW_CLOSED"));
    }

    @Test
    void atTheCloseTheDraftsLeftAreMarked未提出AndTheSecretariatGetsOneSummary() {
        season.run();
        ports.clock.set(2026, 4, 1, 0, 5);
        season.run();
        applicantsAtWork();
        ports.clock.set(2026, 5, 1, 0, 5);
        assertEquals(1, season.run().markedNotSubmitted());
        assertEquals(ApplicationStatus.NOT_SUBMITTED, ports.table.status(key(DRAFTING)));
        assertEquals(ApplicationStatus.SUBMITTED, ports.table.status(key(SUBMITTED)));
        assertEquals(ApplicationStatus.DRAFT, ports.table.status(key(EXTENDED)), "an extension still running keeps the draft");
        assertEquals(1, summaries().size());
        String body = summaries().get(0).body();
        assertTrue(body.contains("申請済：1件"), body);
        assertTrue(body.contains("未提出（下書きのまま終了）：1件"), body);

        ports.clock.set(2026, 5, 1, 0, 20);
        assertEquals(0, season.run().markedNotSubmitted());
        assertEquals(1, summaries().size(), "one summary per close");

        ports.clock.set(2026, 5, 11, 0, 5); // the day after the extension's last day
        assertEquals(1, season.run().markedNotSubmitted());
        assertEquals(ApplicationStatus.NOT_SUBMITTED, ports.table.status(key(EXTENDED)));
        assertEquals(1, summaries().size());
    }

    @Test
    void aCloseCutOffPartWayIsFinishedByTheNextRun() {
        season.run();
        ports.clock.set(2026, 4, 1, 0, 5);
        season.run();
        applicantsAtWork();
        ports.mailer.failing(true); // SES down during the run that records the close
        ports.clock.set(2026, 5, 1, 0, 5);
        assertEquals(List.of("PRIMARY CLOSED"), season.run().transitions());
        assertTrue(summaries().isEmpty());

        ports.mailer.failing(false);
        ports.clock.set(2026, 5, 1, 0, 20);
        assertEquals(List.of(), season.run().transitions());
        assertEquals(1, summaries().size(), "the next run sends the summary the first could not");
        ports.clock.set(2026, 5, 1, 0, 35);
        season.run();
        assertEquals(1, summaries().size());
    }

    @Test
    void aCloseMovedLaterMakesThe未提出DraftsAgain() {
        season.run();
        ports.clock.set(2026, 4, 1, 0, 5);
        season.run();
        applicantsAtWork();
        ports.clock.set(2026, 5, 1, 0, 5);
        season.run();
        assertEquals(ApplicationStatus.NOT_SUBMITTED, ports.table.status(key(DRAFTING)));

        YearWindows d = YearWindows.defaults(2026);
        ports.members.putWindows(new YearWindows(2026, new ApplicationWindow(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 15)),
                d.secondary(), d.renewal()));
        ports.clock.set(2026, 5, 1, 9, 0);
        assertEquals(List.of("PRIMARY OPEN"), season.run().transitions());
        assertEquals(ApplicationStatus.DRAFT, ports.table.status(key(DRAFTING)));
        assertEquals(ApplicationStatus.SUBMITTED, ports.table.status(key(SUBMITTED)));
    }

    @Test
    void draftsAreReminded7DaysAnd1DayBeforeTheCloseEachOnce() {
        applicantsAtWork();
        ports.clock.set(2026, 4, 22, 9, 0);
        season.run();
        assertTrue(remindersTo(DRAFTING).isEmpty(), "8 days before: not yet");

        ports.clock.set(2026, 4, 23, 9, 0);
        assertEquals(1, season.run().remindersSent());
        ports.clock.set(2026, 4, 23, 9, 15);
        assertEquals(0, season.run().remindersSent(), "each reminder at most once");
        assertEquals(1, remindersTo(DRAFTING).size());
        assertTrue(remindersTo(DRAFTING).get(0).subject().contains("7日後（4月30日 23:59）"), remindersTo(DRAFTING).get(0).subject());
        assertTrue(remindersTo(DRAFTING).get(0).body().contains("■ 認定システム（ログイン画面）\nhttps://nintei.example.org/\n"),
                "a reminder names the page: " + remindersTo(DRAFTING).get(0).body());

        ports.clock.set(2026, 4, 29, 9, 0);
        season.run();
        assertEquals(2, remindersTo(DRAFTING).size());
        assertTrue(remindersTo(DRAFTING).get(1).subject().contains("明日（4月30日 23:59）"));
        assertTrue(remindersTo(SUBMITTED).isEmpty(), "a submitted application is never reminded");
        assertTrue(remindersTo(EXTENDED).isEmpty(), "a member with a later deadline is reminded of that one");
    }

    @Test
    void aMemberWithTheirOwnLaterDeadlineIsRemindedOfIt() {
        applicantsAtWork();
        season.run();
        ports.clock.set(2026, 5, 1, 0, 5);
        season.run();
        ports.clock.set(2026, 5, 3, 9, 0); // 7 days before 5/10
        season.run();
        List<Mail> mails = remindersTo(EXTENDED);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).subject().contains("7日後（5月10日 23:59）"), mails.get(0).subject());
        assertTrue(mails.get(0).body().contains("あなたの申請期限：2026年5月10日 23:59"), mails.get(0).body());

        ports.clock.set(2026, 5, 10, 8, 0); // the day before was missed: the last day itself
        season.run();
        assertEquals(2, remindersTo(EXTENDED).size());
        assertTrue(remindersTo(EXTENDED).get(1).subject().contains("本日（5月10日 23:59）"));
        assertTrue(remindersTo(DRAFTING).stream().noneMatch(m -> m.subject().contains("5月")), "未提出 after the close: no reminder");
    }

    /** What the season reads of the secretariat's lists: windows, counts, profiles; the rest is not the schedule's business. */
    static final class SeasonAdmin implements ApplicationLists {
        final InMemoryPorts ports;

        SeasonAdmin(InMemoryPorts ports) { this.ports = ports; }

        @Override public YearWindows windows(int year) { return ports.applications.windows(year); }

        @Override public Map<ApplicationStatus, Integer> counts(int year, ApplicationKind kind) { return ports.table.counts(year, kind); }

        @Override public Map<String, Member> members(Collection<String> memberNos) {
            Map<String, Member> out = new HashMap<>();
            for (String no : memberNos) {
                Member m = ports.table.member(no);
                if (m != null) out.put(no, m);
            }
            return out;
        }

        @Override public Page list(int year, ApplicationKind kind, ApplicationStatus status, String cursor, int limit) { throw unused(); }

        @Override public Map<String, jp.nintei.domain.application.PrimaryApplication> primaries(int year, ApplicationKind kind,
                                                                                                 Collection<String> memberNos) { throw unused(); }

        @Override public Map<String, jp.nintei.domain.secondary.SecondaryApplication> secondaries(int year, ApplicationKind kind,
                                                                                                   Collection<String> memberNos) { throw unused(); }

        private static UnsupportedOperationException unused() { return new UnsupportedOperationException("not the season's"); }
    }
}
