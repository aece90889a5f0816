package jp.nintei.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.domain.application.FileType;
import jp.nintei.domain.directory.Directory;
import jp.nintei.domain.secondary.IdentityDocuments;
import jp.nintei.domain.secondary.JulyProjection;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.SecondaryApplication;
import org.junit.jupiter.api.Test;

/** Sections as readable lines and what changed between a 差し戻し and the resubmission. */
class SectionTextTest {
    private static final Document LICENSE = new Document("d1", DocumentPurpose.MEDICAL_LICENSE, "医師免許.pdf", 100, FileType.PDF,
            "a".repeat(64), Document.Status.REGISTERED, Instant.parse("2026-06-01T00:00:00Z"));
    private static final Document LICENSE2 = new Document("d2", DocumentPurpose.MEDICAL_LICENSE, "医師免許（両面）.pdf", 100, FileType.PDF,
            "b".repeat(64), Document.Status.REGISTERED, Instant.parse("2026-07-03T00:00:00Z"));

    private static SecondaryApplication app(List<Resume.Row> career, String licenseId, JulyProjection july) {
        return new SecondaryApplication("1", 2026, ApplicationKind.NEW_SECONDARY, ApplicationStatus.SUBMITTED, 3, false, july,
                new Resume(List.of(new Resume.Row("2010-04-01", "髙﨑大学 入学")), career, List.of(), 6), List.of(), List.of(),
                new IdentityDocuments(licenseId, null, null), List.of(LICENSE, LICENSE2), null, null, null);
    }

    @Test
    void linesKeepTheApplicantsTextAndNameTheFiles() {
        Map<ReviewSection, List<String>> s = SectionText.of(app(List.of(), "d1", new JulyProjection(false, false, true, true)),
                new Directory(List.of(), List.of()));
        assertEquals(List.of("学歴：2010-04-01 髙﨑大学 入学", "緩和医療の臨床経験の年数（通算）：6年"), s.get(ReviewSection.RESUME));
        assertTrue(s.get(ReviewSection.IDENTITY).get(0).startsWith("医師免許：医師免許.pdf（SHA-256 aaaaaaaaaaaa…）"));
        assertEquals(List.of("当該年度会費 手続き中：なし", "7月実績見込み：業績書", "7月実績見込み：緩和ケア研修会・指導者研修会（緩和ケア）の受講"),
                s.get(ReviewSection.REQUIREMENTS));
    }

    @Test
    void theDiffShowsOnlyTheSectionsThatChanged() {
        Directory d = new Directory(List.of(), List.of());
        var before = SectionText.of(app(List.of(), "d1", JulyProjection.NONE), d);
        var after = SectionText.of(app(List.of(new Resume.Row("2018-04-01", "△△病院")), "d2", JulyProjection.NONE), d);
        var diff = SectionText.diff(before, after);
        assertEquals(List.of("職歴：2018-04-01 △△病院"), diff.get(ReviewSection.RESUME).added());
        assertTrue(diff.get(ReviewSection.RESUME).removed().isEmpty());
        assertTrue(diff.get(ReviewSection.IDENTITY).removed().get(0).contains("医師免許.pdf"));
        assertTrue(diff.get(ReviewSection.IDENTITY).added().get(0).contains("医師免許（両面）.pdf"));
        assertFalse(diff.get(ReviewSection.TRAINING).changed());
        assertFalse(diff.get(ReviewSection.REQUIREMENTS).changed());
    }

    @Test
    void aResubmittedSendBackReadsAsInReview() {
        assertEquals(ReviewState.UNREVIEWED, ReviewState.effective(null, true));
        assertEquals(ReviewState.RETURNED, ReviewState.effective(ReviewState.RETURNED, false));
        assertEquals(ReviewState.IN_REVIEW, ReviewState.effective(ReviewState.RETURNED, true));
        assertEquals(ReviewState.ACCEPTED, ReviewState.effective(ReviewState.ACCEPTED, true));
    }

    @Test
    void everyDocumentBelongsToTheSectionItProves() {
        for (DocumentPurpose p : DocumentPurpose.values()) {
            ReviewSection s = ReviewSection.of(p);
            assertEquals(p.primary(), ReviewSection.of(ApplicationKind.NEW_PRIMARY).contains(s), p.name());
        }
    }
}
