package jp.nintei.domain.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.nintei.domain.Facility;
import jp.nintei.domain.Supervisor;
import jp.nintei.domain.application.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/domain.md "Secondary application" → 2. 臨床研修修了証明書 and "7月実績見込み"; manual 【2.臨床研修修了証明書①②】
 * (the split of a training period when the supervisor's qualification changed).
 */
class TrainingRulesTest {
    private static final int YEAR = 2025;
    private static final String DOC = "doc-0001";

    /** A facility whose 認定期間 covers everything the tests use. */
    private static final Facility FAC = new Facility("F001", "札幌市立病院", "さっぽろしりつびょういん",
            Facility.CORE, d("2010-04-01"), d("2030-03-31"));
    /** A supervisor whose 認定期間 covers everything the tests use. */
    private static final Supervisor SUZUKI = new Supervisor("S200", "鈴木 一郎", "すずき いちろう",
            Supervisor.INSTRUCTOR, d("2010-04-01"), d("2030-03-31"));
    /** The manual's example: 専門医認定 ～2024/3/31, 指導医認定 2024/4/1～. */
    private static final Supervisor SATO_SPEC = new Supervisor("S100", "佐藤 健一", "さとう けんいち",
            Supervisor.SPECIALIST, d("2019-04-01"), d("2024-03-31"));
    private static final Supervisor SATO_INSTR = new Supervisor("S100", "佐藤 健一", "さとう けんいち",
            Supervisor.INSTRUCTOR, d("2024-04-01"), d("2029-03-31"));
    private static final Map<String, List<Supervisor>> ROWS = Map.of(
            "S100", List.of(SATO_SPEC, SATO_INSTR),
            "S200", List.of(SUZUKI));

    private static final String SPLIT_MESSAGE = "証明書1：研修期間中に指導者「佐藤 健一」の認定資格が変わっています"
            + "（専門医：～2024年3月31日、指導医：2024年4月1日～）。証明書の入力欄を分けて登録してください："
            + "①2023年4月～2024年3月（専門医）②2024年4月～2025年3月（指導医）。臨床研修修了証明書は1枚で問題ございません。";

    // --- fixtures

    private static LocalDate d(String iso) { return iso == null ? null : LocalDate.parse(iso); }

    private static YearMonth ym(String s) { return s == null ? null : YearMonth.parse(s); }

    private static TrainingEntry entry(String from, String to, Supervisor sup) {
        return new TrainingEntry(TrainingEntry.CORE, FAC, ym(from), ym(to), sup, DOC);
    }

    private static TrainingEntry entry(String from, String to) { return entry(from, to, SUZUKI); }

    private static List<Problem> check(boolean julyTicked, TrainingEntry... entries) {
        return TrainingRules.check(Arrays.asList(entries), ROWS, YEAR, julyTicked);
    }

    private static List<Problem> check(TrainingEntry... entries) { return check(false, entries); }

    private static List<String> codes(List<Problem> p) { return p.stream().map(Problem::code).toList(); }

    private static List<String> fields(List<Problem> p) { return p.stream().map(Problem::field).toList(); }

    private static Supervisor sup(String validFrom, String validTo) {
        return new Supervisor("S300", "田中 花子", "たなか はなこ", Supervisor.INSTRUCTOR, d(validFrom), d(validTo));
    }

    // --- the whole section

    @Test
    void completeSingleEntryHasNoProblems() {
        assertEquals(List.of(), check(entry("2023-04", "2025-03")));
    }

    @Test
    void noEntryAtAll() {
        Problem expected = new Problem("ENTRY_REQUIRED", "entries", "臨床研修修了証明書を1件以上登録してください。");
        assertEquals(List.of(expected), TrainingRules.check(List.of(), ROWS, YEAR, false));
        assertEquals(List.of(expected), TrainingRules.check(null, ROWS, YEAR, true));
    }

    // --- required fields, one at a time

    static Stream<Arguments> missingFields() {
        TrainingEntry ok = entry("2023-04", "2025-03");
        return Stream.of(
                Arguments.of("category null", withCategory(ok, null), List.of("CATEGORY_REQUIRED"), List.of("entries[0].category")),
                Arguments.of("category blank", withCategory(ok, " "), List.of("CATEGORY_REQUIRED"), List.of("entries[0].category")),
                Arguments.of("category unknown", withCategory(ok, "基幹施設"), List.of("CATEGORY_REQUIRED"), List.of("entries[0].category")),
                Arguments.of("facility", new TrainingEntry(TrainingEntry.CORE, null, ok.from(), ok.to(), SUZUKI, DOC),
                        List.of("FACILITY_REQUIRED"), List.of("entries[0].facility")),
                Arguments.of("from", new TrainingEntry(TrainingEntry.CORE, FAC, null, ok.to(), SUZUKI, DOC),
                        List.of("PERIOD_REQUIRED", "TOO_SHORT"), List.of("entries[0].period", "entries")),
                Arguments.of("to", new TrainingEntry(TrainingEntry.CORE, FAC, ok.from(), null, SUZUKI, DOC),
                        List.of("PERIOD_REQUIRED", "TOO_SHORT"), List.of("entries[0].period", "entries")),
                Arguments.of("supervisor", new TrainingEntry(TrainingEntry.CORE, FAC, ok.from(), ok.to(), null, DOC),
                        List.of("SUPERVISOR_REQUIRED"), List.of("entries[0].supervisor")),
                Arguments.of("certificate null", new TrainingEntry(TrainingEntry.CORE, FAC, ok.from(), ok.to(), SUZUKI, null),
                        List.of("CERTIFICATE_REQUIRED"), List.of("entries[0].certificateDocumentId")),
                Arguments.of("certificate blank", new TrainingEntry(TrainingEntry.CORE, FAC, ok.from(), ok.to(), SUZUKI, "  "),
                        List.of("CERTIFICATE_REQUIRED"), List.of("entries[0].certificateDocumentId")),
                Arguments.of("reversed", entry("2025-03", "2023-04"),
                        List.of("PERIOD_REVERSED", "TOO_SHORT"), List.of("entries[0].period", "entries")));
    }

    private static TrainingEntry withCategory(TrainingEntry e, String category) {
        return new TrainingEntry(category, e.facility(), e.from(), e.to(), e.supervisor(), e.certificateDocumentId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void missingFields(String name, TrainingEntry e, List<String> expectedCodes, List<String> expectedFields) {
        List<Problem> p = check(e);
        assertEquals(expectedCodes, codes(p));
        assertEquals(expectedFields, fields(p));
    }

    @Test
    void missingFieldMessagesNameTheEntryAsThePageDoes() {
        List<Problem> p = check(entry("2023-04", "2025-03"), new TrainingEntry(null, null, null, null, null, null));
        assertEquals(List.of(
                new Problem("CATEGORY_REQUIRED", "entries[1].category", "証明書2：研修区分を選んでください。"),
                new Problem("FACILITY_REQUIRED", "entries[1].facility", "証明書2：施設名称を検索して選んでください。"),
                new Problem("PERIOD_REQUIRED", "entries[1].period", "証明書2：研修期間（開始月と終了月）を選んでください。"),
                new Problem("SUPERVISOR_REQUIRED", "entries[1].supervisor", "証明書2：指導者を検索して選んでください。"),
                new Problem("CERTIFICATE_REQUIRED", "entries[1].certificateDocumentId",
                        "証明書2：臨床研修修了証明書（PDF）をアップロードしてください。")), p);
    }

    @Test
    void aNullEntryInTheListIsReportedAsEmpty() {
        List<TrainingEntry> entries = new ArrayList<>();
        entries.add(null);
        assertEquals(List.of("CATEGORY_REQUIRED", "FACILITY_REQUIRED", "PERIOD_REQUIRED", "SUPERVISOR_REQUIRED",
                "CERTIFICATE_REQUIRED", "TOO_SHORT"), codes(TrainingRules.check(entries, ROWS, YEAR, false)));
    }

    @Test
    void reversedPeriodMessage() {
        assertEquals(new Problem("PERIOD_REVERSED", "entries[0].period",
                        "証明書1：研修期間の開始月（2025年3月）が終了月（2023年4月）より後になっています。"),
                check(entry("2025-03", "2023-04")).get(0));
    }

    // --- the facility row

    @ParameterizedTest(name = "facility {0}..{1}, training {2}..{3} -> {4}")
    @CsvSource({
            "2018-04-01, 2023-03-31, 2021-04, 2023-03, ''",
            "2018-04-01, 2023-03-31, 2021-05, 2023-04, OUTSIDE_FACILITY_PERIOD",
            "2021-04-01, 2030-03-31, 2021-04, 2023-03, ''",
            "2021-04-01, 2030-03-31, 2021-03, 2023-02, OUTSIDE_FACILITY_PERIOD",
            "2021-04-02, 2030-03-31, 2021-04, 2023-03, OUTSIDE_FACILITY_PERIOD",
            "2018-04-01, 2023-03-30, 2021-04, 2023-03, OUTSIDE_FACILITY_PERIOD",
            "2018-04-01,           , 2023-04, 2025-03, ''",
    })
    void facilityPeriodMonthEdges(String validFrom, String validTo, String from, String to, String expected) {
        Facility fac = new Facility("F002", "札幌市立病院", "さっぽろしりつびょういん", Facility.CORE, d(validFrom), d(validTo));
        List<Problem> p = check(new TrainingEntry(TrainingEntry.CORE, fac, ym(from), ym(to), SUZUKI, DOC));
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), codes(p));
    }

    @Test
    void outsideFacilityPeriodMessage() {
        Facility fac = new Facility("F002", "札幌市立病院", "さっぽろしりつびょういん", Facility.CORE,
                d("2018-04-01"), d("2023-03-31"));
        assertEquals(List.of(new Problem("OUTSIDE_FACILITY_PERIOD", "entries[0].facility",
                        "証明書1：研修期間が施設「札幌市立病院」の認定期間（2018年4月1日～2023年3月31日）の外にあります。"
                                + "該当する期間の施設を選んでください。")),
                check(new TrainingEntry(TrainingEntry.CORE, fac, ym("2021-05"), ym("2023-04"), SUZUKI, DOC)));
    }

    @Test
    void categoryMustMatchTheFacilityRowsType() {
        TrainingEntry e = new TrainingEntry(TrainingEntry.AFFILIATED, FAC, ym("2023-04"), ym("2025-03"), SUZUKI, DOC);
        assertEquals(List.of(new Problem("CATEGORY_MISMATCH", "entries[0].category",
                "証明書1：研修区分「連携施設（新制度）」が施設「札幌市立病院」の認定種別「基幹施設（新制度）」と一致しません。"
                        + "研修区分を合わせるか、該当する認定種別の施設を選んでください。")), check(e));
    }

    // --- the supervisor row

    @ParameterizedTest(name = "supervisor {0}..{1}, training {2}..{3} -> {4}")
    @CsvSource({
            "2021-04-01, 2023-03-31, 2021-04, 2023-03, ''",
            "2021-04-01, 2023-03-31, 2021-04, 2023-04, OUTSIDE_SUPERVISOR_PERIOD",
            "2021-04-01, 2023-03-31, 2021-03, 2023-03, OUTSIDE_SUPERVISOR_PERIOD",
            "2021-04-02, 2023-03-31, 2021-04, 2023-03, OUTSIDE_SUPERVISOR_PERIOD",
            "2021-04-01, 2023-03-30, 2021-04, 2023-03, OUTSIDE_SUPERVISOR_PERIOD",
            "2021-03-31, 2023-04-01, 2021-04, 2023-03, ''",
            "          , 2023-03-31, 2021-04, 2023-03, ''",
            "2021-04-01,           , 2021-04, 2023-03, ''",
    })
    void supervisorPeriodMonthEdges(String validFrom, String validTo, String from, String to, String expected) {
        List<Problem> p = check(entry(from, to, sup(validFrom, validTo)));
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), codes(p));
    }

    @Test
    void outsideSupervisorPeriodMessage() {
        assertEquals(List.of(new Problem("OUTSIDE_SUPERVISOR_PERIOD", "entries[0].supervisor",
                        "証明書1：研修期間が指導者「田中 花子」の認定期間（指導医：2021年4月1日～2023年3月31日）の外にあります。"
                                + "該当する期間の指導者を選んでください。")),
                check(entry("2021-04", "2023-04", sup("2021-04-01", "2023-03-31"))));
    }

    // --- the manual's split example

    @Test
    void manualsExampleAsksForTheSplit() {
        assertEquals(List.of(new Problem("SUPERVISOR_QUALIFICATION_CHANGED", "entries[0].supervisor", SPLIT_MESSAGE)),
                check(entry("2023-04", "2025-03", SATO_SPEC)));
    }

    @Test
    void choosingTheLaterRowForTheWholePeriodAsksForTheSameSplit() {
        assertEquals(List.of(new Problem("SUPERVISOR_QUALIFICATION_CHANGED", "entries[0].supervisor", SPLIT_MESSAGE)),
                check(entry("2023-04", "2025-03", SATO_INSTR)));
    }

    @Test
    void proposeSplitGivesExactlyTheManualsTwoEntries() {
        TrainingEntry e = new TrainingEntry(TrainingEntry.CORE, FAC, ym("2023-04"), ym("2025-03"), SATO_SPEC, DOC);
        assertEquals(List.of(
                        new TrainingEntry(TrainingEntry.CORE, FAC, ym("2023-04"), ym("2024-03"), SATO_SPEC, DOC),
                        new TrainingEntry(TrainingEntry.CORE, FAC, ym("2024-04"), ym("2025-03"), SATO_INSTR, DOC)),
                TrainingRules.proposeSplit(e, List.of(SATO_INSTR, SATO_SPEC)));
    }

    @Test
    void proposeSplitSkipsRowsOutsideThePeriod() {
        Supervisor before = new Supervisor("S100", "佐藤 健一", "さとう けんいち", Supervisor.PROVISIONAL_INSTRUCTOR,
                d("2012-04-01"), d("2018-03-31"));
        TrainingEntry e = new TrainingEntry(TrainingEntry.CORE, FAC, ym("2023-04"), ym("2025-03"), SATO_SPEC, DOC);
        assertEquals(List.of(
                        new TrainingEntry(TrainingEntry.CORE, FAC, ym("2023-04"), ym("2024-03"), SATO_SPEC, DOC),
                        new TrainingEntry(TrainingEntry.CORE, FAC, ym("2024-04"), ym("2025-03"), SATO_INSTR, DOC)),
                TrainingRules.proposeSplit(e, List.of(SATO_INSTR, before, SATO_SPEC)));
    }

    @Test
    void theProposedSplitSharingOneCertificateIsComplete() {
        List<TrainingEntry> split = TrainingRules.proposeSplit(entry("2023-04", "2025-03", SATO_SPEC), ROWS.get("S100"));
        assertEquals(2, split.size());
        assertEquals(List.of(), TrainingRules.check(split, ROWS, YEAR, false));
    }

    @Test
    void withoutTheSupervisorsOtherRowsItIsJustOutside() {
        assertEquals(List.of("OUTSIDE_SUPERVISOR_PERIOD"),
                codes(TrainingRules.check(List.of(entry("2023-04", "2025-03", SATO_SPEC)), null, YEAR, false)));
        assertEquals(List.of("OUTSIDE_SUPERVISOR_PERIOD"),
                codes(TrainingRules.check(List.of(entry("2023-04", "2025-03", SATO_SPEC)), Map.of(), YEAR, false)));
    }

    @Test
    void aContinuingRowOfAnotherSupervisorDoesNotCount() {
        Supervisor other = new Supervisor("S999", "佐藤 健一", "さとう けんいち", Supervisor.INSTRUCTOR,
                d("2024-04-01"), d("2029-03-31"));
        assertEquals(List.of("OUTSIDE_SUPERVISOR_PERIOD"), codes(TrainingRules.check(
                List.of(entry("2023-04", "2025-03", SATO_SPEC)), Map.of("S100", List.of(SATO_SPEC, other)), YEAR, false)));
        assertEquals(List.of(new TrainingEntry(TrainingEntry.CORE, FAC, ym("2023-04"), ym("2024-03"), SATO_SPEC, DOC)),
                TrainingRules.proposeSplit(entry("2023-04", "2025-03", SATO_SPEC), List.of(SATO_SPEC, other)));
    }

    @ParameterizedTest(name = "next row from {0} -> {1}")
    @CsvSource({
            "2024-04-01, SUPERVISOR_QUALIFICATION_CHANGED",
            "2024-05-01, OUTSIDE_SUPERVISOR_PERIOD",  // a month (2024/4) without qualification
            "2024-04-02, OUTSIDE_SUPERVISOR_PERIOD",  // 2024/4 is not wholly inside either row
    })
    void theNextRowMustContinueTheChosenOne(String nextFrom, String expected) {
        Supervisor next = new Supervisor("S100", "佐藤 健一", "さとう けんいち", Supervisor.INSTRUCTOR, d(nextFrom),
                d("2029-03-31"));
        assertEquals(List.of(expected), codes(TrainingRules.check(List.of(entry("2023-04", "2025-03", SATO_SPEC)),
                Map.of("S100", List.of(SATO_SPEC, next)), YEAR, false)));
    }

    @Test
    void sameQualificationRenewedSaysThePeriodChanged() {
        Supervisor renewed = new Supervisor("S100", "佐藤 健一", "さとう けんいち", Supervisor.SPECIALIST,
                d("2024-04-01"), d("2029-03-31"));
        assertEquals(List.of(new Problem("SUPERVISOR_QUALIFICATION_CHANGED", "entries[0].supervisor",
                        "証明書1：研修期間中に指導者「佐藤 健一」の認定期間が変わっています（専門医：～2024年3月31日、専門医：2024年4月1日～）。"
                                + "証明書の入力欄を分けて登録してください：①2023年4月～2024年3月（専門医）②2024年4月～2025年3月（専門医）。"
                                + "臨床研修修了証明書は1枚で問題ございません。")),
                TrainingRules.check(List.of(entry("2023-04", "2025-03", SATO_SPEC)),
                        Map.of("S100", List.of(SATO_SPEC, renewed)), YEAR, false));
    }

    @Test
    void threeRowsGiveThreePieces() {
        Supervisor a = new Supervisor("S100", "佐藤 健一", "", Supervisor.CERTIFIED_WITH_TRAINER, d("2020-04-01"), d("2023-09-30"));
        Supervisor b = new Supervisor("S100", "佐藤 健一", "", Supervisor.SPECIALIST, d("2023-10-01"), d("2024-03-31"));
        Supervisor c = new Supervisor("S100", "佐藤 健一", "", Supervisor.INSTRUCTOR, d("2024-04-01"), null);
        TrainingEntry e = entry("2023-04", "2025-03", a);
        assertEquals(List.of(
                        new TrainingEntry(TrainingEntry.CORE, FAC, ym("2023-04"), ym("2023-09"), a, DOC),
                        new TrainingEntry(TrainingEntry.CORE, FAC, ym("2023-10"), ym("2024-03"), b, DOC),
                        new TrainingEntry(TrainingEntry.CORE, FAC, ym("2024-04"), ym("2025-03"), c, DOC)),
                TrainingRules.proposeSplit(e, List.of(c, a, b)));
        assertEquals(List.of(new Problem("SUPERVISOR_QUALIFICATION_CHANGED", "entries[0].supervisor",
                        "証明書1：研修期間中に指導者「佐藤 健一」の認定資格が変わっています（研修指導者資格を有する認定医：～2023年9月30日、"
                                + "専門医：2023年10月1日～2024年3月31日、指導医：2024年4月1日～）。証明書の入力欄を分けて登録してください："
                                + "①2023年4月～2023年9月（研修指導者資格を有する認定医）②2023年10月～2024年3月（専門医）"
                                + "③2024年4月～2025年3月（指導医）。臨床研修修了証明書は1枚で問題ございません。")),
                TrainingRules.check(List.of(e), Map.of("S100", List.of(a, b, c)), YEAR, false));
    }

    @Test
    void proposeSplitOfAnIncompletePeriodIsEmpty() {
        assertEquals(List.of(), TrainingRules.proposeSplit(entry(null, "2025-03", SATO_SPEC), ROWS.get("S100")));
        assertEquals(List.of(), TrainingRules.proposeSplit(entry("2025-03", "2023-04", SATO_SPEC), ROWS.get("S100")));
    }

    // --- overlap

    @Test
    void contiguousEntriesDoNotOverlap() {
        assertEquals(List.of(), check(entry("2023-04", "2024-03"), entry("2024-04", "2025-03")));
    }

    @Test
    void sharingOneMonthOverlaps() {
        assertEquals(List.of(new Problem("OVERLAP", "entries[1].period", "証明書2：研修期間が証明書1と重なっています。")),
                check(entry("2023-04", "2024-03"), entry("2024-03", "2025-03")));
    }

    @Test
    void overlapIsReportedOnTheLaterEntryWhateverTheDates() {
        assertEquals(List.of(new Problem("OVERLAP", "entries[1].period", "証明書2：研修期間が証明書1と重なっています。")),
                check(entry("2024-04", "2025-03"), entry("2023-04", "2024-04")));
    }

    @Test
    void overlapNamesEveryEarlierEntry() {
        List<Problem> p = check(entry("2023-04", "2024-03"), entry("2024-04", "2025-03"), entry("2024-01", "2024-06"));
        assertEquals(List.of(new Problem("OVERLAP", "entries[2].period", "証明書3：研修期間が証明書1、証明書2と重なっています。")), p);
    }

    // --- June / July

    @ParameterizedTest(name = "ends {0}, ticked {1} -> {2}")
    @CsvSource({
            "2025-06, false, ''",
            "2025-06, true,  ''",
            "2025-07, true,  ''",
            "2025-07, false, AFTER_JUNE",
            "2025-08, false, AFTER_JUNE",
            "2025-08, true,  AFTER_JULY",
    })
    void lastMonthJuneOrJuly(String to, boolean ticked, String expected) {
        String from = YearMonth.parse(to).minusMonths(23).toString();
        List<Problem> p = check(ticked, entry(from, to));
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), codes(p));
        if (!expected.isEmpty()) assertEquals(List.of("entries[0].period"), fields(p));
    }

    @Test
    void endingInJulyWithoutTheBoxSaysToTickIt() {
        assertEquals(List.of(new Problem("AFTER_JUNE", "entries[0].period",
                        "証明書1：研修期間は2025年6月までで選択してください。7月の実績見込みを含める場合は、"
                                + "「本申請に7月時点の見込み実績を含むものをご選択ください。」欄の「臨床研修修了証明書」にチェックを入れてください。")),
                check(false, entry("2023-08", "2025-07")));
    }

    @Test
    void afterJulyMessages() {
        assertEquals(List.of(new Problem("AFTER_JULY", "entries[0].period", "証明書1：研修期間は2025年7月までで選択してください。")),
                check(true, entry("2023-09", "2025-08")));
        assertEquals(List.of(new Problem("AFTER_JUNE", "entries[0].period",
                        "証明書1：研修期間は2025年6月まで（7月実績見込みの場合は7月まで）で選択してください。")),
                check(false, entry("2023-09", "2025-08")));
    }

    // --- 2年間

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void totalMonthsAndTooShort(String name, List<TrainingEntry> entries, int months, boolean tooShort) {
        assertEquals(months, TrainingRules.totalMonths(entries));
        List<Problem> p = TrainingRules.check(entries, ROWS, YEAR, false);
        List<Problem> short_ = p.stream().filter(x -> x.code().equals("TOO_SHORT")).toList();
        assertEquals(tooShort ? List.of(new Problem("TOO_SHORT", "entries",
                "研修期間の合計が" + months + "か月です。2年間（24か月）以上必要です。")) : List.of(), short_);
    }

    static Stream<Arguments> totalMonthsAndTooShort() {
        return Stream.of(
                Arguments.of("one entry, 23 months", List.of(entry("2023-05", "2025-03")), 23, true),
                Arguments.of("one entry, 24 months", List.of(entry("2023-04", "2025-03")), 24, false),
                Arguments.of("12 + 11 contiguous", List.of(entry("2023-04", "2024-03"), entry("2024-04", "2025-02")), 23, true),
                Arguments.of("12 + 12 contiguous", List.of(entry("2023-04", "2024-03"), entry("2024-04", "2025-03")), 24, false),
                Arguments.of("12 + 12 with a gap", List.of(entry("2022-04", "2023-03"), entry("2024-04", "2025-03")), 24, false),
                Arguments.of("13 + 12 sharing one month counts it once",
                        List.of(entry("2023-03", "2024-03"), entry("2024-03", "2025-02")), 24, false),
                Arguments.of("an entry inside another counts nothing more",
                        List.of(entry("2023-05", "2025-03"), entry("2024-01", "2024-06")), 23, true),
                Arguments.of("incomplete and reversed entries count nothing",
                        List.of(entry("2023-05", "2025-03"), entry(null, "2025-03"), entry("2025-03", "2023-01")), 23, true));
    }

    @Test
    void totalMonthsOfNothing() {
        assertEquals(0, TrainingRules.totalMonths(null));
        assertEquals(0, TrainingRules.totalMonths(List.of()));
    }

    // --- one certificate for several entries

    @Test
    void severalEntriesMayShareOneCertificate() {
        assertEquals(List.of(), check(entry("2022-04", "2023-03"), entry("2023-04", "2023-12"), entry("2024-01", "2024-03")));
    }

    @Test
    void categoriesAreTheThreeOfThePage() {
        assertEquals(List.of("基幹施設（新制度）", "連携施設（新制度）", "認定研修施設"), TrainingEntry.CATEGORIES);
    }
}
