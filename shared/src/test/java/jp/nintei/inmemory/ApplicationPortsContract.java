package jp.nintei.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.domain.application.FileType;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.secondary.JulyProjection;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationStore;
import jp.nintei.port.ApplicationStore.Conflict;
import jp.nintei.port.MemberStore;
import jp.nintei.port.SeasonStore;
import jp.nintei.port.SecondaryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the application, 二次, member and season ports answer, whatever is behind them: run on the in-memory ports
 * here and on DynamoDB (the stand-in) by the local module, so the fast service tests rest on the same answers.
 * Each test uses its own member and a year no other test uses.
 */
public abstract class ApplicationPortsContract {
    protected static final int YEAR = 2091;
    private static final AtomicInteger NEXT = new AtomicInteger(91000001);
    private static final Instant T = Instant.parse("2091-04-10T01:00:00Z");

    protected abstract ApplicationStore applications();

    protected abstract SecondaryStore secondaries();

    protected abstract MemberStore members();

    protected abstract SeasonStore season();

    ApplicationKey key;

    @BeforeEach
    void aMemberOfTheirOwn() {
        String no = Integer.toString(NEXT.getAndIncrement());
        members().putMember(new Member(no, "契約 太郎", "けいやく たろう", no + "@example.jp", LocalDate.of(2080, 4, 1),
                Set.of(YEAR), true, 20, false, false, SpecialistStatus.NONE));
        key = new ApplicationKey(no, YEAR, ApplicationKind.NEW_PRIMARY);
    }

    static Document pending(String id) {
        return new Document(id, DocumentPurpose.FEE_RECEIPT, "控え.pdf", 1000, FileType.PDF, "ab".repeat(32), Document.Status.PENDING, T);
    }

    static Conflict.Reason reason(Runnable write) { return assertThrows(Conflict.class, write::run).reason(); }

    @Test
    void aMemberWithoutAnItemHasAnEmptyDraftAndNoMemberNothing() {
        var s = applications().load(key).orElseThrow();
        assertEquals(ApplicationStatus.DRAFT, s.application().status());
        assertEquals(0, s.application().version());
        assertTrue(applications().load(new ApplicationKey("99999998", YEAR, ApplicationKind.NEW_PRIMARY)).isEmpty());
    }

    @Test
    void everySaveIsOneVersionAndAStaleOneIsRefused() {
        assertEquals(1, applications().saveDraft(key, 0, List.of("13"), T));
        assertEquals(2, applications().saveDraft(key, 1, List.of("13", "27"), T));
        assertEquals(Conflict.Reason.STALE, reason(() -> applications().saveDraft(key, 1, List.of("40"), T)));
        assertEquals(Conflict.Reason.STALE, reason(() -> applications().saveDraft(key, 0, List.of("40"), T)));
        assertEquals("27", applications().load(key).orElseThrow().application().preferences().get(1));
    }

    @Test
    void aSubmittedApplicationIsFrozenAndASecondSubmitIsRefusedAsSubmitted() {
        long v = applications().saveDraft(key, 0, List.of("13", "27", "01"), T);
        assertEquals(Conflict.Reason.STALE, reason(() -> applications().submit(key, v - 1, "R1", "m1", T)));
        applications().submit(key, v, "R1", "m1", T);
        var app = applications().load(key).orElseThrow().application();
        assertEquals(ApplicationStatus.SUBMITTED, app.status());
        assertEquals(v + 1, app.version());
        assertEquals("R1", app.receiptNo());
        assertEquals(new MailStatus("m1", MailStatus.State.PENDING, 0, null), app.mail());
        assertEquals(Conflict.Reason.SUBMITTED, reason(() -> applications().submit(key, v + 1, "R2", "m2", T)));
        assertEquals(Conflict.Reason.SUBMITTED, reason(() -> applications().saveDraft(key, v + 1, List.of("40"), T)));
        assertEquals(Conflict.Reason.SUBMITTED, reason(() -> applications().addDocument(key, pending("0".repeat(32)), T)));
        assertEquals("R1", applications().load(key).orElseThrow().application().receiptNo());
    }

    @Test
    void documentsAreAddedRegisteredAtAVersionAndRemoved() {
        String id = "1".repeat(32);
        long v = applications().addDocument(key, pending(id), T);
        // a stale 登録 of a document that is there is diagnosed MISSING, as every failed document write is: the caller
        // tells the two apart by looking the document up (DocumentService counts again then)
        assertEquals(Conflict.Reason.MISSING, reason(() -> applications().registerDocument(key, id, 1, v - 1, T)));
        assertTrue(applications().findDocument(key, id).isPresent());
        assertEquals(Conflict.Reason.MISSING, reason(() -> applications().registerDocument(key, "2".repeat(32), 1, v, T)));
        assertEquals(v + 1, applications().registerDocument(key, id, 3, v, T));
        Document d = applications().findDocument(key, id).orElseThrow();
        assertTrue(d.registered());
        assertEquals(3, d.pages());
        assertEquals(id, applications().removeDocument(key, id, T).orElseThrow().id());
        assertTrue(applications().removeDocument(key, id, T).isEmpty(), "no such document: empty, not a conflict");
        assertTrue(applications().findDocument(key, id).isEmpty());
    }

    @Test
    void theOutboxMovesOnlyFromPendingAndOnlyForItsOwnMail() {
        long v = applications().saveDraft(key, 0, List.of("13", "27", "01"), T);
        applications().submit(key, v, "R1", "m1", T);
        assertTrue(applications().pendingMail(T.plusSeconds(1), 1000).stream().anyMatch(p -> p.key().equals(key)));
        assertFalse(applications().pendingMail(T, 1000).stream().anyMatch(p -> p.key().equals(key)), "only before the given time");
        applications().recordMailAttempt(key, "m1", T);
        applications().markMailSent(key, "other", T);
        assertEquals(MailStatus.State.PENDING, applications().load(key).orElseThrow().application().mail().state());
        applications().markMailFailed(key, "m1", T.plusSeconds(5));
        MailStatus failed = applications().load(key).orElseThrow().application().mail();
        assertEquals(MailStatus.State.FAILED, failed.state());
        assertEquals(2, failed.attempts());
        assertFalse(applications().pendingMail(T.plusSeconds(60), 1000).stream().anyMatch(p -> p.key().equals(key)));
        applications().markMailSent(key, "m1", T.plusSeconds(9));
        assertEquals(MailStatus.State.FAILED, applications().load(key).orElseThrow().application().mail().state(), "no longer pending");
    }

    @Test
    void the二次SnapshotKnowsWhetherThe一次IsSubmitted() {
        ApplicationKey second = new ApplicationKey(key.memberNo(), YEAR, ApplicationKind.NEW_SECONDARY);
        assertFalse(secondaries().loadSecondary(second).orElseThrow().primarySubmitted());
        long v = applications().saveDraft(key, 0, List.of("13", "27", "01"), T);
        applications().submit(key, v, "R1", "m1", T);
        assertTrue(secondaries().loadSecondary(second).orElseThrow().primarySubmitted());
        assertEquals(1, secondaries().loadSecondary(second).orElseThrow().requiredAchievements().total());
        long s1 = secondaries().saveSecondary(second, 0, new SecondaryStore.Change(null, null, null, null, true, JulyProjection.NONE), T);
        assertEquals(Conflict.Reason.STALE, reason(() -> secondaries().saveSecondary(second, 0,
                new SecondaryStore.Change(null, null, null, null, false, null), T)));
        assertTrue(secondaries().loadSecondary(second).orElseThrow().application().duesInProcess());
        assertEquals(s1, secondaries().loadSecondary(second).orElseThrow().application().version());
    }

    @Test
    void theSeasonMarksOnlyDraftsAndEachReminderOnce() {
        applications().saveDraft(key, 0, List.of("13"), T);
        assertTrue(season().drafts(YEAR, ApplicationKind.NEW_PRIMARY).contains(key.memberNo()));
        assertTrue(season().markReminded(key, "7", T));
        assertFalse(season().markReminded(key, "7", T));
        assertTrue(season().markNotSubmitted(key, T));
        assertFalse(season().markNotSubmitted(key, T));
        assertFalse(season().markReminded(key, "1", T), "not a draft any more");
        assertTrue(season().notSubmitted(YEAR, ApplicationKind.NEW_PRIMARY).contains(key.memberNo()));
        assertFalse(season().drafts(YEAR, ApplicationKind.NEW_PRIMARY).contains(key.memberNo()));
        assertEquals(Conflict.Reason.CLOSED, reason(() -> applications().saveDraft(key, 1, List.of("27"), T)));
        assertTrue(season().markDraftAgain(key, T));
        assertFalse(season().markDraftAgain(key, T));
        assertEquals(ApplicationStatus.DRAFT, applications().load(key).orElseThrow().application().status());
    }

    @Test
    void aSubmittedApplicationIsNeverMarked未提出() {
        long v = applications().saveDraft(key, 0, List.of("13", "27", "01"), T);
        applications().submit(key, v, "R1", "m1", T);
        assertFalse(season().markNotSubmitted(key, T));
        assertFalse(season().drafts(YEAR, ApplicationKind.NEW_PRIMARY).contains(key.memberNo()));
    }
}
