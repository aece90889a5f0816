package jp.nintei.domain.secondary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/domain.md "Secondary application" → 1: 年月日 as typed in the 学歴・職歴・資格 rows. */
class JapaneseDateTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            // Western, as the page asks and as people type it
            "2010-04-01          | 2010-04-01",
            "2010-4-1            | 2010-04-01",
            "2010/4/1            | 2010-04-01",
            "2010/04/01          | 2010-04-01",
            "2010.4.1            | 2010-04-01",
            "2010年4月1日         | 2010-04-01",
            "2010年04月01日       | 2010-04-01",
            "'2010 年 4 月 1 日'  | 2010-04-01",
            "'  2010-04-01  '    | 2010-04-01",
            "2016-3-31           | 2016-03-31",
            "2012-02-29          | 2012-02-29",
            // full width (NFKC)
            "２０１０－０４－０１   | 2010-04-01",
            "２０１０／４／１       | 2010-04-01",
            "２０１０．４．１       | 2010-04-01",
            "２０１０年４月１日     | 2010-04-01",
            "'\u3000２０１０\u3000年\u3000４\u3000月\u3000１\u3000日\u3000' | 2010-04-01",
            // IME dashes
            "2010\u22124\u22121   | 2010-04-01",
            "2010ー4ー1           | 2010-04-01",
            "2010\u20104\u20101   | 2010-04-01",
            // era by name
            "平成22年4月1日       | 2010-04-01",
            "'平成 22 年 4 月 1 日' | 2010-04-01",
            "平成２２年４月１日     | 2010-04-01",
            "平成22.4.1          | 2010-04-01",
            "平成22-4-1          | 2010-04-01",
            "令和元年5月1日       | 2019-05-01",
            "令和2年4月1日        | 2020-04-01",
            "昭和63年4月1日       | 1988-04-01",
            "大正15年12月24日     | 1926-12-24",
            "明治45年7月29日      | 1912-07-29",
            // era by initial, either case
            "H22.4.1             | 2010-04-01",
            "h22/4/1             | 2010-04-01",
            "H22-04-01           | 2010-04-01",
            "H22年4月1日          | 2010-04-01",
            "Ｈ２２．４．１        | 2010-04-01",
            "R2.4.1              | 2020-04-01",
            "r2.4.1              | 2020-04-01",
            "R元.5.1             | 2019-05-01",
            "S63.4.1             | 1988-04-01",
            "s63.4.1             | 1988-04-01",
            "T15.12.24           | 1926-12-24",
            "M45.7.29            | 1912-07-29",
            // era ligatures become names under NFKC
            "㍻22年4月1日         | 2010-04-01",
            "㋿元年5月1日         | 2019-05-01",
            "㍼63年4月1日         | 1988-04-01",
    })
    void acceptedFormats(String typed, String iso) {
        assertEquals(LocalDate.parse(iso), JapaneseDate.parse(typed));
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "INVALID", value = {
            // 平成 → 令和 on 2019-05-01
            "平成31年4月30日  | 2019-04-30",
            "平成31年5月1日   | INVALID",
            "H31.4.30        | 2019-04-30",
            "H31.5.1         | INVALID",
            "令和元年4月30日  | INVALID",
            "令和元年5月1日   | 2019-05-01",
            "R1.5.1          | 2019-05-01",
            "R1.4.30         | INVALID",
            // 昭和 → 平成 on 1989-01-08
            "昭和64年1月7日   | 1989-01-07",
            "昭和64年1月8日   | INVALID",
            "S64.1.7         | 1989-01-07",
            "S64.1.8         | INVALID",
            "平成元年1月8日   | 1989-01-08",
            "平成元年1月7日   | INVALID",
            "H1.1.8          | 1989-01-08",
            "H1.1.7          | INVALID",
            // 大正 → 昭和 on 1926-12-25
            "大正15年12月24日 | 1926-12-24",
            "大正15年12月25日 | INVALID",
            "昭和元年12月25日 | 1926-12-25",
            "昭和元年12月24日 | INVALID",
            // 明治 → 大正 on 1912-07-30
            "明治45年7月29日  | 1912-07-29",
            "明治45年7月30日  | INVALID",
            "大正元年7月30日  | 1912-07-30",
            "大正元年7月29日  | INVALID",
            // an era year past its end
            "平成32年1月1日   | INVALID",
            "昭和65年1月1日   | INVALID",
            // year 0 of an era
            "平成0年4月1日    | INVALID",
            "H0.4.1          | INVALID",
    })
    void eraBoundaries(String typed, String iso) {
        assertEquals(iso == null ? null : LocalDate.parse(iso), JapaneseDate.parse(typed));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is not read")
    @NullAndEmptySource
    @ValueSource(strings = {
            " ", "\u3000",
            // impossible calendar dates
            "2010-02-30", "2011-02-29", "2010-04-31", "2010-13-01", "2010-00-10", "2010-04-00", "2010年2月30日",
            "平成22年2月30日", "H23.2.29",
            // not a 4-digit Western year
            "10-4-1", "22.4.1", "010-04-01", "20100-04-01",
            // incomplete or extra
            "2010-04", "2010年4月", "2010年4月1", "2010-04-01T00:00", "2010-04-01日", "2010年4月1日です",
            "20100401", "2010 4 1", "2010-004-01",
            // mixed separators
            "2010/4-1", "2010.4/1", "H22.4/1",
            // unknown era or no era year
            "X22.4.1", "慶応3年1月1日", "平成年4月1日", "平成二十二年四月一日", "HH22.4.1", "H.4.1",
            "abc", "二〇一〇年四月一日",
    })
    void unreadable(String typed) {
        assertNull(JapaneseDate.parse(typed));
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource({
            "2010-04-01, 2010年4月1日",
            "2016-03-31, 2016年3月31日",
            "2019-12-01, 2019年12月1日",
            "1989-01-08, 1989年1月8日",
    })
    void label(String iso, String expected) {
        assertEquals(expected, JapaneseDate.label(LocalDate.parse(iso)));
        assertEquals(LocalDate.parse(iso), JapaneseDate.parse(expected), "the label reads back");
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource({
            "2010-04-01, 平成22年4月1日",
            "2019-04-30, 平成31年4月30日",
            "2019-05-01, 令和元年5月1日",
            "2020-04-01, 令和2年4月1日",
            "1989-01-07, 昭和64年1月7日",
            "1989-01-08, 平成元年1月8日",
            "1926-12-24, 大正15年12月24日",
            "1926-12-25, 昭和元年12月25日",
            "1912-07-29, 明治45年7月29日",
            "1912-07-30, 大正元年7月30日",
            "1867-12-31, 1867年12月31日",
    })
    void eraLabel(String iso, String expected) {
        assertEquals(expected, JapaneseDate.eraLabel(LocalDate.parse(iso)));
        assertEquals(LocalDate.parse(iso), JapaneseDate.parse(expected), "the era label reads back");
    }

    @Test
    void labelsOfNullAreEmpty() {
        assertEquals("", JapaneseDate.label(null));
        assertEquals("", JapaneseDate.eraLabel(null));
    }
}
