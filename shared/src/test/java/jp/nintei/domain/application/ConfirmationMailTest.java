package jp.nintei.domain.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.ApplicationWindow;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.YearWindows;
import org.junit.jupiter.api.Test;

/** docs/domain.md "Confirmation mail": what was submitted, when (JST), a receipt number, and what happens next. */
class ConfirmationMailTest {
    private static final String SHA_A = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String SHA_B = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String SHA_PENDING = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    private static final Instant SUBMITTED = Instant.parse("2026-04-10T01:15:00Z");
    /** Not the default 6/1–6/30, so the mail must take the label from the windows it is given. */
    private static final YearWindows WINDOWS = new YearWindows(2026,
            new ApplicationWindow(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)),
            new ApplicationWindow(LocalDate.of(2026, 6, 3), LocalDate.of(2026, 6, 28)),
            new ApplicationWindow(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)));

    private static Member member(boolean exempt) {
        return new Member("98765", "緩和 花子", "かんわ はなこ", "hanako@example.jp", LocalDate.of(2015, 4, 1),
                Set.of(2024, 2025), true, 3, false, exempt, SpecialistStatus.NONE);
    }

    private static Document doc(String id, String name, FileType type, String sha, Document.Status status) {
        return new Document(id, DocumentPurpose.FEE_RECEIPT, name, 1000, type, sha, status, SUBMITTED.minusSeconds(600));
    }

    /** A submitted application as the store hands it to the mail: receipt number and mail id recorded at submit. */
    private static PrimaryApplication submitted(ApplicationKind kind, List<String> preferences, Document... documents) {
        PrimaryApplication draft = new PrimaryApplication("98765", 2026, kind, ApplicationStatus.DRAFT, 5, preferences,
                List.of(documents), null, null, null);
        return new PrimaryApplication("98765", 2026, kind, ApplicationStatus.SUBMITTED, 6, preferences,
                List.of(documents), SUBMITTED, ConfirmationMail.receiptNo(draft),
                new MailStatus(ConfirmationMail.mailId(draft), MailStatus.State.PENDING, 0, null));
    }

    private static PrimaryApplication typical() {
        return submitted(ApplicationKind.NEW_PRIMARY, List.of("13", "27", "47"),
                doc("a0000000000000000000000000000000", "振込明細.pdf", FileType.PDF, SHA_A, Document.Status.REGISTERED),
                doc("b0000000000000000000000000000000", "画面.png", FileType.PNG, SHA_B, Document.Status.REGISTERED),
                doc("c0000000000000000000000000000000", "途中.jpg", FileType.JPEG, SHA_PENDING, Document.Status.PENDING));
    }

    @Test
    void receiptNumbers() {
        assertEquals("P2026-98765", ConfirmationMail.receiptNo(PrimaryApplication.empty("98765", 2026, ApplicationKind.NEW_PRIMARY)));
        assertEquals("T2026-98765", ConfirmationMail.receiptNo(PrimaryApplication.empty("98765", 2026, ApplicationKind.TRANSITION_PRIMARY)));
        assertEquals("P2027-00001", ConfirmationMail.receiptNo(PrimaryApplication.empty("00001", 2027, ApplicationKind.NEW_PRIMARY)));
    }

    @Test
    void mailIdIsStable() {
        PrimaryApplication a = typical();
        PrimaryApplication same = typical();
        assertEquals(ConfirmationMail.mailId(a), ConfirmationMail.mailId(a));
        assertEquals(ConfirmationMail.mailId(a), ConfirmationMail.mailId(same));
        // it names the submission, not its contents or its moment
        assertEquals(ConfirmationMail.mailId(a), ConfirmationMail.mailId(PrimaryApplication.empty("98765", 2026, ApplicationKind.NEW_PRIMARY)));
        assertEquals(ConfirmationMail.primary(member(false), a, WINDOWS), ConfirmationMail.primary(member(false), same, WINDOWS));
    }

    @Test
    void mailIdDiffersPerMemberYearAndKind() {
        String id = ConfirmationMail.mailId(PrimaryApplication.empty("98765", 2026, ApplicationKind.NEW_PRIMARY));
        assertNotEquals(id, ConfirmationMail.mailId(PrimaryApplication.empty("98766", 2026, ApplicationKind.NEW_PRIMARY)));
        assertNotEquals(id, ConfirmationMail.mailId(PrimaryApplication.empty("98765", 2027, ApplicationKind.NEW_PRIMARY)));
        assertNotEquals(id, ConfirmationMail.mailId(PrimaryApplication.empty("98765", 2026, ApplicationKind.TRANSITION_PRIMARY)));
    }

    @Test
    void subjectNamesKindAndReceiptNumber() {
        String subject = ConfirmationMail.primary(member(false), typical(), WINDOWS).subject();
        assertTrue(subject.contains("専門医新規申請（一次申請）"), subject);
        assertTrue(subject.contains("P2026-98765"), subject);
        assertFalse(subject.contains("\n") || subject.contains("\r"), "a header must be one line");
    }

    @Test
    void transitionSubjectAndBody() {
        PrimaryApplication t = submitted(ApplicationKind.TRANSITION_PRIMARY, List.of("13", "27", "47"),
                doc("a0000000000000000000000000000000", "振込明細.pdf", FileType.PDF, SHA_A, Document.Status.REGISTERED));
        ConfirmationMail.Content c = ConfirmationMail.primary(member(false), t, WINDOWS);
        assertTrue(c.subject().contains("専門医移行申請（一次申請）"), c.subject());
        assertTrue(c.subject().contains("T2026-98765"), c.subject());
        assertTrue(c.body().contains("申請種別：専門医移行申請（一次申請）"), c.body());
        assertTrue(c.body().contains("受付番号：T2026-98765"), c.body());
        assertFalse(c.body().contains("新規申請"), c.body());
    }

    @Test
    void bodyNamesTheApplicantAndTheSubmission() {
        String body = ConfirmationMail.primary(member(false), typical(), WINDOWS).body();
        assertTrue(body.startsWith("緩和 花子 様"), body);
        assertTrue(body.contains("会員番号：98765\n"), body);
        assertTrue(body.contains("氏名：緩和 花子\n"), body);
        assertTrue(body.contains("申請種別：専門医新規申請（一次申請）\n"), body);
        assertTrue(body.contains("受付番号：P2026-98765\n"), body);
    }

    @Test
    void submittedAtInJapanTime() {
        String body = ConfirmationMail.primary(member(false), typical(), WINDOWS).body();
        assertTrue(body.contains("受付日時：2026年4月10日 10:15（日本時間）"), body);
        assertFalse(body.contains("1:15"), "not UTC: " + body);
    }

    @Test
    void submittedAcrossMidnightUtcIsTheNextDayInJapan() {
        PrimaryApplication late = new PrimaryApplication("98765", 2026, ApplicationKind.NEW_PRIMARY, ApplicationStatus.SUBMITTED,
                6, List.of("13", "27", "47"), List.of(), Instant.parse("2026-04-30T14:59:59Z"), "P2026-98765", null);
        String body = ConfirmationMail.primary(member(false), late, WINDOWS).body();
        assertTrue(body.contains("受付日時：2026年4月30日 23:59（日本時間）"), body);
    }

    @Test
    void registeredFilesWithTheirChecksumsAndNoPendingOne() {
        String body = ConfirmationMail.primary(member(false), typical(), WINDOWS).body();
        assertTrue(body.contains("申請料支払い控え：振込明細.pdf\n  SHA-256：" + SHA_A + "\n"), body);
        assertTrue(body.contains("申請料支払い控え：画面.png\n  SHA-256：" + SHA_B + "\n"), body);
        assertFalse(body.contains("途中.jpg"), body);
        assertFalse(body.contains(SHA_PENDING), body);
    }

    @Test
    void threePreferencesByName() {
        String body = ConfirmationMail.primary(member(false), typical(), WINDOWS).body();
        assertTrue(body.contains("第一希望：東京都\n"), body);
        assertTrue(body.contains("第二希望：大阪府\n"), body);
        assertTrue(body.contains("第三希望：沖縄県\n"), body);
        assertFalse(body.contains("（未登録）"), body);
        assertFalse(body.contains("筆記試験免除者"), body);
    }

    @Test
    void blankPreferencesShowUnregistered() {
        PrimaryApplication a = submitted(ApplicationKind.NEW_PRIMARY, Arrays.asList("01", null, null));
        String body = ConfirmationMail.primary(member(false), a, WINDOWS).body();
        assertTrue(body.contains("第一希望：北海道\n"), body);
        assertTrue(body.contains("第二希望：（未登録）\n"), body);
        assertTrue(body.contains("第三希望：（未登録）\n"), body);
    }

    @Test
    void exemptNoteOnlyForExemptMemberWithoutPreferences() {
        String note = "※筆記試験免除者のため登録不要です。";
        PrimaryApplication none = submitted(ApplicationKind.NEW_PRIMARY, null);
        PrimaryApplication some = typical();

        String exemptNone = ConfirmationMail.primary(member(true), none, WINDOWS).body();
        assertTrue(exemptNone.contains(note), exemptNone);
        assertTrue(exemptNone.contains("第一希望：（未登録）"), exemptNone);

        assertFalse(ConfirmationMail.primary(member(true), some, WINDOWS).body().contains(note), "exempt but chose places");
        assertFalse(ConfirmationMail.primary(member(false), none, WINDOWS).body().contains(note), "not exempt");
        assertFalse(ConfirmationMail.primary(member(false), some, WINDOWS).body().contains(note));
    }

    @Test
    void whatHappensNextNamesTheSecondaryWindowGiven() {
        String body = ConfirmationMail.primary(member(false), typical(), WINDOWS).body();
        assertTrue(body.contains("受付期間：2026年6月3日 0:00 ~ 2026年6月28日 23:59"), body);
        assertTrue(body.contains("二次申請"), body);
        String withDefaults = ConfirmationMail.primary(member(false), typical(), YearWindows.defaults(2026)).body();
        assertTrue(withDefaults.contains("受付期間：2026年6月1日 0:00 ~ 2026年6月30日 23:59"), withDefaults);
    }

    @Test
    void theMailIdIsInTheHeaderOnlyNotInTheBody() {
        PrimaryApplication a = typical();
        String body = ConfirmationMail.primary(member(false), a, WINDOWS).body();
        assertEquals("submitted-2026-NEW_PRIMARY-98765", ConfirmationMail.mailId(a));
        // the id travels as X-Nintei-Mail-Id (SesMailer); a raw 「メールID：submitted-…」 line means nothing to the member
        assertFalse(body.contains("submitted-"), body);
        assertFalse(body.contains("メールID"), body);
        assertTrue(body.strip().endsWith("お問い合わせは学会事務局までお願いいたします。"), body);
        assertEquals(a.mail().id(), ConfirmationMail.mailId(a), "the id recorded at submit is the id in the mail");
    }
}
