package jp.nintei.domain.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.imports.ImportReport.Accepted;
import jp.nintei.domain.imports.ImportReport.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 会員情報 CSV as the secretariat saves it from Excel. */
class MemberCsvTest {
    static final Charset CP932 = Charset.forName("windows-31j");
    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    static final String HEADER = "会員番号,氏名,ふりがな,メールアドレス,入会日,会費納入年度,セミナー受講,承認済症例数,症例報告書免除,筆記試験免除,専門医";
    static final String REQUIRED_HEADER = "会員番号,氏名,ふりがな,メールアドレス,入会日";

    /** Lines joined with CRLF (as Excel writes them), ending with one. */
    static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    static ImportReport<Member> read(byte[] file) {
        return MemberCsv.read(file, 2025, TODAY);
    }

    static ImportReport<Member> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    static Member member(String no, String name, String kana, String email, LocalDate joined, Set<Integer> dues,
                         boolean seminar, int cases, boolean caseExempt, boolean examExempt, SpecialistStatus s) {
        return new Member(no, name, kana, email, joined, dues, seminar, cases, caseExempt, examExempt, s);
    }

    static final String FULL = csv(HEADER,
            "10000001,山田 太郎,やまだ たろう,Taro@Example.JP,2010/4/1,\"2024,2025,2026\",有,3,無,無,専門医",
            "１０００－０００２,鈴木　花子,すずき　はなこ,ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ,平成22年4月1日,２０２４、２０２５,○,０,×,済,失効",
            "  10000003  ,佐藤 次郎,さとう じろう,jiro@example.co.jp,2015年10月1日,,,,,,");

    static final List<Accepted<Member>> FULL_ACCEPTED = List.of(
            new Accepted<>(2, member("10000001", "山田 太郎", "やまだ たろう", "taro@example.jp", LocalDate.of(2010, 4, 1),
                    Set.of(2024, 2025, 2026), true, 3, false, false, SpecialistStatus.ACTIVE)),
            new Accepted<>(3, member("10000002", "鈴木　花子", "すずき　はなこ", "hanako@example.jp", LocalDate.of(2010, 4, 1),
                    Set.of(2024, 2025), true, 0, false, true, SpecialistStatus.LAPSED)),
            new Accepted<>(4, member("10000003", "佐藤 次郎", "さとう じろう", "jiro@example.co.jp", LocalDate.of(2015, 10, 1),
                    Set.of(), false, 0, false, false, SpecialistStatus.NONE)));

    @Test
    void utf8WithBom() {
        assertEquals(new ImportReport<>("UTF-8 (BOM)", 3, FULL_ACCEPTED, List.of()), read(CsvTextTest.bom(FULL)));
    }

    @Test
    void utf8WithoutBom() {
        assertEquals(new ImportReport<>("UTF-8", 3, FULL_ACCEPTED, List.of()), read(FULL));
    }

    @Test
    void shiftJis() {
        assertEquals(new ImportReport<>("Shift_JIS (CP932)", 3, FULL_ACCEPTED, List.of()), read(FULL.getBytes(CP932)));
    }

    @Test
    void cp932ExtensionCharactersInNames() {
        String text = csv(REQUIRED_HEADER, "10000001,髙橋 﨑子,たかはし さきこ,a@example.jp,2010/4/1");
        ImportReport<Member> report = read(text.getBytes(CP932));
        assertEquals("Shift_JIS (CP932)", report.encoding());
        assertEquals(List.of(), report.rejected());
        assertEquals("髙橋 﨑子", report.accepted().get(0).value().name());
    }

    @Test
    void compatibilityIdeographsAreKeptAndHiddenCharactersRemoved() {
        // 大塚 with U+FA10 and 神 U+FA19 stay those characters (NFKC would change them); NUL and U+202E are removed
        String text = csv(REQUIRED_HEADER, "10000001,大\uFA10 \uFA19\u0000子\u202E,ｵｵﾂｶ しんこ,a@example.jp,2010/4/1");
        ImportReport<Member> report = read(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), report.rejected());
        assertEquals("大\uFA10 \uFA19子", report.accepted().get(0).value().name());
        assertEquals("ｵｵﾂｶ しんこ", report.accepted().get(0).value().kana());
    }

    @Test
    void utf16HeaderCannotBeReadSoOneRejectionAtLineOne() {
        ImportReport<Member> report = read(FULL.getBytes(StandardCharsets.UTF_16));
        assertEquals(new ImportReport<Member>("Shift_JIS (CP932)", 0, List.of(), List.of(new Rejected(1,
                "必須の列がありません：会員番号、氏名、ふりがな、メールアドレス、入会日（1行目を見出し行として読み取れません。"
                        + "1行目が列名の行になっているか、ファイルの形式がCSVで文字コードが UTF-8 または Shift_JIS かをご確認ください）"))),
                report);
    }

    @Test
    void missingRequiredColumnRejectsTheFileAtLineOne() {
        String text = csv("会員番号,氏名,ふりがな,メールアドレス,会費納入年度",
                "10000001,山田 太郎,やまだ たろう,taro@example.jp,2024",
                "10000002,鈴木 花子,すずき はなこ,hanako@example.jp,2024");
        assertEquals(new ImportReport<Member>("UTF-8", 0, List.of(), List.of(new Rejected(1, "必須の列がありません：入会日"))),
                read(text));
    }

    @Test
    void twoMissingColumnsAreBothNamed() {
        assertEquals(new ImportReport<Member>("UTF-8", 0, List.of(), List.of(new Rejected(1, "必須の列がありません：ふりがな、入会日"))),
                read(csv("会員番号,氏名,メールアドレス", "10000001,山田 太郎,taro@example.jp")));
    }

    @Test
    void emptyFile() {
        assertEquals(new ImportReport<Member>("UTF-8", 0, List.of(), List.of(new Rejected(1,
                "ファイルが空です。1行目に見出し（会員番号、氏名、ふりがな、メールアドレス、入会日 など）を入れてください。"))),
                read(new byte[0]));
    }

    @Test
    void aColumnTwiceRejectsTheFile() {
        assertEquals(List.of(new Rejected(1, "同じ名前の列が複数あります：氏名（どちらを読むか決められないため、1列にしてください）")),
                read(csv(REQUIRED_HEADER + ",氏名", "10000001,山田 太郎,やまだ たろう,taro@example.jp,2010/4/1,山田")).rejected());
    }

    @Test
    void headerNamesInAnyOrderFullWidthOrSpacedAndExtraColumnsIgnored() {
        String text = csv(" 入会日 ,備考,ﾒｰﾙｱﾄﾞﾚｽ,　氏名　,ふりがな,会員番号,専門医",
                "2010/4/1,転居予定,taro@example.jp,山田 太郎,やまだ たろう,10000001,有効");
        assertEquals(new ImportReport<>("UTF-8", 1, List.of(new Accepted<>(2, member("10000001", "山田 太郎", "やまだ たろう",
                "taro@example.jp", LocalDate.of(2010, 4, 1), Set.of(), false, 0, false, false, SpecialistStatus.ACTIVE))),
                List.of()), read(text));
    }

    @Test
    void rejectionsWithExactReasonsAndPhysicalLineNumbers() {
        String text = csv(REQUIRED_HEADER + ",備考",
                "10000001,山田 太郎,やまだ たろう,taro@example.jp,2010/4/1,\"1行目",   // line 2
                "2行目\"",                                                                  // line 3 (same row)
                "10000002,鈴木 花子,すずき はなこ,hanako@example.jp,2010-02-30,",        // line 4
                "10000003,佐藤 次郎,さとう じろう,jiro@example,2011/4/1,",               // line 5
                "10000001,山田 太郎,やまだ たろう,taro2@example.jp,2012/4/1,\"a",        // line 6
                "b",                                                                        // line 7
                "c\"",                                                                      // line 8
                "10000004,田中 一郎,たなか いちろう,ichiro@example.jp,2025/6/2,",        // line 9
                "10000002,鈴木 花子,すずき はなこ,hanako@example.jp,2010/3/1,",          // line 10
                "10000005,高橋 三郎,たかはし さぶろう,saburo@example.jp,2025/6/1,");     // line 11
        ImportReport<Member> report = read(text);
        assertEquals(new ImportReport<>("UTF-8", 7,
                List.of(new Accepted<>(2, member("10000001", "山田 太郎", "やまだ たろう", "taro@example.jp",
                                LocalDate.of(2010, 4, 1), Set.of(), false, 0, false, false, SpecialistStatus.NONE)),
                        new Accepted<>(11, member("10000005", "高橋 三郎", "たかはし さぶろう", "saburo@example.jp",
                                TODAY, Set.of(), false, 0, false, false, SpecialistStatus.NONE))),
                List.of(new Rejected(4, "入会日を日付として読み取れません（入力：2010-02-30）。"
                                + "実在する日付を 2010/4/1、2010年4月1日、平成22年4月1日 のように入力してください。"),
                        new Rejected(5, "メールアドレスの形式が正しくありません（入力：jiro@example）"),
                        new Rejected(6, "会員番号 10000001 が2行目と重複しています。"),
                        new Rejected(9, "入会日が未来の日付です（入力：2025/6/2）。入会した日を入力してください。"),
                        // the first 10000002 was rejected for its date; which row is meant is still for the office to decide
                        new Rejected(10, "会員番号 10000002 が4行目と重複しています。"))), report);
    }

    @Test
    void duplicatesAreFoundAfterNormalisation() {
        String text = csv(REQUIRED_HEADER,
                "10000001,山田 太郎,やまだ たろう,taro@example.jp,2010/4/1",
                "１０００-０００１,山田 太郎,やまだ たろう,taro@example.jp,2010/4/1",
                "1000 0001,山田 太郎,やまだ たろう,taro@example.jp,2010/4/1");
        assertEquals(List.of(new Rejected(3, "会員番号 10000001 が2行目と重複しています。"),
                new Rejected(4, "会員番号 10000001 が2行目と重複しています。")), read(text).rejected());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "''|会員番号が入力されていません。",
            "123|会員番号は4〜12桁の数字で入力してください（入力：123）",
            "1234567890123|会員番号は4〜12桁の数字で入力してください（入力：1234567890123）",
            "A1234|会員番号は4〜12桁の数字で入力してください（入力：A1234）",
            "taro@example.jp|会員番号は4〜12桁の数字で入力してください（入力：taro@example.jp）",
            "1.23457E+11|会員番号は4〜12桁の数字で入力してください（入力：1.23457E+11）。Excel で数値が指数表示になっています。"
                    + "列の書式を「文字列」にして番号を入れ直し、保存し直してください。",
    })
    void badMemberNumbers(String cell, String reason) {
        String text = csv(REQUIRED_HEADER, cell + ",山田 太郎,やまだ たろう,taro@example.jp,2010/4/1");
        assertEquals(List.of(new Rejected(2, reason)), read(text).rejected());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "10000001,,やまだ,taro@example.jp,2010/4/1|氏名が入力されていません。",
            "10000001,　,やまだ,taro@example.jp,2010/4/1|氏名が入力されていません。",
            "10000001,山田,,taro@example.jp,2010/4/1|ふりがなが入力されていません。",
            "10000001,山田,やまだ,,2010/4/1|メールアドレスが入力されていません。",
            "10000001,山田,やまだ,taro.example.jp,2010/4/1|メールアドレスの形式が正しくありません（入力：taro.example.jp）",
            "10000001,山田,やまだ,taro@@example.jp,2010/4/1|メールアドレスの形式が正しくありません（入力：taro@@example.jp）",
            "10000001,山田,やまだ,10000001,2010/4/1|メールアドレスの形式が正しくありません（入力：10000001）",
            "10000001,山田,やまだ,taro@example.jp,|入会日が入力されていません。",
            "10000001,山田,やまだ,taro@example.jp,2010/13/1|入会日を日付として読み取れません（入力：2010/13/1）。"
                    + "実在する日付を 2010/4/1、2010年4月1日、平成22年4月1日 のように入力してください。",
            "10000001,山田,やまだ,taro@example.jp,平成31年5月1日|入会日を日付として読み取れません（入力：平成31年5月1日）。"
                    + "実在する日付を 2010/4/1、2010年4月1日、平成22年4月1日 のように入力してください。",
            "10000001,山田,やまだ,taro@example.jp,令和8年1月1日|入会日が未来の日付です（入力：令和8年1月1日）。入会した日を入力してください。",
            // several problems: the first in column order is reported
            "123,,やまだ,bad,2999/1/1|会員番号は4〜12桁の数字で入力してください（入力：123）",
            "10000001,山田,やまだ,bad,2999/1/1|メールアドレスの形式が正しくありません（入力：bad）",
    })
    void requiredCellProblems(String row, String reason) {
        String text = csv(REQUIRED_HEADER, row);
        assertEquals(new ImportReport<Member>("UTF-8", 1, List.of(), List.of(new Rejected(2, reason))), read(text));
    }

    @Test
    void lineBreakInsideANameIsRejected() {
        String text = csv(REQUIRED_HEADER, "10000001,\"山田", "太郎\",やまだ,taro@example.jp,2010/4/1",
                "10000002,鈴木,すずき,hanako@example.jp,2010/4/1");
        ImportReport<Member> report = read(text);
        assertEquals(List.of(new Rejected(2, "氏名にセル内の改行が含まれています。1行で入力してください。")), report.rejected());
        assertEquals(List.of(4), report.accepted().stream().map(Accepted::line).toList());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "有|true", "無|false", "あり|true", "なし|false", "○|true", "〇|true", "×|false", "1|true", "0|false",
            "１|true", "０|false", "TRUE|true", "FALSE|false", "true|true", "False|false", "済|true", "未|false",
            "''|false", "'　'|false", "はい|true", "いいえ|false",
    })
    void booleans(String cell, boolean expected) {
        String text = csv(REQUIRED_HEADER + ",セミナー受講,症例報告書免除,筆記試験免除",
                "10000001,山田,やまだ,taro@example.jp,2010/4/1," + cell + ",,",
                "10000002,山田,やまだ,jiro@example.jp,2010/4/1,," + cell + ",",
                "10000003,山田,やまだ,saburo@example.jp,2010/4/1,,," + cell);
        ImportReport<Member> report = read(text);
        assertEquals(List.of(), report.rejected());
        assertEquals(List.of(expected, false, false), flags(report.accepted().get(0).value()));
        assertEquals(List.of(false, expected, false), flags(report.accepted().get(1).value()));
        assertEquals(List.of(false, false, expected), flags(report.accepted().get(2).value()));
    }

    private static List<Boolean> flags(Member m) {
        return List.of(m.seminarCompleted(), m.caseReportExempt(), m.writtenExamExempt());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "セミナー受講|多分", "症例報告書免除|2", "筆記試験免除|-",
    })
    void unreadableBooleanNamesItsColumn(String column, String cell) {
        String text = csv(REQUIRED_HEADER + "," + column, "10000001,山田,やまだ,taro@example.jp,2010/4/1," + cell);
        assertEquals(List.of(new Rejected(2, column + "は「有」か「無」（あり/なし、○/×、1/0、TRUE/FALSE、済/未）で入力してください（入力："
                + cell + "）")), read(text).rejected());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|NONE", "なし|NONE", "無|NONE", "専門医|ACTIVE", "有効|ACTIVE", "失効|LAPSED", "'　失効　'|LAPSED",
    })
    void specialistColumn(String cell, SpecialistStatus expected) {
        String text = csv(REQUIRED_HEADER + ",専門医", "10000001,山田,やまだ,taro@example.jp,2010/4/1," + cell);
        ImportReport<Member> report = read(text);
        assertEquals(List.of(), report.rejected());
        assertEquals(expected, report.accepted().get(0).value().specialistStatus());
    }

    @Test
    void unreadableSpecialistStatus() {
        String text = csv(REQUIRED_HEADER + ",専門医", "10000001,山田,やまだ,taro@example.jp,2010/4/1,はい");
        assertEquals(List.of(new Rejected(2,
                "専門医は「専門医」（または「有効」）、「失効」、空欄（または「なし」）のいずれかで入力してください（入力：はい）")),
                read(text).rejected());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "2024,2025,2026|2024 2025 2026",
            "2024、2025、2026|2024 2025 2026",
            "2024/2025/2026|2024 2025 2026",
            "2024 2025　2026|2024 2025 2026",
            "２０２４，２０２５|2024 2025",
            "2024年度、2025年度|2024 2025",
            "2025|2025",
            "2025,2025|2025",
            "''|''",
    })
    void duesYears(String cell, String expected) {
        String text = csv(REQUIRED_HEADER + ",会費納入年度",
                "10000001,山田,やまだ,taro@example.jp,2010/4/1,\"" + cell + "\"");
        ImportReport<Member> report = read(text);
        assertEquals(List.of(), report.rejected());
        Set<Integer> years = expected.isEmpty() ? Set.of()
                : Set.copyOf(java.util.Arrays.stream(expected.split(" ")).map(Integer::valueOf).toList());
        assertEquals(years, report.accepted().get(0).value().duesPaidFiscalYears());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', value = {"24,25", "20242025", "令和6", "2024.2025"})
    void unreadableDuesYears(String cell) {
        String text = csv(REQUIRED_HEADER + ",会費納入年度", "10000001,山田,やまだ,taro@example.jp,2010/4/1,\"" + cell + "\"");
        assertEquals(List.of(new Rejected(2, "会費納入年度は 2024,2025 のように西暦4桁の年度を「,」「、」「/」または空白で区切って入力してください（入力："
                + cell + "）")), read(text).rejected());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {"''|0", "0|0", "3|3", "１２|12", "5件|5", "120|120"})
    void caseReportCounts(String cell, int expected) {
        String text = csv(REQUIRED_HEADER + ",承認済症例数", "10000001,山田,やまだ,taro@example.jp,2010/4/1," + cell);
        ImportReport<Member> report = read(text);
        assertEquals(List.of(), report.rejected());
        assertEquals(expected, report.accepted().get(0).value().approvedCaseReports());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', value = {"-1", "1.5", "三", "9999999999"})
    void unreadableCaseReportCounts(String cell) {
        String text = csv(REQUIRED_HEADER + ",承認済症例数", "10000001,山田,やまだ,taro@example.jp,2010/4/1," + cell);
        assertEquals(List.of(new Rejected(2, "承認済症例数は0以上の整数で入力してください（入力：" + cell + "）")),
                read(text).rejected());
    }

    @Test
    void blankRowsAreSkippedAndNotCountedButLinesStayPhysical() {
        String text = csv(REQUIRED_HEADER,
                ",,,,",
                "",
                "10000001,山田,やまだ,taro@example.jp,2010/4/1",
                "　,  ,\"\",,",
                "10000002,鈴木,すずき,bad,2010/4/1");
        ImportReport<Member> report = read(text);
        assertEquals(2, report.rows());
        assertEquals(List.of(4), report.accepted().stream().map(Accepted::line).toList());
        assertEquals(List.of(new Rejected(6, "メールアドレスの形式が正しくありません（入力：bad）")), report.rejected());
    }

    @Test
    void shortRowsReadMissingCellsAsBlank() {
        String text = csv(HEADER, "10000001,山田,やまだ,taro@example.jp,2010/4/1", "10000002,鈴木,すずき,hanako@example.jp");
        ImportReport<Member> report = read(text);
        assertEquals(List.of(2), report.accepted().stream().map(Accepted::line).toList());
        assertEquals(List.of(new Rejected(3, "入会日が入力されていません。")), report.rejected());
    }

    @Test
    void unclosedQuoteIsRejectedWhereItStarts() {
        String text = csv(REQUIRED_HEADER,
                "10000001,山田,やまだ,taro@example.jp,2010/4/1",
                "10000002,\"鈴木,すずき,hanako@example.jp,2010/4/1",
                "10000003,佐藤,さとう,jiro@example.jp,2010/4/1");
        ImportReport<Member> report = read(text);
        assertEquals(2, report.rows());
        assertEquals(List.of(2), report.accepted().stream().map(Accepted::line).toList());
        assertEquals(List.of(new Rejected(3, "この行で始まる「\"」（ダブルクォーテーション）が閉じられていないため、"
                + "ここからファイルの終わりまでを1つのセルとして読んでしまいます。引用符を閉じてください。")), report.rejected());
    }

    @Test
    void twoArgumentReadJudgesTheFutureByTodayInJapan() {
        LocalDate today = LocalDate.now(AppClock.JST);
        String text = csv(REQUIRED_HEADER,
                "10000001,山田,やまだ,taro@example.jp," + today.minusDays(1),
                "10000002,鈴木,すずき,hanako@example.jp," + today.plusDays(2));
        ImportReport<Member> report = MemberCsv.read(text.getBytes(StandardCharsets.UTF_8), 2025);
        assertEquals(List.of(2), report.accepted().stream().map(Accepted::line).toList());
        assertEquals(List.of(new Rejected(3, "入会日が未来の日付です（入力：" + today.plusDays(2) + "）。入会した日を入力してください。")),
                report.rejected());
    }

    @Test
    void tenThousandRows() {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        List<Rejected> expectedRejected = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String no = String.valueOf(20_000_000 + i);
            boolean bad = i % 1000 == 999;
            String email = bad ? "member" + i + "@example" : "member" + i + "@example.jp";
            if (bad) expectedRejected.add(new Rejected(i + 2, "メールアドレスの形式が正しくありません（入力：" + email + "）"));
            sb.append(no).append(",会員 ").append(i).append(",かいいん ").append(i).append(',').append(email)
                    .append(",2010/4/1,\"2024,2025\",有,").append(i % 7).append(",無,無,").append(i % 3 == 0 ? "専門医" : "")
                    .append("\r\n");
        }
        ImportReport<Member> report = MemberCsv.read(sb.toString().getBytes(CP932), 2025, TODAY);
        assertEquals("Shift_JIS (CP932)", report.encoding());
        assertEquals(10_000, report.rows());
        assertEquals(9_990, report.accepted().size());
        assertEquals(expectedRejected, report.rejected());
        Accepted<Member> last = report.accepted().get(report.accepted().size() - 1);
        assertEquals(10_000, last.line()); // row 9999 (line 10001) is a rejected one
        assertEquals(member("20009998", "会員 9998", "かいいん 9998", "member9998@example.jp", LocalDate.of(2010, 4, 1),
                Set.of(2024, 2025), true, 9998 % 7, false, false, SpecialistStatus.NONE), last.value());
        assertTrue(report.accepted().stream().allMatch(a -> a.value().duesPaidFiscalYears().equals(Set.of(2024, 2025))));
    }
}
