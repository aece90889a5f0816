package jp.nintei.domain.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequirementsTest {
    static Member member(LocalDate joined, Set<Integer> dues, boolean seminar, int reports, boolean exempt) {
        return new Member("10000001", "緩和 一郎", "かんわ いちろう", "a@example.jp", joined, dues, seminar, reports, exempt,
                false, SpecialistStatus.NONE);
    }

    static RequirementCheck check(Member m, Requirement r, boolean inProcess) {
        return Requirements.check(m, 2026, inProcess).stream().filter(c -> c.requirement() == r).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "joined {0} → met {1}")
    @CsvSource({
        // 民法 第140条・第143条: joined 8月1日 → two full years end with July 31 (the joining day counts)
        "2024-08-01, true",
        "2024-08-02, false",  // one day short: two full years end with August 1
        "2024-07-31, true",
        "2024-07-30, true",
        "2019-04-01, true",
        "2025-04-01, false",
    })
    void membershipIsCountedToJuly31(LocalDate joined, boolean met) {
        RequirementCheck c = check(member(joined, Set.of(2026), true, 20, false), Requirement.MEMBERSHIP_TWO_YEARS, false);
        assertEquals(met, c.met());
    }

    @Test
    void oneDayShortSaysWhenTwoYearsAreReached() {
        RequirementCheck c = check(member(LocalDate.of(2024, 8, 2), Set.of(2026), true, 20, false),
                Requirement.MEMBERSHIP_TWO_YEARS, false);
        assertEquals("入会日 2024年8月2日：2026年7月31日時点で会員歴が2年に満たないため申請できません（満2年となるのは2026年8月1日の終了時）。",
                c.detail());
    }

    @ParameterizedTest(name = "joined {0} → two full years end with {1}")
    @CsvSource({
        "2024-08-01, 2026-07-31",
        "2024-08-02, 2026-08-01",
        "2024-01-01, 2025-12-31",  // counted from the start of a year: ends with the year's last day
        "2024-02-29, 2026-02-28",  // no 2月29日 in 2026: the month's last day
        "2024-03-01, 2026-02-28",
    })
    void twoFullYearsEndTheDayBeforeTheAnniversary(LocalDate joined, LocalDate end) {
        assertEquals(end, Requirements.twoFullYearsEnd(joined));
    }

    @ParameterizedTest(name = "{0} approved, exempt {1} → met {2}")
    @CsvSource({"20, false, true", "19, false, false", "0, true, true", "35, false, true"})
    void caseReports(int reports, boolean exempt, boolean met) {
        assertEquals(met, check(member(LocalDate.of(2019, 4, 1), Set.of(2026), true, reports, exempt),
                Requirement.CASE_REPORTS, false).met());
    }

    @Test
    void missingCaseReportsSayHowMany() {
        assertEquals("承認済みの症例報告書が19例です。20例以上必要です。認定システム「症例登録」で登録し、指導者の承認を受けてください。",
                check(member(LocalDate.of(2019, 4, 1), Set.of(2026), true, 19, false), Requirement.CASE_REPORTS, false).detail());
    }

    @Test
    void seminarMissing() {
        RequirementCheck c = check(member(LocalDate.of(2019, 4, 1), Set.of(2026), false, 20, false), Requirement.SEMINAR, false);
        assertFalse(c.met());
        assertTrue(c.detail().contains("事務局までお問い合わせください"));
    }

    @Test
    void duesUnpaidUnlessInProcessWhichIsFlagged() {
        Member unpaid = member(LocalDate.of(2019, 4, 1), Set.of(2025), true, 20, false);
        RequirementCheck no = check(unpaid, Requirement.DUES_PAID, false);
        assertFalse(no.met());
        assertTrue(no.detail().contains("「手続き中」にチェック"));
        RequirementCheck inProcess = check(unpaid, Requirement.DUES_PAID, true);
        assertTrue(inProcess.met());
        assertTrue(inProcess.flagged());
        RequirementCheck paid = check(member(LocalDate.of(2019, 4, 1), Set.of(2026), true, 20, false), Requirement.DUES_PAID, true);
        assertTrue(paid.met());
        assertFalse(paid.flagged(), "paid dues need no confirmation even when the box is ticked");
    }

    @Test
    void allMetOnlyWhenEveryRequirementIs() {
        assertTrue(Requirements.allMet(Requirements.check(member(LocalDate.of(2019, 4, 1), Set.of(2026), true, 20, false), 2026, false)));
        assertFalse(Requirements.allMet(Requirements.check(member(LocalDate.of(2019, 4, 1), Set.of(2026), false, 20, false), 2026, false)));
        assertEquals(4, Requirements.check(member(null, Set.of(), false, 0, false), 2026, false).size());
    }
}
