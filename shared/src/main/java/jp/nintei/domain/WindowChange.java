package jp.nintei.domain;

import java.time.LocalDate;
import java.util.Map;
import jp.nintei.domain.secondary.JapaneseDate;

/**
 * A change of one year's 受付期間 as the secretariat made it: per window the new open and close dates, null where a
 * date is kept. Read from the fields {@code primaryOpens} … {@code renewalCloses}, typed in any form people type.
 */
public record WindowChange(Dates primary, Dates secondary, Dates renewal) {
    private static final String MESSAGE = "受付期間の日付が正しくありません。開始日と終了日を確認してください（終了日は開始日以降）。";

    /** One window's new dates (null: kept as they are). */
    public record Dates(LocalDate opens, LocalDate closes) {
        ApplicationWindow applyTo(ApplicationWindow current, String name) {
            if (opens == null && closes == null) return current;
            LocalDate o = opens == null ? current.opens() : opens;
            LocalDate c = closes == null ? current.closes() : closes;
            if (c.isBefore(o)) throw Rejection.invalid("BAD_WINDOW", name + "Closes", MESSAGE);
            return new ApplicationWindow(o, c);
        }
    }

    /**
     * The change from the typed fields (2026/5/10, 2026年5月10日, full-width digits; blank or absent: kept); a date
     * that cannot be read is refused naming its field, so nothing is written.
     */
    public static WindowChange typed(Map<String, String> fields) {
        return new WindowChange(dates(fields, "primary"), dates(fields, "secondary"), dates(fields, "renewal"));
    }

    private static Dates dates(Map<String, String> fields, String name) {
        return new Dates(date(fields, name + "Opens"), date(fields, name + "Closes"));
    }

    private static LocalDate date(Map<String, String> fields, String field) {
        String typed = fields.get(field);
        if (typed == null || typed.isBlank()) return null;
        LocalDate d = JapaneseDate.parse(typed);
        if (d == null) throw Rejection.invalid("BAD_WINDOW", field, MESSAGE);
        return d;
    }

    /** The year's windows after the change; a close before its open is refused naming that close. */
    public YearWindows applyTo(YearWindows before) {
        return new YearWindows(before.year(), primary.applyTo(before.primary(), "primary"),
                secondary.applyTo(before.secondary(), "secondary"), renewal.applyTo(before.renewal(), "renewal"));
    }
}
