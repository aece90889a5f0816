package jp.nintei.domain.secondary;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.nintei.domain.JapaneseText;

/**
 * A 年月日 as people in Japan type it in a résumé row (docs/domain.md "Secondary application" → 1; the page asks for
 * 「2024-01-01」 but 「形式が正しくないと入力内容を正しく反映できない」, so we read what we safely can). Pure.
 *
 * <p>Accepted after NFKC (full-width digits, slashes, hyphens, spaces become ASCII) and after removing every
 * space:
 * <ul>
 *   <li>Western, 4-digit year: {@code 2010-04-01}, {@code 2010-4-1}, {@code 2010/4/1}, {@code 2010.4.1},
 *       {@code 2010年4月1日} (one separator throughout; mixing {@code -} and {@code /} is not read);</li>
 *   <li>era (和暦) by name or initial — 明治/M, 大正/T, 昭和/S, 平成/H, 令和/R, either case — with 元年 for year 1,
 *       written {@code 平成22年4月1日}, {@code H22.4.1}, {@code h22/4/1}, {@code R元.5.1}, {@code 平成22-4-1} or
 *       {@code H22年4月1日}; the era ligatures ㍾ ㍽ ㍼ ㍻ ㋿ become their names through NFKC.</li>
 * </ul>
 * An era date must lie inside that era: 平成 ran 1989-01-08 – 2019-04-30 (so 平成31年5月1日 and 令和元年4月30日 are
 * not read), 昭和 1926-12-25 – 1989-01-07, 大正 1912-07-30 – 1926-12-24, 明治 from 1868-01-01 (as
 * {@code java.time.chrono.JapaneseEra} counts it) – 1912-07-29. Dashes an IME may produce instead of
 * {@code -} (‐ ‑ ‒ – — ― − ー) are read as {@code -}. Two-digit Western years and impossible calendar dates
 * ({@code 2010-02-30}) are not read.
 */
public final class JapaneseDate {
    private JapaneseDate() {}

    private record Era(String name, char initial, LocalDate start) {
        int offset() { return start.getYear() - 1; }
    }

    /** In order; an era ends the day before the next one starts. */
    private static final List<Era> ERAS = List.of(
            new Era("明治", 'M', LocalDate.of(1868, 1, 1)),
            new Era("大正", 'T', LocalDate.of(1912, 7, 30)),
            new Era("昭和", 'S', LocalDate.of(1926, 12, 25)),
            new Era("平成", 'H', LocalDate.of(1989, 1, 8)),
            new Era("令和", 'R', LocalDate.of(2019, 5, 1)));

    private static final Pattern WESTERN_SEPARATED = Pattern.compile("([0-9]{4})([-/.])([0-9]{1,2})\\2([0-9]{1,2})");
    private static final Pattern WESTERN_KANJI = Pattern.compile("([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日");
    private static final String ERA = "(明治|大正|昭和|平成|令和|[MTSHRmtshr])(元|[0-9]{1,2})";
    private static final Pattern ERA_SEPARATED = Pattern.compile(ERA + "([-/.])([0-9]{1,2})\\3([0-9]{1,2})");
    private static final Pattern ERA_KANJI = Pattern.compile(ERA + "年([0-9]{1,2})月([0-9]{1,2})日");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DASHES = Pattern.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC]");

    /** The date typed, or {@code null} when it cannot be read (blank, unknown format, or no such day). */
    public static LocalDate parse(String typed) {
        String s = JapaneseText.normalize(typed);
        if (s == null || s.isEmpty()) return null;
        s = SPACES.matcher(s).replaceAll("");
        s = DASHES.matcher(s).replaceAll("-");

        Matcher m = WESTERN_SEPARATED.matcher(s);
        if (m.matches()) return of(m.group(1), m.group(3), m.group(4));
        m = WESTERN_KANJI.matcher(s);
        if (m.matches()) return of(m.group(1), m.group(2), m.group(3));
        m = ERA_SEPARATED.matcher(s);
        if (m.matches()) return ofEra(m.group(1), m.group(2), m.group(4), m.group(5));
        m = ERA_KANJI.matcher(s);
        if (m.matches()) return ofEra(m.group(1), m.group(2), m.group(3), m.group(4));
        return null;
    }

    /** What the page shows back: {@code 2010年4月1日}; {@code ""} for {@code null}. */
    public static String label(LocalDate date) {
        if (date == null) return "";
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /**
     * The 和暦 label: {@code 平成22年4月1日}, {@code 令和元年5月1日}; {@code ""} for {@code null}; the Western
     * {@link #label} for a day before 明治.
     */
    public static String eraLabel(LocalDate date) {
        if (date == null) return "";
        Era era = eraOf(date);
        if (era == null) return label(date);
        int y = date.getYear() - era.offset();
        return era.name() + (y == 1 ? "元" : String.valueOf(y)) + "年" + date.getMonthValue() + "月"
                + date.getDayOfMonth() + "日";
    }

    private static LocalDate of(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate ofEra(String eraTyped, String yearTyped, String month, String day) {
        Era era = era(eraTyped);
        int y = yearTyped.equals("元") ? 1 : Integer.parseInt(yearTyped);
        if (era == null || y < 1) return null;
        LocalDate date = of(String.valueOf(era.offset() + y), month, day);
        if (date == null || eraOf(date) != era) return null;
        return date;
    }

    private static Era era(String typed) {
        for (Era e : ERAS) {
            if (e.name().equals(typed) || String.valueOf(e.initial()).equals(typed.toUpperCase(Locale.ROOT))) return e;
        }
        return null;
    }

    private static Era eraOf(LocalDate date) {
        Era found = null;
        for (Era e : ERAS) {
            if (!date.isBefore(e.start())) found = e;
        }
        return found;
    }
}
