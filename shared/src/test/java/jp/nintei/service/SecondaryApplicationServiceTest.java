package jp.nintei.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Facility;
import jp.nintei.domain.Member;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.Supervisor;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.domain.application.FileType;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.review.Correction;
import jp.nintei.domain.review.Review;
import jp.nintei.domain.review.ReviewSection;
import jp.nintei.domain.secondary.Achievement;
import jp.nintei.domain.secondary.IdentityDocuments;
import jp.nintei.domain.secondary.JulyProjection;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.TrainingRef;
import jp.nintei.inmemory.InMemoryPorts;
import jp.nintei.inmemory.MovableClock;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.SecondaryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 二次申請 through its ports in memory, by the methods that take domain values (the top page and submit; the
 * sections arrive as JSON and are tested through the handlers): access after 一次, versions, submit once, mail.
 */
class SecondaryApplicationServiceTest {
    static final String NO = PrimaryApplicationServiceTest.NO;
    static final ApplicationKey KEY = new ApplicationKey(NO, 2026, ApplicationKind.NEW_SECONDARY);
    static final String NO_PRIMARY = "10000009";

    InMemoryPorts ports;
    SecondaryApplicationService service;

    @BeforeEach
    void setUp() {
        ports = new InMemoryPorts(MovableClock.at(2026, 4, 10, 10, 0));
        ports.table.putMember(PrimaryApplicationServiceTest.MEMBER);
        ports.table.putMember(new Member(NO_PRIMARY, "緩和 九郎", "かんわ くろう", "kuro@example.jp", LocalDate.of(2019, 4, 1),
                Set.of(2026), true, 20, false, false, SpecialistStatus.NONE));
        var primary = ports.primaryService();
        PrimaryApplicationServiceTest.uploadFeeReceipt(ports, NO);
        long v = primary.save(NO, ApplicationKind.NEW_PRIMARY, ports.table.version(PrimaryApplicationServiceTest.KEY),
                List.of("13", "27", "01"));
        primary.submit(NO, ApplicationKind.NEW_PRIMARY, v);
        ports.directory.putFacility(new Facility("F0004", "緩和ケアセンター", "かんわけあせんたー", Facility.CORE,
                LocalDate.of(2023, 4, 1), LocalDate.of(2030, 3, 31)));
        ports.directory.putSupervisor(new Supervisor("S0004", "指導 四郎", "しどう しろう", Supervisor.CERTIFIED_WITH_TRAINER,
                LocalDate.of(2021, 4, 1), LocalDate.of(2031, 3, 31)));
        ports.clock.set(2026, 6, 10, 10, 0); // inside the default 二次 window 6/1–6/30
        service = ports.secondaryService();
    }

    /** A whole 二次申請 written through the store port (4 resume rows, 2 training entries, 2 業績, 6 documents). */
    long wholeSecondary(long v) {
        Instant now = ports.clock.instant();
        List<String> ids = new ArrayList<>();
        DocumentPurpose[] purposes = {DocumentPurpose.TRAINING_CERTIFICATE, DocumentPurpose.ACHIEVEMENT_COPY,
            DocumentPurpose.ACHIEVEMENT_COPY, DocumentPurpose.MEDICAL_LICENSE, DocumentPurpose.COURSE_CERTIFICATE, DocumentPurpose.EXAM_PHOTO};
        for (int i = 0; i < purposes.length; i++) {
            String id = String.format(Locale.ROOT, "%032x", 0xC0000000L + i);
            FileType type = purposes[i] == DocumentPurpose.EXAM_PHOTO ? FileType.JPEG : FileType.PDF;
            ports.applications.addDocument(KEY, new Document(id, purposes[i], "書類" + i, 200_000, type, "ab".repeat(32),
                    Document.Status.PENDING, now), now);
            v = ports.applications.registerDocument(KEY, id, 2, now);
            ids.add(id);
        }
        Resume resume = new Resume(List.of(new Resume.Row("2010-04-01", "○○大学 医学部 入学"), new Resume.Row("2016-03-31", "○○大学 医学部 卒業")),
                List.of(new Resume.Row("2016-04-01", "○○病院 初期研修医"), new Resume.Row("2018-04-01", "△△病院 緩和ケア科")),
                List.of(new Resume.Row("2016-05-01", "医師免許取得")), 6);
        v = ports.secondaries.saveSecondary(KEY, v, new SecondaryStore.Change(resume, null, null, null, null, null), now);
        List<TrainingRef> training = List.of(
                new TrainingRef(Facility.CORE, "F0004", LocalDate.of(2023, 4, 1), Facility.CORE, YearMonth.of(2023, 4),
                        YearMonth.of(2024, 3), "S0004", LocalDate.of(2021, 4, 1), Supervisor.CERTIFIED_WITH_TRAINER, ids.get(0)),
                new TrainingRef(Facility.CORE, "F0004", LocalDate.of(2023, 4, 1), Facility.CORE, YearMonth.of(2024, 4),
                        YearMonth.of(2025, 3), "S0004", LocalDate.of(2021, 4, 1), Supervisor.CERTIFIED_WITH_TRAINER, ids.get(0)));
        v = ports.secondaries.saveSecondary(KEY, v, new SecondaryStore.Change(null, training, null, null, null, null), now);
        List<Achievement> achievements = List.of(
                new Achievement(Achievement.Kind.CONFERENCE_PRESENTATION, "緩和ケアにおける○○の検討", "緩和一郎", "日本緩和医療学会学術大会",
                        "2026-06", null, ids.get(1)),
                new Achievement(Achievement.Kind.CASE_REPORT, "××の一例", "緩和一郎, 学会三郎", "緩和医療学 12(3):45-50", "2025-10",
                        Achievement.PUBLISHED, ids.get(2)));
        v = ports.secondaries.saveSecondary(KEY, v, new SecondaryStore.Change(null, null, achievements, null, null, null), now);
        return ports.secondaries.saveSecondary(KEY, v, new SecondaryStore.Change(null, null, null,
                new IdentityDocuments(ids.get(3), ids.get(4), ids.get(5)), null, null), now);
    }

    @Test
    void withoutASubmitted一次TheFirstSaveIsRefusedAndNothingIsStored() {
        Rejection r = assertThrows(Rejection.class,
                () -> service.saveTop(NO_PRIMARY, ApplicationKind.NEW_SECONDARY, 0, true, JulyProjection.NONE));
        assertEquals(Rejection.Kind.FORBIDDEN, r.kind());
        assertEquals("SECONDARY_UNAVAILABLE", r.code());
        assertNull(ports.table.status(new ApplicationKey(NO_PRIMARY, 2026, ApplicationKind.NEW_SECONDARY)));
    }

    @Test
    void theTopPageIsSavedWithItsVersionAndAStaleSaveIsRefused() {
        long v1 = service.saveTop(NO, ApplicationKind.NEW_SECONDARY, 0, true, new JulyProjection(true, false, false, false));
        Rejection r = assertThrows(Rejection.class,
                () -> service.saveTop(NO, ApplicationKind.NEW_SECONDARY, 0, false, JulyProjection.NONE));
        assertEquals(Rejection.Kind.CONFLICT, r.kind());
        assertEquals("STALE_VERSION", r.code());
        var app = service.read(NO, ApplicationKind.NEW_SECONDARY).snapshot().application();
        assertEquals(v1, app.version());
        assertTrue(app.duesInProcess());
        assertTrue(app.july().experience());
    }

    @Test
    void anIncompleteApplicationIsNotSubmitted() {
        long v = service.saveTop(NO, ApplicationKind.NEW_SECONDARY, 0, false, JulyProjection.NONE);
        Rejection r = assertThrows(Rejection.class, () -> service.submit(NO, ApplicationKind.NEW_SECONDARY, v));
        assertEquals(Rejection.Kind.UNPROCESSABLE, r.kind());
        assertEquals("INCOMPLETE", r.code());
        assertFalse(r.problems().isEmpty());
        assertEquals(ApplicationStatus.DRAFT, ports.table.status(KEY));
    }

    @Test
    void aWholeApplicationIsSubmittedOnceWithOneConfirmationAndIsThenFrozen() {
        long v = wholeSecondary(service.saveTop(NO, ApplicationKind.NEW_SECONDARY, 0, false, JulyProjection.NONE));
        var view = service.submit(NO, ApplicationKind.NEW_SECONDARY, v);
        var app = view.snapshot().application();
        assertEquals(ApplicationStatus.SUBMITTED, app.status());
        assertEquals(Boolean.TRUE, view.mailSent());
        var again = service.submit(NO, ApplicationKind.NEW_SECONDARY, v).snapshot().application();
        assertEquals(app.receiptNo(), again.receiptNo());
        var mails = ports.mailer.sent().stream().filter(m -> m.subject().contains(app.receiptNo())).toList();
        assertEquals(1, mails.size());
        assertEquals(MailStatus.State.SENT, ports.table.mail(KEY).state());

        Rejection r = assertThrows(Rejection.class,
                () -> service.saveTop(NO, ApplicationKind.NEW_SECONDARY, ports.table.version(KEY), true, JulyProjection.NONE));
        assertEquals("ALREADY_SUBMITTED", r.code());
    }

    @Test
    void whenTheMailCannotBeSentTheSubmissionStandsAndTheRetryComposesIt() {
        long v = wholeSecondary(service.saveTop(NO, ApplicationKind.NEW_SECONDARY, 0, false, JulyProjection.NONE));
        int before = ports.mailer.sent().size();
        ports.mailer.failing(true);
        var view = service.submit(NO, ApplicationKind.NEW_SECONDARY, v);
        assertEquals(Boolean.FALSE, view.mailSent());
        assertEquals(ApplicationStatus.SUBMITTED, ports.table.status(KEY));
        assertEquals(MailStatus.State.PENDING, ports.table.mail(KEY).state());

        ports.mailer.failing(false);
        ports.clock.advance(Duration.ofMinutes(5));
        assertEquals(1, ports.mailService().retryPending(ports.confirmationMails()::forKey));
        assertEquals(MailStatus.State.SENT, ports.table.mail(KEY).state());
        assertEquals(before + 1, ports.mailer.sent().size());
        assertTrue(ports.mailer.sent().get(before).subject().contains(view.snapshot().application().receiptNo()));
    }

    @Test
    void afterA差し戻しOnlyTheSectionsNamedMayChange() {
        long v = wholeSecondary(service.saveTop(NO, ApplicationKind.NEW_SECONDARY, 0, false, JulyProjection.NONE));
        service.submit(NO, ApplicationKind.NEW_SECONDARY, v);
        assertTrue(ports.table.returnForCorrection(KEY, new Correction(LocalDate.of(2026, 7, 10),
                List.of(new Review.Item(ReviewSection.RESUME, "経歴の年月を確認してください")))));
        Rejection r = assertThrows(Rejection.class,
                () -> service.saveTop(NO, ApplicationKind.NEW_SECONDARY, ports.table.version(KEY), true, JulyProjection.NONE));
        assertEquals(Rejection.Kind.CONFLICT, r.kind());
        assertEquals("NOT_REQUESTED", r.code());
        assertFalse(service.read(NO, ApplicationKind.NEW_SECONDARY).snapshot().application().duesInProcess());
    }
}
