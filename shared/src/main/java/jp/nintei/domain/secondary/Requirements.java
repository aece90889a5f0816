package jp.nintei.domain.secondary;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.nintei.domain.Member;

/** Evaluates ② 認定要件 for the application year (docs/domain.md, "② 認定要件"). Pure. */
public final class Requirements {
    public static final int CASE_REPORTS_NEEDED = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu年M月d日");

    private Requirements() {}

    /** The day membership is counted to: July 31 of the application year (manual: 「7月末日」迄で自動計算). */
    public static LocalDate membershipCountedTo(int year) { return LocalDate.of(year, 7, 31); }

    public static List<RequirementCheck> check(Member m, int year, boolean duesInProcess) {
        return List.of(caseReports(m), seminar(m), membership(m, year), dues(m, year, duesInProcess));
    }

    public static boolean allMet(List<RequirementCheck> checks) {
        return checks.stream().allMatch(RequirementCheck::met);
    }

    static RequirementCheck caseReports(Member m) {
        if (m.caseReportExempt()) {
            return new RequirementCheck(Requirement.CASE_REPORTS, true, false, "症例報告書免除のため自動で✓が入ります。");
        }
        int n = m.approvedCaseReports();
        if (n >= CASE_REPORTS_NEEDED) {
            return new RequirementCheck(Requirement.CASE_REPORTS, true, false, "承認済みの症例報告書 " + n + "例");
        }
        return new RequirementCheck(Requirement.CASE_REPORTS, false, false, "承認済みの症例報告書が" + n
                + "例です。20例以上必要です。認定システム「症例登録」で登録し、指導者の承認を受けてください。");
    }

    static RequirementCheck seminar(Member m) {
        return m.seminarCompleted()
                ? new RequirementCheck(Requirement.SEMINAR, true, false, "受講歴があります。")
                : new RequirementCheck(Requirement.SEMINAR, false, false,
                        "本学会教育セミナーの受講歴がありません。非会員で修了された場合は自動登録されませんので、事務局までお問い合わせください。");
    }

    static RequirementCheck membership(Member m, int year) {
        LocalDate to = membershipCountedTo(year);
        if (m.joinedOn() == null) {
            return new RequirementCheck(Requirement.MEMBERSHIP_TWO_YEARS, false, false,
                    "入会日が登録されていません。事務局までお問い合わせください。");
        }
        LocalDate twoYears = twoFullYearsEnd(m.joinedOn());
        if (!twoYears.isAfter(to)) {
            return new RequirementCheck(Requirement.MEMBERSHIP_TWO_YEARS, true, false,
                    "入会日 " + DAY.format(m.joinedOn()) + "（" + DAY.format(to) + "時点で2年以上）");
        }
        return new RequirementCheck(Requirement.MEMBERSHIP_TWO_YEARS, false, false, "入会日 " + DAY.format(m.joinedOn())
                + "：" + DAY.format(to) + "時点で会員歴が2年に満たないため申請できません（満2年となるのは" + DAY.format(twoYears) + "の終了時）。");
    }

    /**
     * The last day of two full years of membership (docs/domain.md "Counting two years of membership", 民法 第140条・
     * 第143条): the joining day counts (membership runs from its start), so the period ends at the end of the day
     * before the anniversary; where the anniversary month has no such day (joined on 2月29日), at the end of that
     * month. Joined 2024-08-01 → 2026-07-31; joined 2024-02-29 → 2026-02-28.
     */
    public static LocalDate twoFullYearsEnd(LocalDate joinedOn) {
        LocalDate anniversary = joinedOn.plusYears(2);
        // plusYears clamps 2月29日 to 2月28日: then no corresponding day exists and the month's last day ends it
        return anniversary.getDayOfMonth() != joinedOn.getDayOfMonth() ? anniversary : anniversary.minusDays(1);
    }

    static RequirementCheck dues(Member m, int year, boolean inProcess) {
        if (m.duesPaidFiscalYears().contains(year)) {
            return new RequirementCheck(Requirement.DUES_PAID, true, false, year + "年度の会費は納入済みです。");
        }
        if (inProcess) {
            return new RequirementCheck(Requirement.DUES_PAID, true, true,
                    "「手続き中」で申請できます。事務局が入金を確認します。");
        }
        return new RequirementCheck(Requirement.DUES_PAID, false, false, year + "年度の会費の納入が確認できません。"
                + "直近に入金された場合は反映に時間がかかります。納入済みの方は「手続き中」にチェックを入れてください。");
    }
}
