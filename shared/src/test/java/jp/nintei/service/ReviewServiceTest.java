package jp.nintei.service;

import static jp.nintei.service.AdminFixtures.YEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.directory.Directory;
import jp.nintei.domain.review.Review;
import jp.nintei.domain.review.ReviewState;
import jp.nintei.inmemory.InMemoryApplicationLists;
import jp.nintei.inmemory.InMemoryAuditLog;
import jp.nintei.inmemory.InMemoryReviewStore;
import jp.nintei.port.ApplicationKey;
import org.junit.jupiter.api.Test;

/** 書類審査 of a 一次申請: marks, 差し戻し, 受理・不受理, each guarded by the review's version, on the in-memory ports. */
class ReviewServiceTest {
    static final ApplicationKind KIND = ApplicationKind.NEW_PRIMARY;
    static final String NO = "10000001";

    final InMemoryApplicationLists lists = new InMemoryApplicationLists().put(AdminFixtures.member(NO, "a@example.jp"))
            .put(AdminFixtures.submitted(NO, Instant.parse(YEAR + "-04-10T01:00:00Z"), MailStatus.State.SENT));
    final InMemoryReviewStore store = new InMemoryReviewStore(lists);
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final AdminFixtures.RecordingMailer mailer = new AdminFixtures.RecordingMailer();
    final ReviewService reviews = new ReviewService(store, lists, audit, new ApplicationQueriesTest.LinkingStorage(), mailer,
            () -> new Directory(List.of(), List.of()), AdminFixtures.SITE, AdminFixtures.at(YEAR + "-05-02T10:00"));

    @Test
    void aSendBackMailsEachDeficiencyAndMakesTheApplicationADraftUntilTheDeadline() {
        reviews.mark(YEAR, KIND, NO, "receipt", "deficient", "金額が読めません", 0, "90000001");
        reviews.mark(YEAR, KIND, NO, "preferences", "confirmed", null, 1, "90000001");
        Review r = reviews.sendBack(YEAR, KIND, NO, YEAR + "/5/20", 2, "90000001");
        assertEquals(ReviewState.RETURNED, r.state());
        var loaded = store.load(new ApplicationKey(NO, YEAR, KIND));
        assertEquals(ApplicationStatus.DRAFT, loaded.status());
        assertEquals(LocalDate.of(YEAR, 5, 20), loaded.extendedUntil());
        assertEquals(List.of("REVIEW_MARKED", "REVIEW_MARKED", "REVIEW_RETURNED"), audit.actions());
        String body = mailer.sent.get(0).body();
        assertTrue(body.contains("1. 申請料支払い控え\n   金額が読めません"), body);
        assertTrue(body.contains(YEAR + "年5月20日 23:59"), body);
        assertTrue(body.contains("■ 認定システム（ログイン画面）\nhttps://nintei.example.org/\n"), "the mail names the page: " + body);

        Rejection again = assertThrows(Rejection.class, () -> reviews.mark(YEAR, KIND, NO, "receipt", "confirmed", null, 3, "90000001"));
        assertEquals("NOT_SUBMITTED", again.code());
    }

    @Test
    void aScreenThatIsNoLongerCurrentIsRefusedAsStale() {
        reviews.mark(YEAR, KIND, NO, "receipt", "confirmed", null, 0, "90000001");
        Rejection stale = assertThrows(Rejection.class, () -> reviews.mark(YEAR, KIND, NO, "preferences", "confirmed", null, 0, "90000002"));
        assertEquals(Rejection.Kind.CONFLICT, stale.kind());
        assertEquals("STALE_REVIEW", stale.code());
        assertEquals(1, audit.all().size());
    }

    @Test
    void onlyAFullyConfirmedApplicationIsAcceptedAndADecisionIsFinal() {
        reviews.mark(YEAR, KIND, NO, "preferences", "confirmed", null, 0, "90000001");
        Rejection open = assertThrows(Rejection.class, () -> reviews.decide(YEAR, KIND, NO, "accepted", null, 1, "90000001"));
        assertEquals("NOT_ALL_CONFIRMED", open.code());
        assertTrue(open.getMessage().contains("申請料支払い控え"), open.getMessage());
        Rejection noReason = assertThrows(Rejection.class, () -> reviews.decide(YEAR, KIND, NO, "rejected", "  ", 1, "90000001"));
        assertEquals("reason", noReason.field());

        Review rejected = reviews.decide(YEAR, KIND, NO, "rejected", "受験資格なし", 1, "90000001");
        assertEquals(ReviewState.REJECTED, rejected.state());
        Rejection decided = assertThrows(Rejection.class, () -> reviews.mark(YEAR, KIND, NO, "receipt", "confirmed", null, 2, "90000001"));
        assertEquals("ALREADY_DECIDED", decided.code());
    }

    @Test
    void aSendBackNeedsADeficiencyAndADeadlineNotInThePast() {
        reviews.mark(YEAR, KIND, NO, "receipt", "confirmed", null, 0, "90000001");
        assertEquals("NO_DEFICIENCY", assertThrows(Rejection.class,
                () -> reviews.sendBack(YEAR, KIND, NO, YEAR + "-05-20", 1, "90000001")).code());
        assertEquals("DEADLINE_PAST", assertThrows(Rejection.class,
                () -> reviews.sendBack(YEAR, KIND, NO, YEAR + "-05-01", 1, "90000001")).code());
        assertTrue(mailer.sent.isEmpty());
    }

    @Test
    void aDeficiencyNeedsItsNoteAndASectionOfThisApplication() {
        assertEquals("NOTE_REQUIRED", assertThrows(Rejection.class,
                () -> reviews.mark(YEAR, KIND, NO, "receipt", "deficient", " ", 0, "90000001")).code());
        assertEquals("BAD_SECTION", assertThrows(Rejection.class,
                () -> reviews.mark(YEAR, KIND, NO, "resume", "confirmed", null, 0, "90000001")).code(), "a 二次 section");
        assertTrue(audit.all().isEmpty());
    }

    @Test
    void aSendBackLeftUncorrectedPastItsDeadlineCanEndNotAcceptedButNotBefore() {
        reviews.mark(YEAR, KIND, NO, "receipt", "deficient", "金額が読めません", 0, "90000001");
        reviews.sendBack(YEAR, KIND, NO, YEAR + "-05-20", 1, "90000001");
        Rejection early = assertThrows(Rejection.class, () -> reviews.decide(YEAR, KIND, NO, "rejected", "期限までに修正なし", 2, "90000001"));
        assertEquals("NOT_SUBMITTED", early.code(), "the applicant may still correct it until 5/20 23:59");

        ReviewService later = new ReviewService(store, lists, audit, new ApplicationQueriesTest.LinkingStorage(), mailer,
                () -> new Directory(List.of(), List.of()), AdminFixtures.SITE, AdminFixtures.at(YEAR + "-05-21T00:00"));
        Rejection accept = assertThrows(Rejection.class, () -> later.decide(YEAR, KIND, NO, "accepted", null, 2, "90000001"));
        assertEquals("NOT_SUBMITTED", accept.code(), "受理 needs the corrected application");
        Review r = later.decide(YEAR, KIND, NO, "rejected", "期限までに修正なし", 2, "90000001");
        assertEquals(ReviewState.REJECTED, r.state());
        assertEquals("期限までに修正なし", r.decision().reason());
        assertTrue(audit.actions().contains("REVIEW_DECIDED"));
    }
}
