package jp.nintei.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JapaneseTextTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "１００００００２|10000002",            // full-width digits
            "ＪＩＲＯ＠ｅｘａｍｐｌｅ．ｊｐ|JIRO@example.jp", // full-width letters and @ (case kept here)
            "　認定　次郎　|認定 次郎",              // ideographic spaces: trimmed, inner one becomes a plain space
            "  abc  |abc",
            "\\t abc \\n|abc",
            "ｶﾅ|カナ",                             // half-width katakana
            "緩和医療|緩和医療",                     // already normal
    })
    void normalizesAndTrims(String input, String expected) {
        assertEquals(expected, JapaneseText.normalize(input.translateEscapes()));
    }

    @Test
    void ideographicSpaceIsTrimmed() {
        assertEquals("x", JapaneseText.normalize("\u3000x\u3000"));
        assertEquals("", JapaneseText.normalize("\u3000\u3000"));
    }

    @Test
    void nullStaysNull() {
        assertNull(JapaneseText.normalize(null));
    }

    @ParameterizedTest(name = "[{index}] blank: \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "　", "　 　", "\t\n"})
    void blank(String input) {
        assertTrue(JapaneseText.isBlank(input));
    }

    @ParameterizedTest(name = "[{index}] not blank: \"{0}\"")
    @ValueSource(strings = {"a", "　あ　", "０", "-"})
    void notBlank(String input) {
        assertFalse(JapaneseText.isBlank(input));
    }
}
