package jp.nintei.domain.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jp.nintei.domain.Facility;
import jp.nintei.domain.Supervisor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryTest {
    private static final int ALL = 1_000;

    private static final LocalDate P1_FROM = LocalDate.of(2018, 4, 1);
    private static final LocalDate P1_TO = LocalDate.of(2023, 3, 31);
    private static final LocalDate P2_FROM = LocalDate.of(2023, 4, 1);
    private static final LocalDate P2_TO = LocalDate.of(2028, 3, 31);

    // ---- fixtures -----------------------------------------------------------------------------

    private static Facility facility(String no, String name, String kana, LocalDate from, LocalDate to) {
        return new Facility(no, name, kana, Facility.CORE, from, to);
    }

    private static Supervisor supervisor(String no, String name, String kana, String qualification,
                                         LocalDate from, LocalDate to) {
        return new Supervisor(no, name, kana, qualification, from, to);
    }

    // F0001 has two rows, given later period first to check that rows come back by validFrom.
    private static final Facility TODAI_2 =
            facility("F0001", "東京大学医学部附属病院", "トウキョウダイガクイガクブフゾクビョウイン", P2_FROM, P2_TO);
    private static final Facility TODAI_1 = new Facility("F0001", "東京大学医学部附属病院",
            "トウキョウダイガクイガクブフゾクビョウイン", Facility.ACCREDITED, P1_FROM, P1_TO);
    private static final Facility JCHO =
            facility("F0002", "JCHO 東京病院", "ジェイシーエイチオー トウキョウビョウイン", P2_FROM, P2_TO);
    private static final Facility OSAKA =
            facility("F0003", "大阪市立総合医療センター", "オオサカシリツソウゴウイリョウセンター", P2_FROM, P2_TO);
    private static final Facility TOHOKU =
            facility("F0004", "東北大学病院", "トウホクダイガクビョウイン", P2_FROM, P2_TO);
    private static final Facility NCC =
            facility("F0005", "国立がん研究センター東病院", "コクリツガンケンキュウセンターヒガシビョウイン", P2_FROM, P2_TO);
    private static final Facility CHUO_7 =
            facility("F0007", "中央病院", "チュウオウビョウイン", P2_FROM, P2_TO);
    private static final Facility CHUO_6 =
            facility("F0006", "中央病院", "ちゅうおうびょういん", P2_FROM, P2_TO); // same reading, hiragana master
    private static final Facility SEIROKA =
            facility("F0010", "聖路加国際病院", "セイルカコクサイビョウイン", P2_FROM, P2_TO);

    private static final Supervisor SATO_K_2 =
            supervisor("S0001", "佐藤 健一", "さとう けんいち", Supervisor.INSTRUCTOR, P2_FROM, P2_TO);
    private static final Supervisor SATO_K_1 =
            supervisor("S0001", "佐藤 健一", "さとう けんいち", Supervisor.PROVISIONAL_INSTRUCTOR, P1_FROM, P1_TO);
    private static final Supervisor SATO_H =
            supervisor("S0002", "佐藤 花子", "サトウ ハナコ", Supervisor.SPECIALIST, P2_FROM, P2_TO);
    private static final Supervisor KATO_K =
            supervisor("S0003", "加藤 健一", "かとう けんいち", Supervisor.INSTRUCTOR, P2_FROM, P2_TO);
    private static final Supervisor ITO_S =
            supervisor("S0004", "伊藤 さとみ", "いとう さとみ", Supervisor.SPECIALIST, P2_FROM, P2_TO);
    private static final Supervisor SAITO =
            supervisor("S0005", "斎藤 一", "さいとう はじめ", Supervisor.CERTIFIED_WITH_TRAINER, P2_FROM, P2_TO);

    private static final List<Facility> FACILITIES =
            List.of(TODAI_2, JCHO, OSAKA, TOHOKU, NCC, CHUO_7, CHUO_6, SEIROKA, TODAI_1);
    private static final List<Supervisor> SUPERVISORS = List.of(SATO_K_2, SATO_H, KATO_K, ITO_S, SAITO, SATO_K_1);

    private final Directory directory = new Directory(FACILITIES, SUPERVISORS);

    private List<Facility> facilities(String query) {
        return directory.searchFacilities(query, ALL);
    }

    private List<Supervisor> supervisors(String query) {
        return directory.searchSupervisors(query, ALL);
    }

    // ---- supervisors: however the name is typed ----------------------------------------------

    @ParameterizedTest(name = "[{index}] \"{0}\" finds 佐藤 健一 only")
    @ValueSource(strings = {"佐藤 健一", "佐藤健一", "佐藤　健一", " 佐藤 健一 ", "さとうけんいち", "さとう けんいち",
            "サトウケンイチ", "サトウ　ケンイチ", "ｻﾄｳｹﾝｲﾁ", "ｻﾄｳ ｹﾝｲﾁ", "さとう　けん", "ｻﾄｳｹ"})
    void supervisorFoundHoweverTyped(String query) {
        assertEquals(List.of(SATO_K_1, SATO_K_2), supervisors(query));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" spans family and given name")
    @ValueSource(strings = {"藤健", "藤 健", "とうけん", "とう　けんい", "ﾄｳｹﾝ"})
    void queryAcrossTheSpaceBetweenFamilyAndGivenName(String query) {
        // inside 佐藤 健一 and 加藤 健一 (かとう < さとう)
        assertEquals(List.of(KATO_K, SATO_K_1, SATO_K_2), supervisors(query));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" finds the two 佐藤")
    @ValueSource(strings = {"サトウ", "ｻﾄｳ", "さとう", "佐藤"})
    void familyNameFindsBothSato(String query) {
        // both start with it; then by kana: さとうけんいち < さとうはなこ (the master's katakana folded too)
        assertEquals(List.of(SATO_K_1, SATO_K_2, SATO_H), supervisors(query));
    }

    @Test
    void kanaPartialMatchesAreOrderedByKana() {
        // contained, never at the start: かとう < さとう
        assertEquals(List.of(KATO_K, SATO_K_1, SATO_K_2), supervisors("けんいち"));
    }

    @Test
    void prefixMatchesComeBeforePartialMatches() {
        // "さと" starts さとう (S0001, S0002) and is inside いとうさとみ (S0004), which sorts first by kana
        assertEquals(List.of(SATO_K_1, SATO_K_2, SATO_H, ITO_S), supervisors("さと"));
        // "とう": inside every one of them, starts none: by kana
        assertEquals(List.of(ITO_S, KATO_K, SAITO, SATO_K_1, SATO_K_2, SATO_H), supervisors("トウ"));
    }

    @Test
    void supervisorNumberExact() {
        assertEquals(List.of(SATO_K_1, SATO_K_2), supervisors("S0001"));
        assertEquals(List.of(SATO_K_1, SATO_K_2), supervisors("ｓ０００１"));
        assertEquals(List.of(SAITO), supervisors("s0005"));
        assertEquals(List.of(), supervisors("S000"), "numbers do not match partially");
    }

    @Test
    void supervisorRowsByValidFrom() {
        assertEquals(List.of(SATO_K_1, SATO_K_2), directory.supervisorRows("S0001"));
        assertEquals(List.of(SATO_K_1, SATO_K_2), directory.supervisorRows("Ｓ０００１"));
        assertEquals(List.of(SATO_H), directory.supervisorRows("S0002"));
        assertEquals(List.of(), directory.supervisorRows("S9999"));
        assertEquals(List.of(), directory.supervisorRows(null));
    }

    // ---- facilities -----------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] \"{0}\" finds JCHO 東京病院")
    @ValueSource(strings = {"JCHO", "jcho", "Jcho", "ＪＣＨＯ", "ｊｃｈｏ", "JCHO 東京", "JCHO東京病院", "ＪＣＨＯ　東京病院",
            "じぇいしー", "ｼﾞｪｲｼｰ", "ジェイシーエイチオートウキョウ"})
    void latinFacilityNameFoundHoweverTyped(String query) {
        assertEquals(List.of(JCHO), facilities(query));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is facility F0001")
    @ValueSource(strings = {"F0001", "f0001", "ｆ０００１", "Ｆ０００１", " F0001 ", "　F0001　"})
    void facilityNumberExactReturnsAllItsRows(String query) {
        assertEquals(List.of(TODAI_1, TODAI_2), facilities(query));
    }

    @Test
    void facilityNumbersDoNotMatchPartially() {
        assertEquals(List.of(), facilities("F000"));
        assertEquals(List.of(), facilities("0001"));
    }

    @Test
    void facilityWithTwoRowsReturnsBothByValidFrom() {
        List<Facility> found = facilities("東京大学");
        assertEquals(List.of(TODAI_1, TODAI_2), found);
        assertEquals(List.of(Facility.ACCREDITED, Facility.CORE), found.stream().map(Facility::type).toList());
    }

    @Test
    void renamedFacilityFoundByEitherNameWithAllItsRows() {
        Facility old = facility("F0100", "国立東京第二病院", "コクリツトウキョウダイニビョウイン", P1_FROM, P1_TO);
        Facility renamed = facility("F0100", "東京医療センター", "トウキョウイリョウセンター", P2_FROM, P2_TO);
        Facility other = facility("F0101", "国立国際医療研究センター", "コクリツコクサイイリョウケンキュウセンター", P2_FROM, P2_TO);
        Directory d = new Directory(List.of(renamed, other, old), List.of());
        assertEquals(List.of(old, renamed), d.searchFacilities("第二病院", ALL));
        assertEquals(List.of(old, renamed), d.searchFacilities("東京医療", ALL));
        assertEquals(List.of(other), d.searchFacilities("国際医療", ALL));
        // it sorts by its current reading (とうきょう…), not the old one (こくりつ…): after せいるか
        Directory withSeiroka = new Directory(List.of(renamed, SEIROKA, old), List.of());
        assertEquals(List.of(SEIROKA, old, renamed), withSeiroka.searchFacilities("病院", ALL));
    }

    @Test
    void facilitiesOrderedByKanaThenNumberThenValidFrom() {
        // "病院" starts none of them: こくりつ < じぇいしー < せいるか < ちゅうおう (F0006 < F0007, same kana)
        // < とうきょう (F0001, two rows by validFrom) < とうほく; 大阪 (no 病院) is not found
        assertEquals(List.of(NCC, JCHO, SEIROKA, CHUO_6, CHUO_7, TODAI_1, TODAI_2, TOHOKU), facilities("病院"));
    }

    @Test
    void facilitiesWithoutKanaComeLast() {
        Facility noKana = facility("F0000", "愛育病院", null, P2_FROM, P2_TO);
        Directory d = new Directory(List.of(noKana, TOHOKU, JCHO), List.of());
        assertEquals(List.of(JCHO, TOHOKU, noKana), d.searchFacilities("病院", ALL));
        assertEquals(List.of(noKana), d.searchFacilities("愛育", ALL), "found by name");
    }

    @Test
    void facilityPrefixMatchesFirst() {
        // "とう" starts とうきょう… and とうほく…; it is only inside じぇいしーえいちおーとうきょう… (before と by kana)
        assertEquals(List.of(TODAI_1, TODAI_2, TOHOKU, JCHO), facilities("トウ"));
        // "東京": starts 東京大学…, inside JCHO 東京病院
        assertEquals(List.of(TODAI_1, TODAI_2, JCHO), facilities("東京"));
    }

    @Test
    void limitCountsRows() {
        assertEquals(List.of(NCC, JCHO, SEIROKA), directory.searchFacilities("病院", 3));
        // the limit may cut a facility's rows: the earlier period is kept
        assertEquals(List.of(NCC, JCHO, SEIROKA, CHUO_6, CHUO_7, TODAI_1),
                directory.searchFacilities("病院", 6));
        assertEquals(List.of(TODAI_1), directory.searchFacilities("F0001", 1));
        // prefix matches fill the limit before partial ones
        assertEquals(List.of(TODAI_1, TODAI_2), directory.searchFacilities("トウ", 2));
        assertEquals(List.of(SATO_K_1), directory.searchSupervisors("さとう", 1));
        assertEquals(List.of(), directory.searchFacilities("病院", 0));
        assertThrows(IllegalArgumentException.class, () -> directory.searchFacilities("病院", -1));
        assertThrows(IllegalArgumentException.class, () -> directory.searchSupervisors("さとう", -1));
        assertThrows(IllegalArgumentException.class, () -> directory.searchFacilities(null, -1), "checked first");
        assertThrows(IllegalArgumentException.class, () -> directory.searchSupervisors("さ", -1), "checked first");
    }

    @Test
    void oneCharacterQueryFindsNothingButANumberDoes() {
        assertEquals(List.of(), facilities("東"));
        assertEquals(List.of(), facilities(" 病 "));
        assertEquals(List.of(), facilities("ﾄ"));
        assertEquals(List.of(), facilities("j"));
        assertEquals(List.of(), supervisors("藤"));
        assertEquals(List.of(), supervisors("さ"));
        assertEquals(List.of(), supervisors("さ・"), "・ is removed before counting");
        // two characters are enough
        assertEquals(List.of(TOHOKU), facilities("東北"));
        // and a number is found whatever its length, even a one-character one
        assertEquals(List.of(TODAI_1, TODAI_2), facilities("F0001"));
        Facility shortNo = facility("9", "九番病院", "キュウバンビョウイン", P2_FROM, P2_TO);
        Directory d = new Directory(List.of(shortNo, TOHOKU), List.of());
        assertEquals(List.of(shortNo), d.searchFacilities("９", ALL));
        assertEquals(List.of(), d.searchFacilities("東", ALL));
    }

    @ParameterizedTest(name = "[{index}] blank \"{0}\" finds nothing")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "　", "　 \t", "・"})
    void blankQueryFindsNothing(String query) {
        assertEquals(List.of(), facilities(query));
        assertEquals(List.of(), supervisors(query));
    }

    @Test
    void facilityRowsByValidFrom() {
        assertEquals(List.of(TODAI_1, TODAI_2), directory.facilityRows("F0001"));
        assertEquals(List.of(TODAI_1, TODAI_2), directory.facilityRows("ｆ０００１"));
        assertEquals(List.of(JCHO), directory.facilityRows("F0002"));
        assertEquals(List.of(), directory.facilityRows("F9999"));
        assertEquals(List.of(), directory.facilityRows(null));
    }

    // ---- the directory itself -----------------------------------------------------------------

    @Test
    void sizeCountsEveryRow() {
        assertEquals(FACILITIES.size() + SUPERVISORS.size(), directory.size());
        assertEquals(15, directory.size());
        assertEquals(0, new Directory(List.of(), List.of()).size());
    }

    @Test
    void immutable() {
        List<Facility> facilities = new ArrayList<>(List.of(JCHO));
        List<Supervisor> supervisors = new ArrayList<>(List.of(SAITO));
        Directory d = new Directory(facilities, supervisors);
        facilities.add(TOHOKU);
        supervisors.clear();
        assertEquals(List.of(), d.searchFacilities("東北", ALL), "built from a copy");
        assertEquals(List.of(SAITO), d.searchSupervisors("斎藤", ALL));
        assertEquals(2, d.size());

        assertThrows(UnsupportedOperationException.class, () -> d.searchFacilities("JCHO", ALL).add(TOHOKU));
        assertThrows(UnsupportedOperationException.class, () -> d.searchFacilities("F0002", ALL).clear());
        assertThrows(UnsupportedOperationException.class, () -> d.facilityRows("F0002").clear());
        assertThrows(UnsupportedOperationException.class, () -> d.supervisorRows("S0005").clear());
        assertThrows(UnsupportedOperationException.class, () -> d.searchSupervisors("さいとう", ALL).clear());
    }

    @Test
    void rowsWithoutNumberAreRefused() {
        Facility noNumber = facility(" ", "無番病院", "ムバンビョウイン", P2_FROM, P2_TO);
        assertThrows(IllegalArgumentException.class, () -> new Directory(List.of(noNumber), List.of()));
        Supervisor nullNumber = supervisor(null, "無番 太郎", "むばん たろう", Supervisor.SPECIALIST, P2_FROM, P2_TO);
        assertThrows(IllegalArgumentException.class, () -> new Directory(List.of(), List.of(nullNumber)));
    }

    // ---- full-size data -------------------------------------------------------------------------

    private static final String[][] FAMILY = {
            {"佐藤", "サトウ"}, {"鈴木", "スズキ"}, {"高橋", "タカハシ"}, {"田中", "タナカ"}, {"渡辺", "ワタナベ"},
            {"伊藤", "イトウ"}, {"山本", "ヤマモト"}, {"中村", "ナカムラ"}, {"小林", "コバヤシ"}, {"加藤", "カトウ"},
            {"吉田", "ヨシダ"}, {"山田", "ヤマダ"}, {"佐々木", "ササキ"}, {"山口", "ヤマグチ"}, {"松本", "マツモト"},
            {"井上", "イノウエ"}, {"木村", "キムラ"}, {"林", "ハヤシ"}, {"斎藤", "サイトウ"}, {"清水", "シミズ"},
            {"山崎", "ヤマザキ"}, {"森", "モリ"}, {"池田", "イケダ"}, {"橋本", "ハシモト"}, {"阿部", "アベ"},
    };
    private static final String[][] GIVEN = {
            {"健一", "ケンイチ"}, {"花子", "ハナコ"}, {"太郎", "タロウ"}, {"次郎", "ジロウ"}, {"美咲", "ミサキ"},
            {"大輔", "ダイスケ"}, {"直樹", "ナオキ"}, {"陽子", "ヨウコ"}, {"翔太", "ショウタ"}, {"由美", "ユミ"},
    };
    private static final String[][] CITY = {
            {"札幌", "サッポロ"}, {"仙台", "センダイ"}, {"千葉", "チバ"}, {"横浜", "ヨコハマ"}, {"名古屋", "ナゴヤ"},
            {"京都", "キョウト"}, {"神戸", "コウベ"}, {"広島", "ヒロシマ"}, {"福岡", "フクオカ"}, {"那覇", "ナハ"},
    };

    @Test
    void fullSizeDirectoryFindsTheRightRows() {
        // 5,000 supervisors: 25 family names x 10 given names x 20 (number suffix in the name: 佐藤 健一 7)
        List<Supervisor> supervisors = new ArrayList<>();
        int n = 0;
        for (int k = 0; k < 20; k++) {
            for (String[] f : FAMILY) {
                for (String[] g : GIVEN) {
                    n++;
                    supervisors.add(supervisor(String.format("S%05d", n), f[0] + " " + g[0] + k,
                            f[1] + " " + g[1] + k, Supervisor.SPECIALIST, P2_FROM, P2_TO));
                }
            }
        }
        // 2,000 facility rows: 1,000 facilities (10 cities x 100), two periods each, given in reverse
        List<Facility> facilities = new ArrayList<>();
        for (int period = 1; period >= 0; period--) {
            for (int i = 0; i < 1_000; i++) {
                String[] city = CITY[i % CITY.length];
                int j = i / CITY.length;
                String no = String.format("F%05d", i + 1);
                LocalDate from = period == 0 ? P1_FROM : P2_FROM;
                LocalDate to = period == 0 ? P1_TO : P2_TO;
                facilities.add(new Facility(no, city[0] + "第" + j + "病院", city[1] + "ダイ" + j + "ビョウイン",
                        period == 0 ? Facility.ACCREDITED : Facility.CORE, from, to));
            }
        }
        assertEquals(5_000, supervisors.size());
        assertEquals(2_000, facilities.size());
        Directory d = new Directory(facilities, supervisors);
        assertEquals(7_000, d.size());

        // 佐藤 is one family name out of 25: 10 given names x 20 = 200 supervisors (斎藤 さいとう does not match さとう)
        List<Supervisor> sato = d.searchSupervisors("ｻﾄｳ", 10_000);
        assertEquals(200, sato.size());
        assertTrue(sato.stream().allMatch(s -> s.name().startsWith("佐藤 ")), "only 佐藤");
        // by kana (not by number): さとう けんいち0 (S00001), けんいち1 (S00251), けんいち10 (S02501), ...
        assertEquals(List.of("S00001", "S00251", "S02501"),
                sato.subList(0, 3).stream().map(Supervisor::supervisorNo).toList());

        // exactly one 佐藤 健一 7 (the 8th round: 7 x 250 + 1)
        assertEquals(List.of("S01751"),
                d.searchSupervisors("さとうけんいち7", 10).stream().map(Supervisor::supervisorNo).toList());
        assertEquals(List.of("S04999"),
                d.searchSupervisors("Ｓ０４９９９", 10).stream().map(Supervisor::supervisorNo).toList());
        assertEquals(50, d.searchSupervisors("佐藤", 50).size(), "limit");

        // 京都 (index 5, 15, ...): 100 facilities, 200 rows, each facility's two rows together by validFrom
        List<Facility> kyoto = d.searchFacilities("キョウト", 10_000);
        assertEquals(200, kyoto.size());
        assertEquals(100, kyoto.stream().map(Facility::facilityNo).distinct().count());
        for (int i = 0; i < kyoto.size(); i += 2) {
            assertEquals(kyoto.get(i).facilityNo(), kyoto.get(i + 1).facilityNo());
            assertEquals(P1_FROM, kyoto.get(i).validFrom());
            assertEquals(P2_FROM, kyoto.get(i + 1).validFrom());
        }
        assertEquals(List.of("京都第7病院"), d.searchFacilities("京都第7病", 10).stream().map(Facility::name)
                .distinct().collect(Collectors.toList()));
        assertEquals(2, d.facilityRows("F01000").size());
    }
}
