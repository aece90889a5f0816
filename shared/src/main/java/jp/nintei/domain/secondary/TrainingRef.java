package jp.nintei.domain.secondary;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A 臨床研修修了証明書 entry as stored: the chosen directory rows by key (認定番号 + 認定期間の開始 + 種別/資格),
 * resolved against the current master data when checked.
 */
public record TrainingRef(String category, String facilityNo, LocalDate facilityFrom, String facilityType, YearMonth from,
                          YearMonth to, String supervisorNo, LocalDate supervisorFrom, String qualification,
                          String certificateDocumentId) {}
