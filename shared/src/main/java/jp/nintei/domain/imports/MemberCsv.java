package jp.nintei.domain.imports;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.JapaneseText;
import jp.nintei.domain.LoginId;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.imports.CsvText.Cells;
import jp.nintei.domain.imports.CsvText.Reject;
import jp.nintei.domain.secondary.JapaneseDate;

/**
 * 会員情報 CSV as the secretariat keeps it in Excel. Pure: bytes in, report out; the caller writes the accepted
 * rows only.
 *
 * <p>Header (line 1; names matched after NFKC and trimming; any order; other columns ignored): required
 * {@value #MEMBER_NO}, {@value #NAME}, {@value #KANA}, {@value #EMAIL}, {@value #JOINED_ON}; optional
 * {@value #DUES}, {@value #SEMINAR}, {@value #CASE_REPORTS}, {@value #CASE_REPORT_EXEMPT},
 * {@value #WRITTEN_EXAM_EXEMPT}, {@value #SPECIALIST}. A missing required column rejects the file: no row is read
 * and the one rejection is at line 1.
 *
 * <p>Each row is checked column by column in that order and rejected with the first problem found:
 * <ul>
 *   <li>会員番号: 4–12 digits as {@link LoginId} reads them (NFKC, spaces and hyphens removed); a number already
 *       seen on an earlier row of the file (whatever else was wrong there) rejects this row as a duplicate;</li>
 *   <li>氏名, ふりがな: not blank, one line (NFKC, trimmed);</li>
 *   <li>メールアドレス: an address as {@link LoginId} reads it, lower case;</li>
 *   <li>入会日: read by {@link JapaneseDate#parse} (2010/4/1, 2010年4月1日, 平成22年4月1日…), not after today;</li>
 *   <li>会費納入年度: 4-digit years separated by {@code , 、 /} or spaces, {@code 年度} after a year allowed;
 *       blank = none;</li>
 *   <li>セミナー受講, 症例報告書免除, 筆記試験免除: 有/無, あり/なし, ○/×, 1/0, TRUE/FALSE, 済/未 (and はい/いいえ);
 *       blank = no;</li>
 *   <li>承認済症例数: a whole number ≥ 0 ({@code 件} after it allowed); blank = 0;</li>
 *   <li>専門医: blank/なし → NONE, 専門医/有効 → ACTIVE, 失効 → LAPSED.</li>
 * </ul>
 */
public final class MemberCsv {
    public static final String MEMBER_NO = "会員番号";
    public static final String NAME = "氏名";
    public static final String KANA = "ふりがな";
    public static final String EMAIL = "メールアドレス";
    public static final String JOINED_ON = "入会日";
    public static final String DUES = "会費納入年度";
    public static final String SEMINAR = "セミナー受講";
    public static final String CASE_REPORTS = "承認済症例数";
    public static final String CASE_REPORT_EXEMPT = "症例報告書免除";
    public static final String WRITTEN_EXAM_EXEMPT = "筆記試験免除";
    public static final String SPECIALIST = "専門医";

    static final List<String> REQUIRED = List.of(MEMBER_NO, NAME, KANA, EMAIL, JOINED_ON);
    static final List<String> OPTIONAL =
            List.of(DUES, SEMINAR, CASE_REPORTS, CASE_REPORT_EXEMPT, WRITTEN_EXAM_EXEMPT, SPECIALIST);

    private static final Set<String> YES = Set.of("有", "有り", "あり", "○", "〇", "◯", "1", "TRUE", "済", "済み", "はい", "YES");
    private static final Set<String> NO = Set.of("", "無", "無し", "なし", "×", "✕", "0", "FALSE", "未", "いいえ", "NO");
    private static final Pattern YEAR_SEPARATORS = Pattern.compile("[,、/\\s]+");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)[0-9]{2})(?:年度|年)?");
    private static final Pattern COUNT = Pattern.compile("([0-9]{1,9})件?");
    private static final Pattern EXPONENT = Pattern.compile("[0-9.]+E\\+?[0-9]+", Pattern.CASE_INSENSITIVE);

    private MemberCsv() {}

    /** As {@link #read(byte[], int, LocalDate)} with today in Japan ({@link AppClock#process()}, Asia/Tokyo). */
    public static ImportReport<Member> read(byte[] file, int fiscalYear) {
        return read(file, fiscalYear, LocalDate.now(AppClock.process()));
    }

    /**
     * @param fiscalYear the 年度 being imported for; not used by any check (kept for the callers' signature)
     * @param today a 入会日 after this day is rejected
     */
    public static ImportReport<Member> read(byte[] file, int fiscalYear, LocalDate today) {
        Map<String, Integer> firstLine = new HashMap<>();
        return CsvText.read(file, REQUIRED, OPTIONAL, (cells, line) -> {
            String memberNo = memberNo(cells);
            Integer first = firstLine.putIfAbsent(memberNo, line);
            if (first != null) throw new Reject("会員番号 " + memberNo + " が" + first + "行目と重複しています。");
            String name = cells.text(NAME);
            String kana = cells.text(KANA);
            String email = email(cells);
            LocalDate joinedOn = cells.date(JOINED_ON);
            if (joinedOn.isAfter(today)) {
                throw new Reject(JOINED_ON + "が未来の日付です（入力：" + CsvText.shown(cells.raw(JOINED_ON))
                        + "）。入会した日を入力してください。");
            }
            Set<Integer> dues = dues(cells);
            boolean seminar = bool(cells, SEMINAR);
            int caseReports = count(cells, CASE_REPORTS);
            boolean caseReportExempt = bool(cells, CASE_REPORT_EXEMPT);
            boolean writtenExamExempt = bool(cells, WRITTEN_EXAM_EXEMPT);
            SpecialistStatus specialist = specialist(cells);
            return new Member(memberNo, name, kana, email, joinedOn, dues, seminar, caseReports, caseReportExempt,
                    writtenExamExempt, specialist);
        });
    }

    private static String memberNo(Cells cells) {
        String typed = cells.raw(MEMBER_NO);
        if (JapaneseText.isBlank(typed)) throw new Reject(MEMBER_NO + "が入力されていません。");
        LoginId id = LoginId.parse(typed);
        if (id == null || id.type() != LoginId.Type.MEMBER_NO) {
            String reason = MEMBER_NO + "は4〜12桁の数字で入力してください（入力：" + CsvText.shown(typed) + "）";
            if (EXPONENT.matcher(JapaneseText.normalize(typed)).matches()) {
                reason += "。Excel で数値が指数表示になっています。列の書式を「文字列」にして番号を入れ直し、保存し直してください。";
            }
            throw new Reject(reason);
        }
        return id.value();
    }

    private static String email(Cells cells) {
        String typed = cells.raw(EMAIL);
        if (JapaneseText.isBlank(typed)) throw new Reject(EMAIL + "が入力されていません。");
        LoginId id = LoginId.parse(typed);
        if (id == null || id.type() != LoginId.Type.EMAIL) {
            throw new Reject(EMAIL + "の形式が正しくありません（入力：" + CsvText.shown(typed) + "）");
        }
        return id.value();
    }

    private static Set<Integer> dues(Cells cells) {
        String v = cells.get(DUES);
        Set<Integer> years = new LinkedHashSet<>();
        if (v.isEmpty()) return years;
        for (String token : YEAR_SEPARATORS.split(v)) {
            if (token.isEmpty()) continue;
            Matcher m = YEAR.matcher(token);
            if (!m.matches()) {
                throw new Reject(DUES + "は 2024,2025 のように西暦4桁の年度を「,」「、」「/」または空白で区切って入力してください（入力："
                        + CsvText.shown(cells.raw(DUES)) + "）");
            }
            years.add(Integer.parseInt(m.group(1)));
        }
        return years;
    }

    private static boolean bool(Cells cells, String column) {
        String v = cells.get(column).toUpperCase(Locale.ROOT);
        if (YES.contains(v)) return true;
        if (NO.contains(v)) return false;
        throw new Reject(column + "は「有」か「無」（あり/なし、○/×、1/0、TRUE/FALSE、済/未）で入力してください（入力："
                + CsvText.shown(cells.raw(column)) + "）");
    }

    private static int count(Cells cells, String column) {
        String v = cells.get(column).replace(" ", "");
        if (v.isEmpty()) return 0;
        Matcher m = COUNT.matcher(v);
        if (!m.matches()) {
            throw new Reject(column + "は0以上の整数で入力してください（入力：" + CsvText.shown(cells.raw(column)) + "）");
        }
        return Integer.parseInt(m.group(1));
    }

    private static SpecialistStatus specialist(Cells cells) {
        String v = cells.get(SPECIALIST).replace(" ", "");
        return switch (v) {
            case "", "なし", "無", "無し" -> SpecialistStatus.NONE;
            case "専門医", "有効" -> SpecialistStatus.ACTIVE;
            case "失効", "失効者" -> SpecialistStatus.LAPSED;
            default -> throw new Reject(SPECIALIST + "は「専門医」（または「有効」）、「失効」、空欄（または「なし」）のいずれかで入力してください（入力："
                    + CsvText.shown(cells.raw(SPECIALIST)) + "）");
        };
    }
}
