package jp.nintei.domain;

import java.time.LocalDate;

/**
 * 研修施設: one row per 認定種別 and 認定期間 (the same facility may appear once per period/type).
 *
 * @param facilityNo 認定番号
 * @param type 認定種別: 基幹施設（新制度） / 連携施設（新制度） / 認定研修施設
 */
public record Facility(String facilityNo, String name, String kana, String type, LocalDate validFrom, LocalDate validTo) {
    public static final String CORE = "基幹施設（新制度）";
    public static final String AFFILIATED = "連携施設（新制度）";
    public static final String ACCREDITED = "認定研修施設";
}
