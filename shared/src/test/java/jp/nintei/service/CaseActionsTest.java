package jp.nintei.service;

import static jp.nintei.service.AdminFixtures.YEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Rejection;
import jp.nintei.inmemory.InMemoryApplicationLists;
import jp.nintei.inmemory.InMemoryAuditLog;
import jp.nintei.inmemory.InMemoryCaseActionStore;
import jp.nintei.port.ApplicationKey;
import org.junit.jupiter.api.Test;

/** 期限延長, 差し戻し, follow-up confirmations and the resend, on the in-memory ports. */
class CaseActionsTest {
    static final ApplicationKind KIND = ApplicationKind.NEW_PRIMARY;
    static final String NO = "10000001";
    static final ApplicationKey KEY = new ApplicationKey(NO, YEAR, KIND);

    final InMemoryCaseActionStore store = new InMemoryCaseActionStore();
    final InMemoryApplicationLists lists = new InMemoryApplicationLists().put(AdminFixtures.member(NO, "a@example.jp"));
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final AdminFixtures.RecordingMailer mailer = new AdminFixtures.RecordingMailer();
    final List<ApplicationKey> resent = new ArrayList<>();
    boolean resendSucceeds = true;

    CaseActions actions() {
        return new CaseActions(store, lists, lists, audit, mailer, key -> {
            resent.add(key);
            return resendSucceeds;
        }, AdminFixtures.SITE, AdminFixtures.at(YEAR + "-05-02T10:00"));
    }

    @Test
    void anExtensionThatEndsOnOrBeforeTheCloseIsRefusedAndNothingIsWritten() {
        Rejection r = assertThrows(Rejection.class, () -> actions().extend(YEAR, KIND, NO, YEAR + "-04-30", "入院", "90000001"));
        assertEquals(Rejection.Kind.INVALID, r.kind());
        assertEquals("EXTENSION_NOT_AFTER_CLOSE", r.code());
        assertEquals("until", r.field());
        assertTrue(r.getMessage().contains(YEAR + "年4月30日"), r.getMessage());
        assertNull(store.get(KEY));
        assertTrue(audit.all().isEmpty());
        assertTrue(mailer.sent.isEmpty());
    }

    @Test
    void anExtensionTurnsANotSubmittedDraftBackIntoADraftIsAuditedAndMailsTheApplicantTheirDeadline() {
        store.put(KEY, ApplicationStatus.NOT_SUBMITTED, false);
        actions().extend(YEAR, KIND, NO, "２０２６／５／１０", "入院のため", "90000001");
        assertEquals(ApplicationStatus.DRAFT, store.get(KEY).status);
        assertEquals(LocalDate.of(YEAR, 5, 10), store.get(KEY).extendedUntil);
        assertEquals(List.of("DEADLINE_EXTENDED"), audit.actions());
        assertEquals(YEAR + "-05-10まで：入院のため", audit.all().get(0).after());
        assertEquals(1, mailer.sent.size());
        assertEquals("a@example.jp", mailer.sent.get(0).to());
        assertTrue(mailer.sent.get(0).body().contains(YEAR + "年5月10日 23:59"), mailer.sent.get(0).body());
        assertTrue(mailer.sent.get(0).body().contains("https://nintei.example.org/\n"), "the mail names the page");
    }

    @Test
    void anExtensionStandsWhenItsMailCannotBeSent() {
        mailer.refuse();
        actions().extend(YEAR, KIND, NO, YEAR + "-05-10", "入院のため", "90000001");
        assertEquals(LocalDate.of(YEAR, 5, 10), store.get(KEY).extendedUntil);
        assertEquals(List.of("DEADLINE_EXTENDED"), audit.actions());
    }

    @Test
    void anExtensionNeedsAReasonAndAKnownMember() {
        Rejection noReason = assertThrows(Rejection.class, () -> actions().extend(YEAR, KIND, NO, YEAR + "-05-10", "  ", "90000001"));
        assertEquals("REASON_REQUIRED", noReason.code());
        assertEquals("reason", noReason.field());
        Rejection unknown = assertThrows(Rejection.class, () -> actions().extend(YEAR, KIND, "99999999", YEAR + "-05-10", "入院", "90000001"));
        assertEquals(Rejection.Kind.NOT_FOUND, unknown.kind());
        assertEquals("MEMBER_NOT_FOUND", unknown.code());
        Rejection badDate = assertThrows(Rejection.class, () -> actions().extend(YEAR, KIND, NO, "5月10日ごろ", "入院", "90000001"));
        assertEquals("BAD_DATE", badDate.code());
        assertNull(store.get(KEY));
    }

    @Test
    void onlyASubmissionCanBeReopened() {
        store.put(KEY, ApplicationStatus.DRAFT, false);
        Rejection r = assertThrows(Rejection.class, () -> actions().reopen(YEAR, KIND, NO, YEAR + "-05-20", "写真が不鮮明です", "90000001"));
        assertEquals(Rejection.Kind.CONFLICT, r.kind());
        assertEquals("NOT_SUBMITTED", r.code());
        assertTrue(audit.all().isEmpty());
        assertTrue(mailer.sent.isEmpty());
    }

    @Test
    void reopeningMakesADraftUntilTheDateAndMailsTheReasonAsTyped() {
        store.put(KEY, ApplicationStatus.SUBMITTED, true);
        actions().reopen(YEAR, KIND, NO, YEAR + "-05-20", "写真が不鮮明です（ＰＤＦで再提出）", "90000001");
        assertEquals(ApplicationStatus.DRAFT, store.get(KEY).status);
        assertEquals(LocalDate.of(YEAR, 5, 20), store.get(KEY).extendedUntil);
        assertEquals(List.of("REOPENED"), audit.actions());
        assertTrue(mailer.sent.get(0).body().contains("写真が不鮮明です（ＰＤＦで再提出）"), "free text is never NFKC-normalised");
        assertTrue(mailer.sent.get(0).subject().contains("修正のお願い"));
    }

    @Test
    void aReopeningWhoseMailFailsStandsAndSaysSo() {
        store.put(KEY, ApplicationStatus.SUBMITTED, true);
        mailer.refuse();
        Rejection r = assertThrows(Rejection.class, () -> actions().reopen(YEAR, KIND, NO, YEAR + "-05-20", "写真", "90000001"));
        assertEquals(Rejection.Kind.MAIL_NOT_SENT, r.kind());
        assertEquals(ApplicationStatus.DRAFT, store.get(KEY).status, "the reopening is written before the mail");
        assertEquals(List.of("REOPENED"), audit.actions());
    }

    @Test
    void aFollowUpIsConfirmedWithItsNoteOnlyForJulyOrDues() {
        store.put(KEY, ApplicationStatus.SUBMITTED, true);
        Rejection r = assertThrows(Rejection.class, () -> actions().confirm(YEAR, KIND, NO, "photo", null, "90000001"));
        assertEquals("BAD_FOLLOW_UP", r.code());
        assertEquals("what", r.field());
        actions().confirm(YEAR, KIND, NO, "dues", "5/1 入金確認", "90000001");
        assertTrue(store.get(KEY).confirmed.get("Dues").endsWith("90000001：5/1 入金確認"), store.get(KEY).confirmed.toString());
        assertEquals(List.of("CONFIRMED_DUES"), audit.actions());
        Rejection none = assertThrows(Rejection.class, () -> actions().confirm(YEAR, ApplicationKind.NEW_SECONDARY, NO, "july", null, "90000001"));
        assertEquals(Rejection.Kind.NOT_FOUND, none.kind());
    }

    @Test
    void theConfirmationMailIsResentOnlyForASubmissionAndTheAuditSaysWhetherItWent() {
        store.put(KEY, ApplicationStatus.DRAFT, false);
        Rejection r = assertThrows(Rejection.class, () -> actions().resendMail(YEAR, KIND, NO, "90000001"));
        assertEquals("NOT_SUBMITTED", r.code());
        assertTrue(resent.isEmpty());

        store.put(KEY, ApplicationStatus.SUBMITTED, true);
        assertTrue(actions().resendMail(YEAR, KIND, NO, "90000001"));
        resendSucceeds = false;
        assertFalse(actions().resendMail(YEAR, KIND, NO, "90000001"));
        assertEquals(List.of(KEY, KEY), resent);
        assertTrue(store.get(KEY).mailPending);
        assertEquals(List.of("送信済", "再送待ち"), audit.all().stream().map(e -> e.after()).toList());
    }
}
