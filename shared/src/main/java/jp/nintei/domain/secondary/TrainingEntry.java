package jp.nintei.domain.secondary;

import java.time.YearMonth;
import java.util.List;
import jp.nintei.domain.Facility;
import jp.nintei.domain.Supervisor;

/**
 * One 臨床研修修了証明書 entry of the secondary application (docs/domain.md "Secondary application" → 2; the page shows
 * it as 証明書1, 証明書2, …).
 *
 * <p>{@code facility} and {@code supervisor} are the exact directory rows the applicant chose (one row per
 * 認定期間/種別), {@code null} while the draft is incomplete. A month covers its whole month: the period runs from
 * the first day of {@code from} to the last day of {@code to}. Several entries may share one certificate document
 * ("臨床研修修了証明書は1枚で問題ございません").
 *
 * @param category 研修区分: {@link #CORE}, {@link #AFFILIATED} or {@link #ACCREDITED}
 * @param from first month of 研修期間 (inclusive)
 * @param to last month of 研修期間 (inclusive)
 * @param certificateDocumentId the uploaded certificate PDF
 */
public record TrainingEntry(String category, Facility facility, YearMonth from, YearMonth to, Supervisor supervisor,
                            String certificateDocumentId) {
    public static final String CORE = "基幹施設（新制度）";
    public static final String AFFILIATED = "連携施設（新制度）";
    public static final String ACCREDITED = "認定研修施設";
    /** The 研修区分 choices, in the page's order. */
    public static final List<String> CATEGORIES = List.of(CORE, AFFILIATED, ACCREDITED);
}
