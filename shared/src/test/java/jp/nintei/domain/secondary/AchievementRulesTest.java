package jp.nintei.domain.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.domain.application.FileType;
import jp.nintei.domain.application.Problem;
import org.junit.jupiter.api.Test;

class AchievementRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 10);
    static final Document COPY = new Document("d1", DocumentPurpose.ACHIEVEMENT_COPY, "写し.pdf", 100, FileType.PDF, "00",
            Document.Status.REGISTERED, Instant.EPOCH, 1);

    private static List<String> codes(List<Problem> problems) { return problems.stream().map(Problem::code).toList(); }

    @Test
    void aPaperSavedWithoutItsStatusIsThatSectionsProblemNotAnError() {
        // a 原著論文 saved without 掲載状況 stores null; reading it must report, never throw
        Achievement paper = new Achievement(Achievement.Kind.ORIGINAL_ARTICLE, "題", "著者", "誌", "2025-04", null, "d1");
        List<Problem> problems = AchievementRules.missing(List.of(paper), Map.of("d1", COPY), AchievementRules.Required.DEFAULT);
        assertEquals(List.of("STATUS_REQUIRED"), codes(problems));
        assertEquals("業績1：掲載済か採択済・印刷中かを選んでください。", problems.get(0).message());
    }

    @Test
    void everyFieldLeftEmptyIsReportedNotThrown() {
        Achievement empty = new Achievement(null, null, null, null, null, null, null);
        List<Problem> problems = AchievementRules.missing(List.of(empty), Map.of(), AchievementRules.Required.DEFAULT);
        assertEquals(List.of("KIND_REQUIRED", "TITLE_REQUIRED", "AUTHORS_REQUIRED", "VENUE_REQUIRED", "DATE_REQUIRED", "COPY_REQUIRED"),
                codes(problems));
    }

    @Test
    void titlesAndAuthorsAreKeptAsTypedOnlyTrimmedAndCleaned() {
        Achievement typed = new Achievement(Achievement.Kind.CASE_REPORT, "\u3000（症例）ＡＢＣの検討\u202E ", "大\uFA10 \uFA19\u0000子",
                "緩和医療学会誌　第１巻", "２０２５年４月", "掲載済", "d1");
        List<Problem> problems = new ArrayList<>();
        Achievement out = AchievementRules.normalize(List.of(typed), TODAY, problems).get(0);
        assertEquals(List.of(), problems);
        assertEquals("（症例）ＡＢＣの検討", out.title());
        assertEquals("大\uFA10 \uFA19子", out.authors());
        assertEquals("緩和医療学会誌　第１巻", out.venue());
        assertEquals("2025-04", out.date(), "the date is read (NFKC) and stored as yyyy-MM");
    }

    @Test
    void aDateNoApplicantCanHaveIsRefused() {
        for (String typed : List.of("0001-01", "1899-04-01")) {
            List<Problem> problems = new ArrayList<>();
            AchievementRules.normalize(List.of(new Achievement(Achievement.Kind.CASE_REPORT, "t", "a", "v", typed, "掲載済", "d1")),
                    TODAY, problems);
            assertEquals(List.of("DATE_TOO_EARLY"), codes(problems), typed);
            assertTrue(problems.get(0).message().startsWith("業績1："));
        }
    }
}
