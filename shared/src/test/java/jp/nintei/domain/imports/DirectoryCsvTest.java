package jp.nintei.domain.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import jp.nintei.domain.Facility;
import jp.nintei.domain.Supervisor;
import jp.nintei.domain.imports.ImportReport.Accepted;
import jp.nintei.domain.imports.ImportReport.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 研修施設 and 指導者 CSV. */
class DirectoryCsvTest {
    static final Charset CP932 = Charset.forName("windows-31j");
    static final String FACILITY_HEADER = "認定番号,施設名称,ふりがな,認定種別,認定開始日,認定終了日";
    static final String SUPERVISOR_HEADER = "認定番号,氏名,ふりがな,資格,認定開始日,認定終了日";

    static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    static final String FACILITIES = csv(FACILITY_HEADER,
            "F0001,東京大学医学部附属病院,とうきょうだいがくいがくぶふぞくびょういん,基幹施設（新制度）,2018/4/1,2023/3/31",
            "ｆ０００１,東京大学医学部附属病院,とうきょうだいがくいがくぶふぞくびょういん,基幹施設,2023/4/1,2028/3/31",
            "F0001,東京大学医学部附属病院,とうきょうだいがくいがくぶふぞくびょういん,認定研修施設,2018/4/1,2023/3/31",
            "F-0002,札幌市立病院,さっぽろしりつびょういん,連携施設(新制度),平成30年4月1日,令和5年3月31日",
            "F0003,ﾅﾆﾜ病院,なにわびょういん, 連携施設 ,2020年4月1日,2020年4月1日");

    static final List<Accepted<Facility>> FACILITIES_ACCEPTED = List.of(
            new Accepted<>(2, new Facility("F0001", "東京大学医学部附属病院", "とうきょうだいがくいがくぶふぞくびょういん",
                    Facility.CORE, d(2018, 4, 1), d(2023, 3, 31))),
            new Accepted<>(3, new Facility("F0001", "東京大学医学部附属病院", "とうきょうだいがくいがくぶふぞくびょういん",
                    Facility.CORE, d(2023, 4, 1), d(2028, 3, 31))),
            new Accepted<>(4, new Facility("F0001", "東京大学医学部附属病院", "とうきょうだいがくいがくぶふぞくびょういん",
                    Facility.ACCREDITED, d(2018, 4, 1), d(2023, 3, 31))),
            new Accepted<>(5, new Facility("F-0002", "札幌市立病院", "さっぽろしりつびょういん",
                    Facility.AFFILIATED, d(2018, 4, 1), d(2023, 3, 31))),
            new Accepted<>(6, new Facility("F0003", "ﾅﾆﾜ病院", "なにわびょういん", // names as typed (docs/domain.md "Text as people type it")
                    Facility.AFFILIATED, d(2020, 4, 1), d(2020, 4, 1))));

    @Test
    void facilitiesUtf8WithBom() {
        assertEquals(new ImportReport<>("UTF-8 (BOM)", 5, FACILITIES_ACCEPTED, List.of()),
                DirectoryCsv.facilities(CsvTextTest.bom(FACILITIES)));
    }

    @Test
    void facilitiesUtf8WithoutBom() {
        assertEquals(new ImportReport<>("UTF-8", 5, FACILITIES_ACCEPTED, List.of()), DirectoryCsv.facilities(utf8(FACILITIES)));
    }

    @Test
    void facilitiesShiftJis() {
        assertEquals(new ImportReport<>("Shift_JIS (CP932)", 5, FACILITIES_ACCEPTED, List.of()),
                DirectoryCsv.facilities(FACILITIES.getBytes(CP932)));
    }

    @Test
    void facilitiesUtf16CannotBeRead() {
        assertEquals(new ImportReport<Facility>("Shift_JIS (CP932)", 0, List.of(), List.of(new Rejected(1,
                "必須の列がありません：認定番号、施設名称、ふりがな、認定種別、認定開始日、認定終了日（1行目を見出し行として読み取れません。"
                        + "1行目が列名の行になっているか、ファイルの形式がCSVで文字コードが UTF-8 または Shift_JIS かをご確認ください）"))),
                DirectoryCsv.facilities(FACILITIES.getBytes(StandardCharsets.UTF_16)));
    }

    @Test
    void facilitiesMissingColumn() {
        String text = csv("認定番号,施設名称,ふりがな,認定開始日,認定終了日", "F0001,東大病院,とうだいびょういん,2018/4/1,2023/3/31");
        assertEquals(new ImportReport<Facility>("UTF-8", 0, List.of(), List.of(new Rejected(1, "必須の列がありません：認定種別"))),
                DirectoryCsv.facilities(utf8(text)));
    }

    @Test
    void supervisorFileIsNotAFacilityFile() {
        assertEquals(List.of(new Rejected(1, "必須の列がありません：施設名称、認定種別")),
                DirectoryCsv.facilities(utf8(csv(SUPERVISOR_HEADER, "S100,佐藤 健一,さとう けんいち,指導医,2018/4/1,2023/3/31")))
                        .rejected());
    }

    @Test
    void facilityRowProblemsWithExactReasonsAndLines() {
        String text = csv(FACILITY_HEADER + ",備考",
                "F0001,東大病院,とうだいびょういん,基幹施設（新制度）,2018/4/1,2023/3/31,\"旧名称",      // 2
                "東京大学病院\"",                                                                            // 3
                "F0001,東大病院,とうだいびょういん,基幹施設,2018-04-01,2024/3/31,",                       // 4 duplicate
                "F0001,東大病院,とうだいびょういん,連携施設,2018/4/1,2023/3/31,",                         // 5 other type: ok
                "F 0002,札幌病院,さっぽろびょういん,連携施設,2018/4/1,2023/3/31,",                        // 6
                ",札幌病院,さっぽろびょういん,連携施設,2018/4/1,2023/3/31,",                              // 7
                "F0003,,さっぽろびょういん,連携施設,2018/4/1,2023/3/31,",                                 // 8
                "F0003,札幌病院,,連携施設,2018/4/1,2023/3/31,",                                           // 9
                "F0003,札幌病院,さっぽろびょういん,基幹病院,2018/4/1,2023/3/31,",                         // 10
                "F0003,札幌病院,さっぽろびょういん,,2018/4/1,2023/3/31,",                                 // 11
                "F0003,札幌病院,さっぽろびょういん,認定研修施設,2018/2/30,2023/3/31,",                    // 12
                "F0003,札幌病院,さっぽろびょういん,認定研修施設,2018/4/1,,",                              // 13
                "F0004,札幌病院,さっぽろびょういん,認定研修施設,2018/4/1,2018/3/31,",                     // 14
                "F0003,札幌病院,さっぽろびょういん,認定研修施設,2018/4/1,2023/3/31,");                    // 15 duplicate of 13
        ImportReport<Facility> report = DirectoryCsv.facilities(utf8(text));
        assertEquals(new ImportReport<>("UTF-8", 13,
                List.of(new Accepted<>(2, new Facility("F0001", "東大病院", "とうだいびょういん", Facility.CORE,
                                d(2018, 4, 1), d(2023, 3, 31))),
                        new Accepted<>(5, new Facility("F0001", "東大病院", "とうだいびょういん", Facility.AFFILIATED,
                                d(2018, 4, 1), d(2023, 3, 31)))),
                List.of(new Rejected(4, "認定番号 F0001（基幹施設（新制度）、認定開始日 2018年4月1日）が2行目と重複しています。"),
                        new Rejected(6, "認定番号は英数字とハイフン（20文字以内）で入力してください（入力：F 0002）"),
                        new Rejected(7, "認定番号が入力されていません。"),
                        new Rejected(8, "施設名称が入力されていません。"),
                        new Rejected(9, "ふりがなが入力されていません。"),
                        new Rejected(10, "認定種別は「基幹施設（新制度）」「連携施設（新制度）」「認定研修施設」のいずれかで入力してください（入力：基幹病院）"),
                        new Rejected(11, "認定種別が入力されていません。"),
                        new Rejected(12, "認定開始日を日付として読み取れません（入力：2018/2/30）。"
                                + "実在する日付を 2010/4/1、2010年4月1日、平成22年4月1日 のように入力してください。"),
                        new Rejected(13, "認定終了日が入力されていません。"),
                        new Rejected(14, "認定終了日（2018年3月31日）が認定開始日（2018年4月1日）より前です。日付を確認してください。"),
                        // line 13 already holds F0003 / 認定研修施設 / 2018-04-01 (it was rejected for its end date)
                        new Rejected(15, "認定番号 F0003（認定研修施設、認定開始日 2018年4月1日）が13行目と重複しています。"))),
                report);
    }

    static final String SUPERVISORS = csv(SUPERVISOR_HEADER,
            "S100,佐藤 健一,さとう けんいち,専門医,2015/4/1,2020/3/31",
            "s100,佐藤　健一,さとう　けんいち,指導医,2020/4/1,2025/3/31",
            "S200,鈴木 一郎,すずき いちろう,暫定指導医,平成30年4月1日,令和5年3月31日",
            "S300,田中 花子,たなか はなこ, 研修指導者資格を有する認定医 ,2019/4/1,2024/3/31");

    static final List<Accepted<Supervisor>> SUPERVISORS_ACCEPTED = List.of(
            new Accepted<>(2, new Supervisor("S100", "佐藤 健一", "さとう けんいち", Supervisor.SPECIALIST,
                    d(2015, 4, 1), d(2020, 3, 31))),
            new Accepted<>(3, new Supervisor("S100", "佐藤　健一", "さとう　けんいち", Supervisor.INSTRUCTOR, // as typed
                    d(2020, 4, 1), d(2025, 3, 31))),
            new Accepted<>(4, new Supervisor("S200", "鈴木 一郎", "すずき いちろう", Supervisor.PROVISIONAL_INSTRUCTOR,
                    d(2018, 4, 1), d(2023, 3, 31))),
            new Accepted<>(5, new Supervisor("S300", "田中 花子", "たなか はなこ", Supervisor.CERTIFIED_WITH_TRAINER,
                    d(2019, 4, 1), d(2024, 3, 31))));

    @Test
    void supervisorsInEveryEncoding() {
        assertEquals(new ImportReport<>("UTF-8 (BOM)", 4, SUPERVISORS_ACCEPTED, List.of()),
                DirectoryCsv.supervisors(CsvTextTest.bom(SUPERVISORS)));
        assertEquals(new ImportReport<>("UTF-8", 4, SUPERVISORS_ACCEPTED, List.of()),
                DirectoryCsv.supervisors(utf8(SUPERVISORS)));
        assertEquals(new ImportReport<>("Shift_JIS (CP932)", 4, SUPERVISORS_ACCEPTED, List.of()),
                DirectoryCsv.supervisors(SUPERVISORS.getBytes(CP932)));
    }

    @Test
    void supervisorsUtf16CannotBeRead() {
        ImportReport<Supervisor> report = DirectoryCsv.supervisors(SUPERVISORS.getBytes(StandardCharsets.UTF_16));
        assertEquals(List.of(), report.accepted());
        assertEquals(List.of(new Rejected(1,
                "必須の列がありません：認定番号、氏名、ふりがな、資格、認定開始日、認定終了日（1行目を見出し行として読み取れません。"
                        + "1行目が列名の行になっているか、ファイルの形式がCSVで文字コードが UTF-8 または Shift_JIS かをご確認ください）")),
                report.rejected());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "S100,佐藤,さとう,医師,2018/4/1,2023/3/31|資格は「指導医」「専門医」「暫定指導医」「研修指導者資格を有する認定医」のいずれかで入力してください（入力：医師）",
            "S100,佐藤,さとう,,2018/4/1,2023/3/31|資格が入力されていません。",
            "S100,,さとう,指導医,2018/4/1,2023/3/31|氏名が入力されていません。",
            "S100,佐藤,さとう,指導医,,2023/3/31|認定開始日が入力されていません。",
            "S100,佐藤,さとう,指導医,2018/4/1,2023/02/29|認定終了日を日付として読み取れません（入力：2023/02/29）。"
                    + "実在する日付を 2010/4/1、2010年4月1日、平成22年4月1日 のように入力してください。",
            "S100,佐藤,さとう,指導医,2018/4/1,2017/4/1|認定終了日（2017年4月1日）が認定開始日（2018年4月1日）より前です。日付を確認してください。",
            "S-1/2,佐藤,さとう,指導医,2018/4/1,2023/3/31|認定番号は英数字とハイフン（20文字以内）で入力してください（入力：S-1/2）",
    })
    void supervisorRowProblems(String row, String reason) {
        ImportReport<Supervisor> report = DirectoryCsv.supervisors(utf8(csv(SUPERVISOR_HEADER, row)));
        assertEquals(new ImportReport<Supervisor>("UTF-8", 1, List.of(), List.of(new Rejected(2, reason))), report);
    }

    @Test
    void supervisorDuplicatesNeedTheSameNumberStartAndQualification() {
        String text = csv(SUPERVISOR_HEADER,
                "S100,佐藤 健一,さとう けんいち,指導医,2018/4/1,2023/3/31",
                "S100,佐藤 健一,さとう けんいち,専門医,2018/4/1,2023/3/31",
                "S100,佐藤 健一,さとう けんいち,指導医,2019/4/1,2023/3/31",
                "Ｓ１００,佐藤 健一,さとう けんいち,指導医,平成30年4月1日,2024/3/31");
        ImportReport<Supervisor> report = DirectoryCsv.supervisors(utf8(text));
        assertEquals(4, report.rows());
        assertEquals(List.of(2, 3, 4), report.accepted().stream().map(Accepted::line).toList());
        assertEquals(List.of(new Rejected(5, "認定番号 S100（指導医、認定開始日 2018年4月1日）が2行目と重複しています。")),
                report.rejected());
    }
}
