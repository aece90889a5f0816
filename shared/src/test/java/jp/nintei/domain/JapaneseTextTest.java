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

    @Test
    void namesAndFileNamesAreKeptAsTyped() {
        // CJK compatibility ideographs: NFKC would turn 塚 (U+FA10) into 塚 (U+585A) and 神 (U+FA19) into 神 (U+795E)
        assertEquals("大\uFA10 \uFA19子", JapaneseText.asTyped("\u3000大\uFA10 \uFA19子 "));
        assertEquals("髙﨑", JapaneseText.asTyped("髙﨑"));
        assertEquals("振込控え （4月）.pdf", JapaneseText.asTyped("振込控え （4月）.pdf"));
        assertEquals("ｶﾅ", JapaneseText.asTyped("ｶﾅ"));
        assertNull(JapaneseText.asTyped(null));
    }

    @Test
    void controlCharactersAndBidiOverridesAreRemoved() {
        assertEquals("ab", JapaneseText.asTyped("a\u0000b"));
        assertEquals("abcdef", JapaneseText.asTyped("a\u0007b\u001Bc\u007Fd\u0085e\u009Ff"));
        assertEquals("readme.pdf", JapaneseText.asTyped("read\u202Ame\u202B.\u202C\u202Dp\u202Edf"));
        assertEquals("ab", JapaneseText.asTyped("\u2066a\u2067\u2068b\u2069"));
        assertEquals("ab", JapaneseText.asTyped("a\tb\n"), "one-line text: no tab or newline");
        assertEquals("a\tb\nc", JapaneseText.asTyped("a\tb\r\nc", true), "where lines are allowed: tab and newline kept");
    }
}
