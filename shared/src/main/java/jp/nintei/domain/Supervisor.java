package jp.nintei.domain;

import java.time.LocalDate;

/**
 * 指導者: one row per qualification period (a supervisor whose qualification changed has two rows).
 *
 * @param supervisorNo 認定番号
 * @param qualification 指導医 / 専門医 / 暫定指導医 / 研修指導者資格を有する認定医
 */
public record Supervisor(String supervisorNo, String name, String kana, String qualification, LocalDate validFrom,
                         LocalDate validTo) {
    public static final String INSTRUCTOR = "指導医";
    public static final String SPECIALIST = "専門医";
    public static final String PROVISIONAL_INSTRUCTOR = "暫定指導医";
    public static final String CERTIFIED_WITH_TRAINER = "研修指導者資格を有する認定医";
}
