package jp.nintei.domain.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** 筆記試験受験希望地: the 47 prefectures in JIS X 0401 order, by code or name as people type them. */
class PrefectureTest {
    /** JIS X 0401, written out independently of the production list. */
    private static final List<String> JIS = List.of(
            "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
            "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
            "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県",
            "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
            "鳥取県", "島根県", "岡山県", "広島県", "山口県",
            "徳島県", "香川県", "愛媛県", "高知県",
            "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

    @Test
    void fortySevenDistinctNamesInJisOrder() {
        assertEquals(47, Prefecture.NAMES.size());
        assertEquals(47, new HashSet<>(Prefecture.NAMES).size(), "no name twice");
        assertEquals(JIS, Prefecture.NAMES);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"01, 北海道", "02, 青森県", "13, 東京都", "14, 神奈川県", "26, 京都府", "27, 大阪府", "47, 沖縄県"})
    void codeAndNameBothWays(String code, String name) {
        assertEquals(name, Prefecture.name(code));
        assertEquals(code, Prefecture.code(name));
        assertEquals(code, Prefecture.code(code));
    }

    @Test
    void everyCodeRoundTrips() {
        for (int i = 1; i <= 47; i++) {
            String code = String.format("%02d", i);
            assertEquals(code, Prefecture.code(Prefecture.name(code)), code);
            assertEquals(code, Prefecture.code(Integer.toString(i)), "unpadded " + i);
        }
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "13|13",
            "１３|13",            // full-width digits
            "東京都|13",
            "　東京都　|13",      // ideographic (full-width) spaces around
            " 東京都 |13",
            "1|01",
            "１|01",
            "01|01",
            "9|09",
            "47|47",
            "沖縄県|47",
    })
    void codeAcceptsWhatPeopleType(String typed, String expected) {
        assertEquals(expected, Prefecture.code(typed));
    }

    @Test
    void codeAcceptsFullWidthSpacesExplicitly() {
        // spelled with escapes so an editor cannot silently turn U+3000 into a plain space
        assertEquals("13", Prefecture.code("\u3000東京都\u3000"));
    }

    @ParameterizedTest(name = "[{0}] rejected")
    @ValueSource(strings = {"0", "00", "48", "99", "100", "001", "-1", "東京", "Tokyo", "tokyo", "北海", "大阪", "京都",
            "東京都庁", "1 3", "13a", " ", "\u3000", "\t", "---"})
    void codeRejectsEverythingElse(String typed) {
        assertNull(Prefecture.code(typed));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void codeOfNothingIsNull(String typed) {
        assertNull(Prefecture.code(typed));
    }

    @Test
    void nameOfNullIsNull() {
        assertNull(Prefecture.name(null));
    }
}
