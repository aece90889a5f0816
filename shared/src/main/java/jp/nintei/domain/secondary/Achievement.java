package jp.nintei.domain.secondary;

import java.util.List;

/**
 * One entry of 業績書 (認定要件6).
 *
 * @param kind which of the manual's kinds
 * @param title 演題名・論文名
 * @param authors 著者・演者 (as typed, e.g. "緩和一郎, 学会次郎")
 * @param venue 雑誌名・巻号頁, or 大会名
 * @param date 発表日・発行年月 as typed and normalised (yyyy-MM or yyyy-MM-dd)
 * @param status for papers: 掲載済 or 採択済・印刷中 (then the copy is acceptance notice + manuscript in one PDF)
 * @param copyDocumentId the PDF copy
 */
public record Achievement(Kind kind, String title, String authors, String venue, String date, String status,
                          String copyDocumentId) {
    public enum Kind {
        ORIGINAL_ARTICLE("原著論文"),
        CASE_REPORT("症例報告"),
        SOCIETY_JOURNAL_REPORT("本学会誌の活動報告"),
        CONFERENCE_PRESENTATION("学会発表（本学会全国大会の一般演題）");

        private final String label;

        Kind(String label) { this.label = label; }

        public String label() { return label; }

        public boolean paper() { return this != CONFERENCE_PRESENTATION; }
    }

    public static final String PUBLISHED = "掲載済";
    public static final String ACCEPTED = "採択済・印刷中";
    public static final List<String> STATUSES = List.of(PUBLISHED, ACCEPTED);
}
