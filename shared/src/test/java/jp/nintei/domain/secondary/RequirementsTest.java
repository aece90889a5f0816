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
        "2024-07-31, true",   // exactly two years on July 31
        "2024-08-01, false",  // one day short
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
        RequirementCheck c = check(member(LocalDate.of(2024, 8, 1), Set.of(2026), true, 20, false),
                Requirement.MEMBERSHIP_TWO_YEARS, false);
        assertEquals("入会日 2024年8月1日：2026年7月31日時点で会員歴が2年に満たないため申請できません（2年に達するのは2026年8月1日）。",
                c.detail());
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
