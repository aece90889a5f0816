package jp.nintei.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * A member record (会員情報). Applicant data on every form comes from here and is read-only there.
 *
 * @param memberNo 会員番号
 * @param name 氏名
 * @param kana ふりがな
 * @param email メールアドレス（連絡先）
 * @param joinedOn 入会日, for 認定要件8 2年以上の会員歴
 * @param duesPaidFiscalYears fiscal years (April–March, named by the April year) whose 会費 is paid
 * @param seminarCompleted 本学会教育セミナー受講歴 on record
 * @param approvedCaseReports 症例報告書（承認済）の数
 * @param caseReportExempt 症例報告書免除
 * @param writtenExamExempt 筆記試験免除者
 * @param specialistStatus 専門医 status (失効者含む)
 */
public record Member(String memberNo, String name, String kana, String email, LocalDate joinedOn,
                     Set<Integer> duesPaidFiscalYears, boolean seminarCompleted, int approvedCaseReports,
                     boolean caseReportExempt, boolean writtenExamExempt, SpecialistStatus specialistStatus) {
    public Member {
        duesPaidFiscalYears = duesPaidFiscalYears == null ? Set.of() : Set.copyOf(duesPaidFiscalYears);
        if (specialistStatus == null) specialistStatus = SpecialistStatus.NONE;
    }
}
