package jp.nintei.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.inmemory.InMemoryPorts;
import jp.nintei.inmemory.MovableClock;
import jp.nintei.inmemory.TestFiles;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.DocumentStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 一次申請 through its ports in memory: save with a version, stale and frozen refusals, submit once, mail. */
class PrimaryApplicationServiceTest {
    static final String NO = "10000001";
    static final Member MEMBER = new Member(NO, "緩和 一郎", "かんわ いちろう", "ichiro@example.jp", LocalDate.of(2019, 4, 1),
            Set.of(2024, 2025, 2026), true, 20, false, false, SpecialistStatus.NONE);
    static final ApplicationKey KEY = new ApplicationKey(NO, 2026, ApplicationKind.NEW_PRIMARY);

    InMemoryPorts ports;
    PrimaryApplicationService service;

    @BeforeEach
    void setUp() {
        ports = new InMemoryPorts(MovableClock.at(2026, 4, 10, 10, 0)); // inside the default window 4/1–4/30
        ports.table.putMember(MEMBER);
        service = ports.primaryService();
    }

    /** The 申請料支払い控え as the page sends it: a slot, the browser's PUT, then 登録. Returns the new version. */
    static long uploadFeeReceipt(InMemoryPorts ports, String memberNo) {
        byte[] png = TestFiles.png(40, 30);
        DocumentService documents = ports.documentService();
        var slot = documents.requestSlot(memberNo, ApplicationKind.NEW_PRIMARY, "FEE_RECEIPT", "振込控え.png", png.length,
                "image/png", TestFiles.sha256(png));
        ports.documents.put(DocumentStorage.key(new ApplicationKey(memberNo, 2026, ApplicationKind.NEW_PRIMARY),
                slot.document().id()), png);
        return documents.register(memberNo, ApplicationKind.NEW_PRIMARY, slot.document().id()).version();
    }

    long completeDraft() {
        uploadFeeReceipt(ports, NO);
        long v = service.read(NO, ApplicationKind.NEW_PRIMARY).snapshot().application().version();
        return service.save(NO, ApplicationKind.NEW_PRIMARY, v, List.of("13", "大阪府", "１"));
    }

    @Test
    void aSaveStoresTheCodesAndReturnsTheNextVersion() {
        long v1 = service.save(NO, ApplicationKind.NEW_PRIMARY, 0, List.of("東京都", " 27 ", "---"));
        long v2 = service.save(NO, ApplicationKind.NEW_PRIMARY, v1, List.of("東京都", "27", "01"));
        assertEquals(v1 + 1, v2);
        var app = service.read(NO, ApplicationKind.NEW_PRIMARY).snapshot().application();
        assertEquals(List.of("13", "27", "01"), app.preferences());
        assertEquals(v2, app.version());
    }

    @Test
    void aSaveOnAStaleVersionIsRefusedAndTheNewerSaveStays() {
        long v1 = service.save(NO, ApplicationKind.NEW_PRIMARY, 0, List.of("13", "27", "01"));
        service.save(NO, ApplicationKind.NEW_PRIMARY, v1, List.of("40", "27", "01")); // the other tab
        Rejection r = assertThrows(Rejection.class,
                () -> service.save(NO, ApplicationKind.NEW_PRIMARY, v1, List.of("47", "27", "01")));
        assertEquals(Rejection.Kind.CONFLICT, r.kind());
        assertEquals("STALE_VERSION", r.code());
        assertEquals("40", service.read(NO, ApplicationKind.NEW_PRIMARY).snapshot().application().preferences().get(0));
    }

    @Test
    void anUnknownPlaceIsRefusedWithItsFieldAndNothingIsStored() {
        Rejection r = assertThrows(Rejection.class,
                () -> service.save(NO, ApplicationKind.NEW_PRIMARY, 0, List.of("13", "ムー大陸", "01")));
        assertEquals(Rejection.Kind.INVALID, r.kind());
        assertEquals("preferences[1]", r.field());
        assertEquals(ApplicationStatus.DRAFT, service.read(NO, ApplicationKind.NEW_PRIMARY).snapshot().application().status());
        assertEquals(0, ports.table.version(KEY));
    }

    @Test
    void outsideTheWindowASaveIsRefusedUnlessTheApplicantHasAnExtension() {
        ports.clock.set(2026, 5, 1, 0, 0);
        Rejection r = assertThrows(Rejection.class, () -> service.save(NO, ApplicationKind.NEW_PRIMARY, 0, List.of("13", "27", "01")));
        assertEquals(Rejection.Kind.FORBIDDEN, r.kind());
        assertEquals("WINDOW_CLOSED", r.code());
        ports.table.extend(KEY, LocalDate.of(2026, 5, 7), ports.clock.instant());
        assertEquals(1, service.save(NO, ApplicationKind.NEW_PRIMARY, 0, List.of("13", "27", "01")));
    }

    @Test
    void anIncompleteDraftIsNotSubmittedAndEveryMissingPartIsNamed() {
        long v = service.save(NO, ApplicationKind.NEW_PRIMARY, 0, Arrays.asList("13", null, null));
        Rejection r = assertThrows(Rejection.class, () -> service.submit(NO, ApplicationKind.NEW_PRIMARY, v));
        assertEquals(Rejection.Kind.UNPROCESSABLE, r.kind());
        assertEquals("INCOMPLETE", r.code());
        assertEquals(List.of("FEE_RECEIPT_REQUIRED", "PREFERENCE_REQUIRED", "PREFERENCE_REQUIRED"),
                r.problems().stream().map(p -> p.code()).toList());
        assertEquals(ApplicationStatus.DRAFT, ports.table.status(KEY));
        assertTrue(ports.mailer.sent().isEmpty());
    }

    @Test
    void aSubmitStoresTheSubmissionSendsOneConfirmationAndWritesTheAuditLine() {
        long v = completeDraft();
        var view = service.submit(NO, ApplicationKind.NEW_PRIMARY, v);
        var app = view.snapshot().application();
        assertEquals(ApplicationStatus.SUBMITTED, app.status());
        assertEquals(Boolean.TRUE, view.mailSent());
        assertNotNull(app.receiptNo());
        assertEquals(ApplicationStatus.SUBMITTED, ports.table.status(KEY));
        assertEquals(MailStatus.State.SENT, ports.table.mail(KEY).state());
        var mails = ports.mailer.sentTo("ichiro@example.jp");
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).subject().contains(app.receiptNo()), mails.get(0).subject());
        assertEquals(1, ports.table.auditLines().size());
        assertTrue(ports.table.auditLines().get(0).contains(app.receiptNo()));
    }

    @Test
    void aSecondSubmitAnswersWithTheFirstSubmissionAndSendsNoSecondMail() {
        long v = completeDraft();
        var first = service.submit(NO, ApplicationKind.NEW_PRIMARY, v).snapshot().application();
        var again = service.submit(NO, ApplicationKind.NEW_PRIMARY, v).snapshot().application();
        var stale = service.submit(NO, ApplicationKind.NEW_PRIMARY, v - 1).snapshot().application();
        assertEquals(first.receiptNo(), again.receiptNo());
        assertEquals(first.submittedAt(), stale.submittedAt());
        assertEquals(first.version(), ports.table.version(KEY));
        assertEquals(1, ports.mailer.sent().size());
        assertEquals(1, ports.table.auditLines().size());
    }

    @Test
    void aSubmittedApplicationIsFrozen() {
        long v = completeDraft();
        service.submit(NO, ApplicationKind.NEW_PRIMARY, v);
        long after = ports.table.version(KEY);
        Rejection r = assertThrows(Rejection.class,
                () -> service.save(NO, ApplicationKind.NEW_PRIMARY, after, List.of("47", "27", "01")));
        assertEquals(Rejection.Kind.CONFLICT, r.kind());
        assertEquals("ALREADY_SUBMITTED", r.code());
        assertEquals("13", service.read(NO, ApplicationKind.NEW_PRIMARY).snapshot().application().preferences().get(0));
    }

    @Test
    void aSubmitOnAStaleVersionIsRefused() {
        long v = completeDraft();
        Rejection r = assertThrows(Rejection.class, () -> service.submit(NO, ApplicationKind.NEW_PRIMARY, v - 1));
        assertEquals("STALE_VERSION", r.code());
        assertEquals(ApplicationStatus.DRAFT, ports.table.status(KEY));
    }

    @Test
    void whenTheMailCannotBeSentTheSubmissionStandsAndTheRetrySendsItLater() {
        long v = completeDraft();
        ports.mailer.failing(true);
        var view = service.submit(NO, ApplicationKind.NEW_PRIMARY, v);
        assertEquals(ApplicationStatus.SUBMITTED, view.snapshot().application().status());
        assertEquals(Boolean.FALSE, view.mailSent());
        assertEquals(ApplicationStatus.SUBMITTED, ports.table.status(KEY));
        assertEquals(MailStatus.State.PENDING, ports.table.mail(KEY).state());
        assertEquals(1, ports.table.mail(KEY).attempts());

        ports.mailer.failing(false);
        ports.clock.advance(Duration.ofMinutes(5));
        assertEquals(1, ports.mailService().retryPending(ports.confirmationMails()::forKey));
        assertEquals(MailStatus.State.SENT, ports.table.mail(KEY).state());
        assertEquals(1, ports.mailer.sentTo("ichiro@example.jp").size());
    }

    @Test
    void whenTheAuditLineCannotBeWrittenTheSubmissionStandsAndTheLineIsWrittenLater() {
        long v = completeDraft();
        ports.applications.failAuditWrites(true);
        assertEquals(ApplicationStatus.SUBMITTED, service.submit(NO, ApplicationKind.NEW_PRIMARY, v).snapshot().application().status());
        assertTrue(ports.table.auditLines().isEmpty());
        ports.applications.failAuditWrites(false);
        assertEquals(1, ports.applications.recordPendingAudits(10));
        assertEquals(1, ports.table.auditLines().size());
        assertEquals(0, ports.applications.recordPendingAudits(10), "off the queue once written");
    }

    @Test
    void aMemberWithoutAProfileIsNotFound() {
        Rejection r = assertThrows(Rejection.class, () -> service.read("99999999", ApplicationKind.NEW_PRIMARY));
        assertEquals(Rejection.Kind.NOT_FOUND, r.kind());
        assertFalse(ports.table.auditLines().size() > 0);
    }
}
