package jp.nintei.domain.imports;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jp.nintei.domain.Facility;
import jp.nintei.domain.JapaneseText;
import jp.nintei.domain.Supervisor;
import jp.nintei.domain.imports.CsvText.Cells;
import jp.nintei.domain.imports.CsvText.Reject;
import jp.nintei.domain.secondary.JapaneseDate;

/**
 * 研修施設 and 指導者 CSV (one row per 認定期間 and 種別/資格, as the {@link Facility} and {@link Supervisor}
 * records). Pure: bytes in, report out; the caller writes the accepted rows only.
 *
 * <p>Every column is required, and every cell: the store keys a row by 認定番号 + 認定開始日 + 種別/資格 and sorts
 * the search by ふりがな, and writes both dates. Header and row rules as in {@link MemberCsv}: names matched
 * after NFKC and trimming, any order, other columns ignored; a missing column rejects the file at line 1; each
 * row is rejected with the first problem found, in column order:
 * <ul>
 *   <li>認定番号: NFKC, upper case (as {@code Directory} compares it), dashes an IME types read as {@code -}; 1–20
 *       letters, digits or hyphens;</li>
 *   <li>施設名称 / 氏名, ふりがな: not blank, one line (NFKC, trimmed);</li>
 *   <li>認定種別: {@value Facility#CORE} / {@value Facility#AFFILIATED} / {@value Facility#ACCREDITED}, also
 *       基幹施設 and 連携施設 without the bracket (full- or half-width brackets, spaces ignored); 資格:
 *       {@value Supervisor#INSTRUCTOR} / {@value Supervisor#SPECIALIST} / {@value Supervisor#PROVISIONAL_INSTRUCTOR}
 *       / {@value Supervisor#CERTIFIED_WITH_TRAINER}; the value kept is the constant's own spelling;</li>
 *   <li>認定開始日: read by {@link JapaneseDate#parse}; then a row with the same 認定番号, 認定開始日 and 種別/資格
 *       as an earlier row (whatever else was wrong there) is a duplicate;</li>
 *   <li>認定終了日: read the same way, not before 認定開始日.</li>
 * </ul>
 */
public final class DirectoryCsv {
    public static final String NUMBER = "認定番号";
    public static final String FACILITY_NAME = "施設名称";
    public static final String NAME = "氏名";
    public static final String KANA = "ふりがな";
    public static final String TYPE = "認定種別";
    public static final String QUALIFICATION = "資格";
    public static final String FROM = "認定開始日";
    public static final String TO = "認定終了日";

    private static final Pattern NUMBER_PATTERN = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");
    private static final Pattern DASHES = Pattern.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF70]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** What may be typed (after NFKC and removing spaces) → the constant kept. */
    private static final Map<String, String> FACILITY_TYPES = new LinkedHashMap<>();
    private static final Map<String, String> QUALIFICATIONS = new LinkedHashMap<>();

    static {
        for (String t : List.of(Facility.CORE, Facility.AFFILIATED, Facility.ACCREDITED)) FACILITY_TYPES.put(key(t), t);
        FACILITY_TYPES.put(key("基幹施設"), Facility.CORE);
        FACILITY_TYPES.put(key("連携施設"), Facility.AFFILIATED);
        for (String q : List.of(Supervisor.INSTRUCTOR, Supervisor.SPECIALIST, Supervisor.PROVISIONAL_INSTRUCTOR,
                Supervisor.CERTIFIED_WITH_TRAINER)) {
            QUALIFICATIONS.put(key(q), q);
        }
    }

    private DirectoryCsv() {}

    public static ImportReport<Facility> facilities(byte[] file) {
        Map<String, Integer> firstLine = new HashMap<>();
        return CsvText.read(file, List.of(NUMBER, FACILITY_NAME, KANA, TYPE, FROM, TO), List.of(), (cells, line) -> {
            String no = number(cells);
            String name = cells.text(FACILITY_NAME);
            String kana = cells.text(KANA);
            String type = oneOf(cells, TYPE, FACILITY_TYPES,
                    "「" + Facility.CORE + "」「" + Facility.AFFILIATED + "」「" + Facility.ACCREDITED + "」");
            LocalDate from = cells.date(FROM);
            duplicate(firstLine, line, no, type, from);
            LocalDate to = to(cells, from);
            return new Facility(no, name, kana, type, from, to);
        });
    }

    public static ImportReport<Supervisor> supervisors(byte[] file) {
        Map<String, Integer> firstLine = new HashMap<>();
        return CsvText.read(file, List.of(NUMBER, NAME, KANA, QUALIFICATION, FROM, TO), List.of(), (cells, line) -> {
            String no = number(cells);
            String name = cells.text(NAME);
            String kana = cells.text(KANA);
            String qualification = oneOf(cells, QUALIFICATION, QUALIFICATIONS,
                    "「" + Supervisor.INSTRUCTOR + "」「" + Supervisor.SPECIALIST + "」「" + Supervisor.PROVISIONAL_INSTRUCTOR
                            + "」「" + Supervisor.CERTIFIED_WITH_TRAINER + "」");
            LocalDate from = cells.date(FROM);
            duplicate(firstLine, line, no, qualification, from);
            LocalDate to = to(cells, from);
            return new Supervisor(no, name, kana, qualification, from, to);
        });
    }

    private static String number(Cells cells) {
        String typed = cells.raw(NUMBER);
        if (JapaneseText.isBlank(typed)) throw new Reject(NUMBER + "が入力されていません。");
        String n = DASHES.matcher(JapaneseText.normalize(typed).toUpperCase(Locale.ROOT)).replaceAll("-");
        if (!NUMBER_PATTERN.matcher(n).matches()) {
            throw new Reject(NUMBER + "は英数字とハイフン（20文字以内）で入力してください（入力：" + CsvText.shown(typed) + "）");
        }
        return n;
    }

    private static String oneOf(Cells cells, String column, Map<String, String> allowed, String listed) {
        String typed = cells.raw(column);
        if (JapaneseText.isBlank(typed)) throw new Reject(column + "が入力されていません。");
        String value = allowed.get(key(typed));
        if (value == null) {
            throw new Reject(column + "は" + listed + "のいずれかで入力してください（入力：" + CsvText.shown(typed) + "）");
        }
        return value;
    }

    private static void duplicate(Map<String, Integer> firstLine, int line, String no, String kind, LocalDate from) {
        Integer first = firstLine.putIfAbsent(no + "\u0000" + kind + "\u0000" + from, line);
        if (first != null) {
            throw new Reject(NUMBER + " " + no + "（" + kind + "、" + FROM + " " + JapaneseDate.label(from) + "）が"
                    + first + "行目と重複しています。");
        }
    }

    private static LocalDate to(Cells cells, LocalDate from) {
        LocalDate to = cells.date(TO);
        if (to.isBefore(from)) {
            throw new Reject(TO + "（" + JapaneseDate.label(to) + "）が" + FROM + "（" + JapaneseDate.label(from)
                    + "）より前です。日付を確認してください。");
        }
        return to;
    }

    private static String key(String s) {
        return SPACES.matcher(JapaneseText.normalize(s)).replaceAll("");
    }
}
