package jp.nintei.domain.secondary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.nintei.domain.JapaneseText;
import jp.nintei.domain.application.Problem;
import jp.nintei.domain.secondary.Resume.Row;

/**
 * The rules of 1. 申請書・履歴書（認定要件2） (docs/domain.md "Secondary application" → 1; manual 【1.申請書・履歴書】). Pure.
 *
 * <p>Fields are named {@code education[i].date}, {@code career[i].text}, {@code experienceYears}; the index and the
 * 「n行目」 in a message count rows of the list {@link #normalize} returns (blank rows dropped), i.e. as the page
 * shows the list again after 登録.
 */
public final class ResumeRules {
    /** The page always shows at least this many rows per list (「2行以下にはなりません」). */
    public static final int MIN_ROWS = 2;
    /** Longest text of one row, in characters (code points, after NFKC). */
    public static final int MAX_TEXT_LENGTH = 200;
    /** 緩和医療の臨床経験の年数（通算） needed: 5年以上. */
    public static final int MIN_EXPERIENCE_YEARS = 5;
    /** Largest number of years that can be typed; more is a typing mistake. */
    public static final int MAX_EXPERIENCE_YEARS = 60;

    private static final String EXPERIENCE_LABEL = "緩和医療の臨床経験の年数（通算）";
    private static final String JULY_BOX = "5年以上の緩和医療の臨床経験";
    private static final Pattern YEARS = Pattern.compile("([0-9]{1,9})\\s*年?");

    private ResumeRules() {}

    /** The result of {@link #normalize}: the resume as it is stored and shown again. */
    public record Normalized(Resume resume) {}

    private record Section(String field, String label, Function<Resume, List<Row>> rows) {}

    /** The three lists, in the page's order. */
    private static final List<Section> SECTIONS = List.of(
            new Section("education", "学歴", Resume::education),
            new Section("career", "職歴", Resume::career),
            new Section("qualifications", "その他の資格・免許", Resume::qualifications));

    /**
     * NFKC-normalises and trims every text and date, turns every readable date into ISO {@code yyyy-MM-dd} (an
     * unreadable one is kept as typed, normalised), drops rows that are entirely blank and pads each list with
     * blank rows {@code Row("", "")} up to {@link #MIN_ROWS}. {@code experienceYears} is kept as is.
     *
     * <p>Appends to {@code problems}, per list in page order and row by row: {@code BAD_DATE}, {@code FUTURE_DATE}
     * (after {@code today}), {@code DATE_REQUIRED}, {@code ORDER} (the date is before that of the nearest earlier
     * row with a readable date; equal dates are in order), {@code TEXT_REQUIRED}, {@code TEXT_TOO_LONG}; then
     * {@code BAD_YEARS} when {@code experienceYears} is negative or above {@link #MAX_EXPERIENCE_YEARS}.
     */
    public static Normalized normalize(Resume typed, LocalDate today, List<Problem> problems) {
        Objects.requireNonNull(typed, "typed");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(problems, "problems");
        List<List<Row>> lists = new ArrayList<>();
        for (Section section : SECTIONS) {
            lists.add(normalizeRows(section, section.rows().apply(typed), today, problems));
        }
        Integer years = typed.experienceYears();
        if (years != null && (years < 0 || years > MAX_EXPERIENCE_YEARS)) {
            problems.add(new Problem("BAD_YEARS", "experienceYears",
                    EXPERIENCE_LABEL + "は0～" + MAX_EXPERIENCE_YEARS + "の整数で入力してください。"));
        }
        return new Normalized(new Resume(lists.get(0), lists.get(1), lists.get(2), years));
    }

    private static List<Row> normalizeRows(Section section, List<Row> typed, LocalDate today, List<Problem> problems) {
        List<Row> out = new ArrayList<>();
        for (Row row : typed) {
            String date = orEmpty(JapaneseText.normalize(row.date()));
            // the text is kept as typed (a name such as 髙﨑 or 大塚 must not change): only trimmed and cleaned
            String text = orEmpty(JapaneseText.asTyped(row.text()));
            if (date.isEmpty() && text.isEmpty()) continue;
            out.add(new Row(date, text));
        }

        LocalDate previous = null;
        int previousIndex = -1;
        for (int i = 0; i < out.size(); i++) {
            Row row = out.get(i);
            String at = section.field() + "[" + i + "]";
            String where = section.label() + "の" + (i + 1) + "行目：";
            String date = row.date();
            if (date.isEmpty()) {
                problems.add(new Problem("DATE_REQUIRED", at + ".date", where + "年月日を入力してください。"));
            } else {
                LocalDate parsed = JapaneseDate.parse(date);
                if (parsed == null) {
                    problems.add(new Problem("BAD_DATE", at + ".date",
                            where + "年月日を「2010-04-01」の形式で入力してください。"));
                } else {
                    out.set(i, new Row(parsed.toString(), row.text()));
                    if (jp.nintei.domain.PlausibleDates.tooEarly(parsed)) {
                        problems.add(new Problem("DATE_TOO_EARLY", at + ".date", where + "年月日（" + JapaneseDate.label(parsed)
                                + "）が" + jp.nintei.domain.PlausibleDates.EARLIEST.getYear() + "年より前です。正しい年月日を入力してください。"));
                    }
                    if (parsed.isAfter(today)) {
                        problems.add(new Problem("FUTURE_DATE", at + ".date",
                                where + "年月日（" + JapaneseDate.label(parsed) + "）が未来の日付です。本日までの日付を入力してください。"));
                    }
                    if (previous != null && parsed.isBefore(previous)) {
                        problems.add(new Problem("ORDER", at + ".date",
                                where + "年月日が" + (previousIndex + 1) + "行目より前です。大学入学から暦年順に記入してください。"));
                    }
                    previous = parsed;
                    previousIndex = i;
                }
            }
            String text = row.text();
            if (text.isEmpty()) {
                problems.add(new Problem("TEXT_REQUIRED", at + ".text", where + section.label() + "を入力してください。"));
            } else {
                int length = text.codePointCount(0, text.length());
                if (length > MAX_TEXT_LENGTH) {
                    problems.add(new Problem("TEXT_TOO_LONG", at + ".text",
                            where + MAX_TEXT_LENGTH + "文字以内で入力してください（現在" + length + "文字）。"));
                }
            }
        }
        while (out.size() < MIN_ROWS) out.add(new Row("", ""));
        return out;
    }

    /**
     * What keeps the section from being complete; empty when it is. Expects a resume from {@link #normalize}
     * (row problems such as an unordered date are reported there, not here).
     *
     * <ul>
     *   <li>{@code FIRST_ROW_REQUIRED} (field {@code education[0]} etc.) when the first row of a list lacks a
     *       readable date or its text (「1行目は入力必須です」; the second row may stay blank);</li>
     *   <li>{@code EXPERIENCE_REQUIRED} when {@code experienceYears} is {@code null};</li>
     *   <li>{@code EXPERIENCE_TOO_SHORT} when it is below {@link #MIN_EXPERIENCE_YEARS}.</li>
     * </ul>
     *
     * <p>The July box (「本申請に7月時点の見込み実績を含むもの」→「5年以上の緩和医療の臨床経験」) does not change the
     * threshold: the manual asks the applicant to type the years already counted up to July
     * (「7月」までを含む年数をご記入ください) and to tick the box, so the typed number is always compared with 5.
     * The box only changes the wording: unticked, the message says July may be counted only by ticking it.
     */
    public static List<Problem> missing(Resume normalized, boolean julyExperienceTicked) {
        Objects.requireNonNull(normalized, "normalized");
        List<Problem> out = new ArrayList<>();
        for (Section section : SECTIONS) {
            List<Row> rows = section.rows().apply(normalized);
            Row first = rows.isEmpty() ? null : rows.get(0);
            boolean entered = first != null && !JapaneseText.isBlank(first.text())
                    && JapaneseDate.parse(first.date()) != null;
            if (!entered) {
                out.add(new Problem("FIRST_ROW_REQUIRED", section.field() + "[0]",
                        section.label() + "は1行目の入力が必須です。"));
            }
        }
        Integer years = normalized.experienceYears();
        if (years == null) {
            out.add(new Problem("EXPERIENCE_REQUIRED", "experienceYears", EXPERIENCE_LABEL + "を入力してください。"));
        } else if (years < MIN_EXPERIENCE_YEARS) {
            String message = EXPERIENCE_LABEL + "は" + MIN_EXPERIENCE_YEARS + "年以上が必要です。";
            if (!julyExperienceTicked) {
                message += "7月の実績見込みを年数に含めることができるのは、トップページの「" + JULY_BOX
                        + "」にチェックを入れた場合のみです。";
            }
            out.add(new Problem("EXPERIENCE_TOO_SHORT", "experienceYears", message));
        }
        return out;
    }

    /**
     * Reads typed years: NFKC then {@code 5}, {@code ５}, {@code 5年}, {@code  5 年 } → 5. Returns {@code -1}
     * when blank, unreadable or not a whole number ({@code 5.5}, {@code 五}, {@code -1}).
     */
    public static int parseYears(String typed) {
        String s = JapaneseText.normalize(typed);
        if (s == null) return -1;
        Matcher m = YEARS.matcher(s);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String orEmpty(String s) { return s == null ? "" : s; }
}
