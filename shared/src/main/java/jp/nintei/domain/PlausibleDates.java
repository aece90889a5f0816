package jp.nintei.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The range a date typed by an applicant can lie in. Nobody applying today entered university, worked, trained
 * or published before 1930: an earlier date ({@code 0001-01-01}, {@code 1899-04-01}) is a typing mistake, and a
 * month such as {@code 999999999-12} would make every read walk it month by month.
 */
public final class PlausibleDates {
    public static final LocalDate EARLIEST = LocalDate.of(1930, 1, 1);
    public static final YearMonth EARLIEST_MONTH = YearMonth.from(EARLIEST);

    private PlausibleDates() {}

    public static boolean tooEarly(LocalDate d) { return d != null && d.isBefore(EARLIEST); }

    public static boolean tooEarly(YearMonth m) { return m != null && m.isBefore(EARLIEST_MONTH); }

    /** A month no later than December of next year (training and achievements may run a little ahead). */
    public static boolean plausible(YearMonth m, int applicationYear) {
        return m == null || (!tooEarly(m) && !m.isAfter(YearMonth.of(applicationYear + 1, 12)));
    }
}
