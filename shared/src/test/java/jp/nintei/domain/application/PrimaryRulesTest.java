package jp.nintei.domain.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/domain.md "Primary application": a fee receipt, and three distinct prefectures unless 筆記試験免除者. */
class PrimaryRulesTest {
    private static final String SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final Instant T = Instant.parse("2026-04-03T01:00:00Z");

    static Member member(boolean writtenExamExempt) {
        return new Member("12345", "緩和 太郎", "かんわ たろう", "taro@example.jp", LocalDate.of(2018, 4, 1),
                java.util.Set.of(2024, 2025), true, 3, false, writtenExamExempt, SpecialistStatus.NONE);
    }

    static Document receipt(Document.Status status) {
        return new Document("0123456789abcdef0123456789abcdef", DocumentPurpose.FEE_RECEIPT, "振込.pdf", 1234,
                FileType.PDF, SHA, status, T);
    }

    static PrimaryApplication app(List<String> preferences, Document... documents) {
        return new PrimaryApplication("12345", 2026, ApplicationKind.NEW_PRIMARY, ApplicationStatus.DRAFT, 3,
                preferences, List.of(documents), null, null, null);
    }

    private static List<String> prefs(String... p) { return Arrays.asList(p); }

    private static List<String> codes(List<Problem> p) { return p.stream().map(Problem::code).toList(); }

    private static List<String> fields(List<Problem> p) { return p.stream().map(Problem::field).toList(); }

    // --- normalizePreferences

    @Test
    void codesNamesAndFullWidthBecomeCodes() {
        List<Problem> problems = new ArrayList<>();
        assertEquals(List.of("13", "27", "01"), PrimaryRules.normalizePreferences(prefs("13", "大阪府", "１"), problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void fullWidthCodesAndSpacedNames() {
        List<Problem> problems = new ArrayList<>();
        assertEquals(List.of("13", "47", "40"),
                PrimaryRules.normalizePreferences(prefs("１３", "\u3000沖縄県\u3000", " 40 "), problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void placeholderAndBlanksBecomeNull() {
        List<Problem> problems = new ArrayList<>();
        assertEquals(Arrays.asList(null, null, null), PrimaryRules.normalizePreferences(prefs("---", "", "\u3000"), problems));
        assertEquals(Arrays.asList("13", null, null), PrimaryRules.normalizePreferences(prefs("13", null, " --- "), problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void missingOrShortListGivesThreeNulls() {
        List<Problem> problems = new ArrayList<>();
        assertEquals(Arrays.asList(null, null, null), PrimaryRules.normalizePreferences(null, problems));
        assertEquals(Arrays.asList("13", null, null), PrimaryRules.normalizePreferences(List.of("13"), problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void duplicateIsReportedOnTheSecondOccurrence() {
        List<Problem> problems = new ArrayList<>();
        List<String> codes = PrimaryRules.normalizePreferences(prefs("13", "東京都", "27"), problems);
        assertEquals(List.of("13", "13", "27"), codes, "the typed value is kept so the form can show it");
        assertEquals(1, problems.size());
        Problem p = problems.get(0);
        assertEquals("DUPLICATE_PREFERENCE", p.code());
        assertEquals("preferences[1]", p.field());
        assertTrue(p.message().contains("東京都"), p.message());
        assertTrue(p.message().contains("第二希望"), p.message());
    }

    @Test
    void duplicateOfTheFirstInTheThird() {
        List<Problem> problems = new ArrayList<>();
        PrimaryRules.normalizePreferences(prefs("沖縄県", "", "４７"), problems);
        assertEquals(List.of("DUPLICATE_PREFERENCE"), codes(problems));
        assertEquals(List.of("preferences[2]"), fields(problems));
        assertTrue(problems.get(0).message().contains("沖縄県"), problems.get(0).message());
    }

    @Test
    void threeTimesTheSameGivesTwoProblems() {
        List<Problem> problems = new ArrayList<>();
        PrimaryRules.normalizePreferences(prefs("01", "北海道", "1"), problems);
        assertEquals(List.of("DUPLICATE_PREFERENCE", "DUPLICATE_PREFERENCE"), codes(problems));
        assertEquals(List.of("preferences[1]", "preferences[2]"), fields(problems));
    }

    @Test
    void unknownPrefecture() {
        List<Problem> problems = new ArrayList<>();
        List<String> codes = PrimaryRules.normalizePreferences(prefs("13", "Tokyo", "48"), problems);
        assertEquals(Arrays.asList("13", null, null), codes);
        assertEquals(List.of("UNKNOWN_PREFECTURE", "UNKNOWN_PREFECTURE"), codes(problems));
        assertEquals(List.of("preferences[1]", "preferences[2]"), fields(problems));
        assertTrue(problems.get(0).message().contains("第二希望"), problems.get(0).message());
    }

    @Test
    void problemsAreAppendedNotReplaced() {
        List<Problem> problems = new ArrayList<>(List.of(new Problem("X", "x", "earlier")));
        PrimaryRules.normalizePreferences(prefs("東京", null, null), problems);
        assertEquals(List.of("X", "UNKNOWN_PREFECTURE"), codes(problems));
    }

    // --- missing

    @ParameterizedTest
    @EnumSource(value = ApplicationKind.class, names = {"NEW_PRIMARY", "TRANSITION_PRIMARY"})
    void freshApplicationOfANonExemptMember(ApplicationKind kind) {
        List<Problem> missing = PrimaryRules.missing(PrimaryApplication.empty("12345", 2026, kind), member(false));
        assertEquals(List.of("FEE_RECEIPT_REQUIRED", "PREFERENCE_REQUIRED", "PREFERENCE_REQUIRED", "PREFERENCE_REQUIRED"),
                codes(missing));
        assertEquals(List.of("feeReceipt", "preferences[0]", "preferences[1]", "preferences[2]"), fields(missing));
        assertTrue(missing.get(1).message().contains("第一希望"), missing.get(1).message());
        assertTrue(missing.get(3).message().contains("第三希望"), missing.get(3).message());
    }

    @Test
    void pendingReceiptDoesNotCount() {
        List<Problem> missing = PrimaryRules.missing(app(prefs("13", "27", "01"), receipt(Document.Status.PENDING)), member(false));
        assertEquals(List.of("FEE_RECEIPT_REQUIRED"), codes(missing));
    }

    @Test
    void registeredReceiptCounts() {
        List<Problem> missing = PrimaryRules.missing(app(prefs(null, null, null), receipt(Document.Status.REGISTERED)), member(false));
        assertEquals(List.of("PREFERENCE_REQUIRED", "PREFERENCE_REQUIRED", "PREFERENCE_REQUIRED"), codes(missing));
    }

    @Test
    void onlyTheBlankPreferenceIsRequired() {
        List<Problem> missing = PrimaryRules.missing(app(prefs("13", null, "01"), receipt(Document.Status.REGISTERED)), member(false));
        assertEquals(List.of("PREFERENCE_REQUIRED"), codes(missing));
        assertEquals(List.of("preferences[1]"), fields(missing));
    }

    @Test
    void exemptMemberMayLeaveAllThreeBlank() {
        Member exempt = member(true);
        assertEquals(List.of("FEE_RECEIPT_REQUIRED"),
                codes(PrimaryRules.missing(PrimaryApplication.empty("12345", 2026, ApplicationKind.NEW_PRIMARY), exempt)));
        assertEquals(List.of(),
                PrimaryRules.missing(app(prefs(null, null, null), receipt(Document.Status.REGISTERED)), exempt));
    }

    @Test
    void exemptMemberStillNeedsTheReceipt() {
        assertEquals(List.of("FEE_RECEIPT_REQUIRED"),
                codes(PrimaryRules.missing(app(prefs(null, null, null), receipt(Document.Status.PENDING)), member(true))));
    }

    @Test
    void exemptMemberWithDuplicatesStillGetsDuplicate() {
        List<Problem> missing = PrimaryRules.missing(app(prefs("13", "13", null), receipt(Document.Status.REGISTERED)), member(true));
        assertEquals(List.of("DUPLICATE_PREFERENCE"), codes(missing));
        assertEquals(List.of("preferences[1]"), fields(missing));
    }

    @Test
    void nonExemptMemberWithDuplicates() {
        List<Problem> missing = PrimaryRules.missing(app(prefs("13", "27", "13"), receipt(Document.Status.REGISTERED)), member(false));
        assertEquals(List.of("DUPLICATE_PREFERENCE"), codes(missing));
        assertEquals(List.of("preferences[2]"), fields(missing));
    }

    @Test
    void receiptComesFirstAsOnThePage() {
        List<Problem> missing = PrimaryRules.missing(app(prefs("13", "東京都", null)), member(false));
        assertEquals("FEE_RECEIPT_REQUIRED", missing.get(0).code());
        assertEquals(List.of("FEE_RECEIPT_REQUIRED", "DUPLICATE_PREFERENCE", "PREFERENCE_REQUIRED"), codes(missing));
        assertEquals(List.of("feeReceipt", "preferences[1]", "preferences[2]"), fields(missing));
    }

    @Test
    void completeApplicationHasNothingMissing() {
        PrimaryApplication complete = app(prefs("13", "27", "01"), receipt(Document.Status.REGISTERED));
        assertEquals(List.of(), PrimaryRules.missing(complete, member(false)));
        assertEquals(List.of(), PrimaryRules.missing(complete, member(true)));
    }

    @Test
    void twoPendingReceiptsAreStillNoReceipt() {
        PrimaryApplication twoPending = app(prefs("13", "27", "01"), receipt(Document.Status.PENDING),
                new Document("fedcba9876543210fedcba9876543210", DocumentPurpose.FEE_RECEIPT, "b.png", 10, FileType.PNG, SHA,
                        Document.Status.PENDING, T));
        assertEquals(List.of("FEE_RECEIPT_REQUIRED"), codes(PrimaryRules.missing(twoPending, member(false))));
    }
}
