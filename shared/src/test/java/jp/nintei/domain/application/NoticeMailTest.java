package jp.nintei.domain.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.ApplicationWindow;
import jp.nintei.domain.Member;
import jp.nintei.domain.Site;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.review.Review;
import jp.nintei.domain.review.ReviewSection;
import org.junit.jupiter.api.Test;

/** The mails after the start, as the member and the secretariat read them: the subject says what and until when. */
class NoticeMailTest {
    static final Member M = new Member("10000001", "髙橋 﨑子", "たかはし さきこ", "a@example.jp", LocalDate.of(2019, 4, 1),
            Set.of(2026), true, 20, false, false, SpecialistStatus.NONE);
    static final LocalDate LAST = LocalDate.of(2026, 7, 15);
    static final Site SITE = new Site(" https://nintei.example.org// ");

    @Test
    void everyDeadlineIsTheLastMomentOfItsDay() {
        assertEquals("2026年7月15日 23:59", NoticeMail.deadlineLabel(LAST));
    }

    @Test
    void anExtensionAndAReopeningNameTheDeadlineAndKeepTheNameAndReasonAsTyped() {
        NoticeMail.Content ext = NoticeMail.extension(M, ApplicationKind.NEW_SECONDARY, 2026, LAST, Site.UNKNOWN);
        assertEquals("【日本緩和医療学会】" + ApplicationKind.NEW_SECONDARY.label() + "の申請期限の延長（2026年7月15日 23:59まで）", ext.subject());
        assertTrue(ext.body().startsWith("髙橋 﨑子 様\n"), ext.body());
        assertTrue(ext.body().contains("■ あなたの申請期限\n2026年7月15日 23:59（日本時間）"), ext.body());

        NoticeMail.Content re = NoticeMail.reopened(M, ApplicationKind.NEW_PRIMARY, "写真が不鮮明です（ＰＤＦで再提出）", LAST, SITE);
        assertEquals("【日本緩和医療学会】" + ApplicationKind.NEW_PRIMARY.label() + "の修正のお願い", re.subject());
        assertTrue(re.body().contains("■ 修正のお願い\n写真が不鮮明です（ＰＤＦで再提出）\n"), re.body());
        assertTrue(re.body().contains("2026年7月15日 23:59 までに"), re.body());
        assertTrue(re.body().contains("■ 認定システム（ログイン画面）\nhttps://nintei.example.org/\n"), re.body());
        assertTrue(!ext.body().contains("ログイン画面"), "no address line when the address is unknown");
    }

    @Test
    void aSendBackListsEveryItemInItsOwnLine() {
        Review.ReturnRequest request = new Review.ReturnRequest(List.of(new Review.Item(ReviewSection.RESUME, "勤務先の期間が空いています"),
                new Review.Item(ReviewSection.IDENTITY, "写真が不鮮明です")), LAST, "90000001", Instant.parse("2026-07-01T00:00:00Z"), Map.of());
        NoticeMail.Content c = NoticeMail.returned(M, ApplicationKind.NEW_SECONDARY, request, SITE);
        assertEquals("【日本緩和医療学会】" + ApplicationKind.NEW_SECONDARY.label() + "の修正のお願い（2026年7月15日まで）", c.subject());
        assertTrue(c.body().contains("1. " + ReviewSection.RESUME.label() + "\n   勤務先の期間が空いています\n"
                + "2. " + ReviewSection.IDENTITY.label() + "\n   写真が不鮮明です\n"), c.body());
        assertTrue(c.body().contains("■ 修正期限\n2026年7月15日 23:59\n"), c.body());
    }

    @Test
    void theCloseReportCountsEachKind() {
        NoticeMail.Content c = NoticeMail.closeReport(2026, new ApplicationWindow(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)),
                List.of(ApplicationKind.NEW_SECONDARY),
                Map.of(ApplicationKind.NEW_SECONDARY, Map.of(ApplicationStatus.SUBMITTED, 812, ApplicationStatus.NOT_SUBMITTED, 37)));
        assertTrue(c.subject().startsWith("【認定システム】2026年度 "), c.subject());
        assertTrue(c.subject().endsWith(" 受付終了のご報告"), c.subject());
        assertTrue(c.body().contains("  申請済：812件\n  未提出（下書きのまま終了）：37件\n"), c.body());
    }
}
