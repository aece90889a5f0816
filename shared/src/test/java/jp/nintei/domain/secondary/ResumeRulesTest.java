package jp.nintei.domain.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.nintei.domain.application.Problem;
import jp.nintei.domain.secondary.Resume.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/domain.md "Secondary application" → 1 申請書・履歴書; manual 【1.申請書・履歴書】. */
class ResumeRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);
    private static final Row BLANK = new Row("", "");

    private static Row row(String date, String text) { return new Row(date, text); }

    private static List<Row> rows(Row... rows) { return Arrays.asList(rows); }

    private static final List<Row> EDUCATION = rows(row("2010-04-01", "〇〇大学 医学部 入学"), row("2016-03-31", "〇〇大学 医学部 卒業"));
    private static final List<Row> CAREER = rows(row("2016-04-01", "〇〇病院 初期研修"), row("2018-04-01", "〇〇病院 緩和ケア科"));
    private static final List<Row> QUALIFICATIONS = rows(row("2016-04-20", "医師免許取得"));

    private static Resume complete() { return new Resume(EDUCATION, CAREER, QUALIFICATIONS, 8); }

    private static Resume education(Row... rows) { return new Resume(rows(rows), CAREER, QUALIFICATIONS, 8); }

    /** The problems {@code normalize} appends for {@code resume}. */
    private static List<Problem> problemsOf(Resume resume) {
        List<Problem> problems = new ArrayList<>();
        ResumeRules.normalize(resume, TODAY, problems);
        return problems;
    }

    private static Resume normalized(Resume typed) {
        List<Problem> problems = new ArrayList<>();
        Resume out = ResumeRules.normalize(typed, TODAY, problems).resume();
        assertEquals(List.of(), problems, "the fixture is meant to be valid");
        return out;
    }

    private static Resume resumeWithList(String list, List<Row> rows) {
        return switch (list) {
            case "education" -> new Resume(rows, CAREER, QUALIFICATIONS, 8);
            case "career" -> new Resume(EDUCATION, rows, QUALIFICATIONS, 8);
            case "qualifications" -> new Resume(EDUCATION, CAREER, rows, 8);
            default -> throw new IllegalArgumentException(list);
        };
    }

    private static List<Row> listOf(Resume r, String list) {
        return switch (list) {
            case "education" -> r.education();
            case "career" -> r.career();
            case "qualifications" -> r.qualifications();
            default -> throw new IllegalArgumentException(list);
        };
    }

    // --- normalize: values

    @Test
    void validResumeHasNoProblemsAndKeepsItsRows() {
        Resume out = normalized(complete());
        assertEquals(EDUCATION, out.education());
        assertEquals(CAREER, out.career());
        assertEquals(List.of(row("2016-04-20", "医師免許取得"), BLANK), out.qualifications(), "padded to two rows");
        assertEquals(8, out.experienceYears());
    }

    @Test
    void textsAreKeptAsTypedOnlyTrimmedAndDatesBecomeIso() {
        Resume typed = new Resume(
                rows(row(" ２０１０／４／１ ", "\u3000ＡＢＣ大学\u3000医学部　入学 "), row("平成28年3月31日", "ABC大学 医学部 卒業")),
                rows(row("H28.4.1", "ｶﾝﾜ病院 初期研修"), row("2018.4.1", "緩和ケア科")),
                rows(row("２０１６年４月２０日", "医師免許取得（第１２３４５６号）")),
                5);
        Resume out = normalized(typed);
        // docs/domain.md "Text as people type it": free text is never NFKC-normalised, only trimmed
        assertEquals(List.of(row("2010-04-01", "ＡＢＣ大学\u3000医学部　入学"), row("2016-03-31", "ABC大学 医学部 卒業")), out.education());
        assertEquals(List.of(row("2016-04-01", "ｶﾝﾜ病院 初期研修"), row("2018-04-01", "緩和ケア科")), out.career());
        assertEquals(List.of(row("2016-04-20", "医師免許取得（第１２３４５６号）"), BLANK), out.qualifications());
        assertEquals(5, out.experienceYears());
    }

    @Test
    void emptyAndNullListsArePaddedToTwoBlankRows() {
        List<Problem> problems = new ArrayList<>();
        Resume out = ResumeRules.normalize(new Resume(List.of(), null, rows(), null), TODAY, problems).resume();
        assertEquals(List.of(BLANK, BLANK), out.education());
        assertEquals(List.of(BLANK, BLANK), out.career());
        assertEquals(List.of(BLANK, BLANK), out.qualifications());
        assertEquals(null, out.experienceYears());
        assertEquals(List.of(), problems, "a blank draft has no row problems; missing() says what is required");
    }

    @Test
    void oneRowIsPaddedAndThreeRowsStayThree() {
        Resume out = normalized(new Resume(
                rows(row("2010-04-01", "入学")),
                rows(row("2016-04-01", "a"), row("2017-04-01", "b"), row("2018-04-01", "c")),
                rows(row("2016-04-20", "医師免許")), 6));
        assertEquals(List.of(row("2010-04-01", "入学"), BLANK), out.education());
        assertEquals(3, out.career().size());
        assertEquals(row("2018-04-01", "c"), out.career().get(2));
    }

    @Test
    void blankRowsAreDroppedWhereverTheyAre() {
        Resume out = normalized(education(BLANK, row("2010-04-01", "入学"), row(" ", "\u3000"), row(null, null),
                row("2016-03-31", "卒業"), null, BLANK));
        assertEquals(List.of(row("2010-04-01", "入学"), row("2016-03-31", "卒業")), out.education());
    }

    @Test
    void onlyBlankRowsBecomeTwoBlankRows() {
        Resume out = normalized(education(BLANK, row("\u3000", " "), BLANK, BLANK, BLANK));
        assertEquals(List.of(BLANK, BLANK), out.education());
    }

    @Test
    void problemsAreAppendedNotReplaced() {
        List<Problem> problems = new ArrayList<>(List.of(new Problem("X", "x", "earlier")));
        ResumeRules.normalize(education(row("2010-02-30", "入学")), TODAY, problems);
        assertEquals(List.of("X", "BAD_DATE"), problems.stream().map(Problem::code).toList());
    }

    @Test
    void typedResumeIsNotChanged() {
        Resume typed = education(row(" 2010/4/1 ", " 入学 "), BLANK);
        ResumeRules.normalize(typed, TODAY, new ArrayList<>());
        assertEquals(List.of(row(" 2010/4/1 ", " 入学 "), BLANK), typed.education());
    }

    @Test
    void resumeListsAreUnmodifiable() {
        Resume r = complete();
        assertThrows(UnsupportedOperationException.class, () -> r.education().add(BLANK));
        List<Row> source = new ArrayList<>(EDUCATION);
        Resume copy = new Resume(source, null, null, null);
        source.clear();
        assertEquals(EDUCATION, copy.education(), "a defensive copy");
    }

    // --- normalize: problems

    @Test
    void badDateKeepsWhatWasTypedAndNamesTheRow() {
        List<Problem> problems = new ArrayList<>();
        Resume out = ResumeRules.normalize(education(row("2010-04-01", "入学"), row("２０１０－０２－３０", "卒業")), TODAY, problems)
                .resume();
        assertEquals(List.of(new Problem("BAD_DATE", "education[1].date",
                "学歴の2行目：年月日を「2010-04-01」の形式で入力してください。")), problems);
        assertEquals(row("2010-02-30", "卒業"), out.education().get(1), "normalised typed text is shown back");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "education,      学歴,               education[0].date, 学歴の1行目",
            "career,         職歴,               career[0].date,    職歴の1行目",
            "qualifications, その他の資格・免許, qualifications[0].date, その他の資格・免許の1行目",
    })
    void badDateInEachList(String list, String label, String field, String where) {
        List<Problem> problems = problemsOf(resumeWithList(list, rows(row("10/4/1", "x"))));
        assertEquals(List.of(new Problem("BAD_DATE", field, where + "：年月日を「2010-04-01」の形式で入力してください。")),
                problems);
    }

    @Test
    void futureDate() {
        List<Problem> problems = problemsOf(new Resume(EDUCATION,
                rows(row("2016-04-01", "初期研修"), row("2026-06-11", "〇〇病院 着任予定")), QUALIFICATIONS, 8));
        assertEquals(List.of(new Problem("FUTURE_DATE", "career[1].date",
                "職歴の2行目：年月日（2026年6月11日）が未来の日付です。本日までの日付を入力してください。")), problems);
    }

    @Test
    void todayIsNotInTheFuture() {
        assertEquals(List.of(), problemsOf(new Resume(EDUCATION, rows(row("2016-04-01", "a"), row("2026-06-10", "b")),
                QUALIFICATIONS, 8)));
    }

    @Test
    void futureDateIsStillStoredAsIso() {
        Resume out = ResumeRules.normalize(education(row("R9.4.1", "入学")), TODAY, new ArrayList<>()).resume();
        assertEquals("2027-04-01", out.education().get(0).date());
    }

    @Test
    void textWithoutDate() {
        List<Problem> problems = problemsOf(new Resume(EDUCATION, CAREER, rows(row("", "医師免許取得")), 8));
        assertEquals(List.of(new Problem("DATE_REQUIRED", "qualifications[0].date",
                "その他の資格・免許の1行目：年月日を入力してください。")), problems);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "education,      education[1].text,      学歴の2行目：学歴を入力してください。",
            "career,         career[1].text,         職歴の2行目：職歴を入力してください。",
            "qualifications, qualifications[1].text, その他の資格・免許の2行目：その他の資格・免許を入力してください。",
    })
    void dateWithoutText(String list, String field, String message) {
        List<Problem> problems = problemsOf(resumeWithList(list, rows(row("2000-01-01", "x"), row("2020-04-01", "\u3000"))));
        assertEquals(List.of(new Problem("TEXT_REQUIRED", field, message)), problems);
    }

    @Test
    void badDateWithoutTextGivesBoth() {
        List<Problem> problems = problemsOf(education(row("2010-04-01", "入学"), row("2010-4-", "")));
        assertEquals(List.of(
                new Problem("BAD_DATE", "education[1].date", "学歴の2行目：年月日を「2010-04-01」の形式で入力してください。"),
                new Problem("TEXT_REQUIRED", "education[1].text", "学歴の2行目：学歴を入力してください。")), problems);
    }

    @Test
    void dateBeforeThePreviousRow() {
        List<Problem> problems = problemsOf(education(row("2010-04-01", "入学"), row("2016-03-31", "卒業"),
                row("2015-04-01", "大学院 入学")));
        assertEquals(List.of(new Problem("ORDER", "education[2].date",
                "学歴の3行目：年月日が2行目より前です。大学入学から暦年順に記入してください。")), problems);
    }

    @Test
    void equalDatesAreInOrder() {
        assertEquals(List.of(), problemsOf(education(row("2016-03-31", "卒業"), row("2016-03-31", "学位取得"),
                row("平成28年3月31日", "同日"))));
    }

    @Test
    void orderIsCheckedAgainstTheNearestReadableDate() {
        List<Problem> problems = problemsOf(education(row("2016-03-31", "卒業"), row("2010-02-30", "?"),
                row("2010-04-01", "入学")));
        assertEquals(List.of(
                new Problem("BAD_DATE", "education[1].date", "学歴の2行目：年月日を「2010-04-01」の形式で入力してください。"),
                new Problem("ORDER", "education[2].date", "学歴の3行目：年月日が1行目より前です。大学入学から暦年順に記入してください。")),
                problems);
    }

    @Test
    void orderRowNumbersCountRowsAfterBlankOnesAreDropped() {
        List<Problem> problems = problemsOf(education(BLANK, row("2016-03-31", "卒業"), BLANK, row("2010-04-01", "入学")));
        assertEquals(List.of(new Problem("ORDER", "education[1].date",
                "学歴の2行目：年月日が1行目より前です。大学入学から暦年順に記入してください。")), problems);
    }

    @Test
    void eachDescentIsReportedOnce() {
        List<Problem> problems = problemsOf(education(row("2010-04-01", "a"), row("2016-03-31", "b"),
                row("2012-04-01", "c"), row("2014-04-01", "d"), row("2011-04-01", "e")));
        assertEquals(List.of("education[2].date", "education[4].date"), problems.stream().map(Problem::field).toList());
        assertTrue(problems.stream().allMatch(p -> p.code().equals("ORDER")));
        assertEquals("学歴の5行目：年月日が4行目より前です。大学入学から暦年順に記入してください。", problems.get(1).message());
    }

    @Test
    void orderIsPerList() {
        // career may start before education ended; each list is in order on its own
        assertEquals(List.of(), problemsOf(new Resume(rows(row("2010-04-01", "a"), row("2020-03-31", "b")),
                rows(row("2016-04-01", "c")), rows(row("2000-01-01", "d")), 8)));
        List<Problem> problems = problemsOf(new Resume(EDUCATION, rows(row("2018-04-01", "c"), row("2016-04-01", "d")),
                QUALIFICATIONS, 8));
        assertEquals(List.of(new Problem("ORDER", "career[1].date",
                "職歴の2行目：年月日が1行目より前です。大学入学から暦年順に記入してください。")), problems);
    }

    @Test
    void controlCharactersAndBidiOverridesAreRemovedFromTheText() {
        Resume out = normalized(education(row("2010-04-01", "大\uFA10\u0000医科大学\u202E 入学")));
        assertEquals("大\uFA10医科大学 入学", out.education().get(0).text());
    }

    @Test
    void datesNoApplicantCanHaveAreRefused() {
        for (String typed : List.of("0001-01-01", "1899-04-01", "明治30年4月1日")) {
            List<Problem> problems = problemsOf(education(row(typed, "入学")));
            assertEquals(List.of("DATE_TOO_EARLY"), problems.stream().map(Problem::code).toList(), typed);
            assertEquals("education[0].date", problems.get(0).field());
        }
        assertEquals(List.of(), problemsOf(education(row("1930-04-01", "入学"))));
    }

    @Test
    void textOf200CharactersIsAccepted() {
        assertEquals(List.of(), problemsOf(education(row("2010-04-01", "あ".repeat(200)))));
        assertEquals(List.of(), problemsOf(education(row("2010-04-01", "𠮷".repeat(200)))),
                "a character outside the BMP counts once");
        assertEquals(List.of(), problemsOf(education(row("2010-04-01", " " + "Ａ".repeat(200) + "\u3000"))),
                "counted after NFKC and trimming");
    }

    @Test
    void textOf201CharactersIsTooLong() {
        List<Problem> problems = problemsOf(education(row("2010-04-01", "入学"), row("2016-03-31", "𠮷".repeat(201))));
        assertEquals(List.of(new Problem("TEXT_TOO_LONG", "education[1].text",
                "学歴の2行目：200文字以内で入力してください（現在201文字）。")), problems);
    }

    @Test
    void tooLongTextIsKept() {
        Resume out = ResumeRules.normalize(education(row("2010-04-01", "a".repeat(250))), TODAY, new ArrayList<>()).resume();
        assertEquals("a".repeat(250), out.education().get(0).text());
    }

    @ParameterizedTest(name = "[{index}] {0} years")
    @ValueSource(ints = {-1, -30, 61, 100, Integer.MAX_VALUE})
    void badYears(int years) {
        List<Problem> problems = new ArrayList<>();
        Resume out = ResumeRules.normalize(new Resume(EDUCATION, CAREER, QUALIFICATIONS, years), TODAY, problems).resume();
        assertEquals(List.of(new Problem("BAD_YEARS", "experienceYears",
                "緩和医療の臨床経験の年数（通算）は0～60の整数で入力してください。")), problems);
        assertEquals(years, out.experienceYears(), "kept so the page shows it back");
    }

    @ParameterizedTest(name = "[{index}] {0} years")
    @NullSource
    @ValueSource(ints = {0, 4, 5, 60})
    void acceptableYears(Integer years) {
        List<Problem> problems = new ArrayList<>();
        Resume out = ResumeRules.normalize(new Resume(EDUCATION, CAREER, QUALIFICATIONS, years), TODAY, problems).resume();
        assertEquals(List.of(), problems);
        assertEquals(years, out.experienceYears());
    }

    @Test
    void problemsComeInPageOrder() {
        Resume typed = new Resume(
                rows(row("2016-03-31", "卒業"), row("2010-04-01", "")),
                rows(row("x", "研修")),
                rows(row("", "免許")),
                99);
        List<String> fields = problemsOf(typed).stream().map(p -> p.code() + " " + p.field()).toList();
        assertEquals(List.of("ORDER education[1].date", "TEXT_REQUIRED education[1].text", "BAD_DATE career[0].date",
                "DATE_REQUIRED qualifications[0].date", "BAD_YEARS experienceYears"), fields);
    }

    @Test
    void nullTodayIsRefused() {
        assertThrows(NullPointerException.class, () -> ResumeRules.normalize(complete(), null, new ArrayList<>()));
    }

    // --- missing

    @ParameterizedTest(name = "[{index}] july ticked = {0}")
    @ValueSource(booleans = {false, true})
    void completeResumeHasNothingMissing(boolean july) {
        assertEquals(List.of(), ResumeRules.missing(normalized(complete()), july));
        assertEquals(List.of(), ResumeRules.missing(complete(), july));
    }

    @Test
    void blankDraftNeedsEveryFirstRowAndTheYears() {
        Resume blank = ResumeRules.normalize(new Resume(null, null, null, null), TODAY, new ArrayList<>()).resume();
        assertEquals(List.of(
                new Problem("FIRST_ROW_REQUIRED", "education[0]", "学歴は1行目の入力が必須です。"),
                new Problem("FIRST_ROW_REQUIRED", "career[0]", "職歴は1行目の入力が必須です。"),
                new Problem("FIRST_ROW_REQUIRED", "qualifications[0]", "その他の資格・免許は1行目の入力が必須です。"),
                new Problem("EXPERIENCE_REQUIRED", "experienceYears", "緩和医療の臨床経験の年数（通算）を入力してください。")),
                ResumeRules.missing(blank, false));
    }

    @Test
    void emptyListsWithoutPaddingAreMissingToo() {
        assertEquals(List.of("education[0]", "career[0]", "qualifications[0]"),
                ResumeRules.missing(new Resume(List.of(), List.of(), List.of(), 5), false).stream().map(Problem::field).toList());
    }

    @ParameterizedTest(name = "[{index}] {0} first row ({1}, {2})")
    @CsvSource(nullValues = "NULL", value = {
            "education,      '',         入学",
            "education,      2010-04-01, ''",
            "career,         2010-02-30, 研修",
            "career,         NULL,       NULL",
            "qualifications, 2016-04-20, '\u3000'",
    })
    void incompleteFirstRowIsMissing(String list, String date, String text) {
        Resume r = resumeWithList(list, rows(row(date, text), row("2020-04-01", "2行目")));
        List<Problem> missing = ResumeRules.missing(r, false);
        assertEquals(List.of("FIRST_ROW_REQUIRED"), missing.stream().map(Problem::code).toList());
        assertEquals(list + "[0]", missing.get(0).field());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"education", "career", "qualifications"})
    void secondRowMayStayBlank(String list) {
        Resume r = normalized(resumeWithList(list, rows(row("2000-04-01", "1行目"))));
        assertEquals(List.of(row("2000-04-01", "1行目"), BLANK), listOf(r, list));
        assertEquals(List.of(), ResumeRules.missing(r, false));
    }

    @Test
    void fewerThanFiveYearsWithoutTheJulyBox() {
        Resume r = new Resume(EDUCATION, CAREER, QUALIFICATIONS, 4);
        assertEquals(List.of(new Problem("EXPERIENCE_TOO_SHORT", "experienceYears",
                "緩和医療の臨床経験の年数（通算）は5年以上が必要です。"
                        + "7月の実績見込みを年数に含めることができるのは、トップページの「5年以上の緩和医療の臨床経験」にチェックを入れた場合のみです。")),
                ResumeRules.missing(r, false));
    }

    @Test
    void fewerThanFiveYearsWithTheJulyBox() {
        Resume r = new Resume(EDUCATION, CAREER, QUALIFICATIONS, 4);
        List<Problem> missing = ResumeRules.missing(r, true);
        assertEquals(List.of(new Problem("EXPERIENCE_TOO_SHORT", "experienceYears",
                "緩和医療の臨床経験の年数（通算）は5年以上が必要です。")), missing);
        assertFalse(missing.get(0).message().contains("チェック"), "no advice to tick a box already ticked");
    }

    @ParameterizedTest(name = "[{index}] {0} years, july ticked = {1} → {2}")
    @CsvSource(nullValues = "NONE", value = {
            "0,  false, EXPERIENCE_TOO_SHORT",
            "0,  true,  EXPERIENCE_TOO_SHORT",
            "4,  false, EXPERIENCE_TOO_SHORT",
            "4,  true,  EXPERIENCE_TOO_SHORT",
            "-1, false, EXPERIENCE_TOO_SHORT",
            "5,  false, NONE",
            "5,  true,  NONE",
            "6,  false, NONE",
            "60, true,  NONE",
    })
    void theJulyBoxDoesNotChangeTheThreshold(int years, boolean july, String code) {
        List<String> codes = ResumeRules.missing(new Resume(EDUCATION, CAREER, QUALIFICATIONS, years), july)
                .stream().map(Problem::code).toList();
        assertEquals(code == null ? List.of() : List.of(code), codes);
    }

    @Test
    void nullYearsIsRequiredWhateverTheBox() {
        for (boolean july : new boolean[] {false, true}) {
            assertEquals(List.of(new Problem("EXPERIENCE_REQUIRED", "experienceYears",
                    "緩和医療の臨床経験の年数（通算）を入力してください。")),
                    ResumeRules.missing(new Resume(EDUCATION, CAREER, QUALIFICATIONS, null), july));
        }
    }

    // --- parseYears

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "5             | 5",
            "５            | 5",
            "5年           | 5",
            "５年          | 5",
            "' 5 年 '      | 5",
            "'\u3000５\u3000年\u3000' | 5",
            "05            | 5",
            "0             | 0",
            "12            | 12",
            "６０年         | 60",
            "61            | 61",
            "5.5           | -1",
            "５．５         | -1",
            "五            | -1",
            "五年          | -1",
            "-1            | -1",
            "+5            | -1",
            "5 5           | -1",
            "年            | -1",
            "5ヶ月         | -1",
            "5年6ヶ月       | -1",
            "約5年         | -1",
            "abc           | -1",
            "''            | -1",
            "' '           | -1",
            "1234567890    | -1",
            "\u0665        | -1",
    })
    void parseYears(String typed, int expected) {
        assertEquals(expected, ResumeRules.parseYears(typed));
    }

    @Test
    void parseYearsOfNull() {
        assertEquals(-1, ResumeRules.parseYears(null));
    }
}
