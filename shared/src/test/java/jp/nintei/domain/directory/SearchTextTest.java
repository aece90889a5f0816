package jp.nintei.domain.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTextTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            // katakana (full-width and half-width) -> hiragana
            "サトウ|さとう",
            "ｻﾄｳ|さとう",
            "さとう|さとう",
            "ｻﾞｯﾄﾞ|ざっど",                 // half-width voiced marks are composed first
            "ﾊﾟﾋﾟﾌﾟ|ぱぴぷ",
            "ヴ|ゔ",
            "ァ|ぁ",                         // U+30A1, first of the range
            "ヶ|ゖ",                         // U+30F6, last of the range
            "ヷ|ヷ",                         // U+30F7: no hiragana, stays
            "ヽヾ|ゝゞ",
            // Latin: full-width -> ASCII, lower case
            "ＳＡＴＯ|sato",
            "ｓａｔｏ|sato",
            "JCHO 東京病院|jcho東京病院",
            "ＪＣＨＯ　東京病院|jcho東京病院",
            "Ｆ０００１|f0001",
            // spaces of every kind, the middle dot, invisible format characters: removed
            "佐藤 健一|佐藤健一",
            "佐藤　健一|佐藤健一",           // U+3000
            "  さとう  けんいち |さとうけんいち",
            "\\tさとう\\nけんいち\\r|さとうけんいち",
            "さとう\u00A0けんいち|さとうけんいち",   // no-break space
            "さとう\u200Bけんいち\uFEFF|さとうけんいち", // zero-width space, BOM
            "ジョン・スミス|じょんすみす",
            "ｼﾞｮﾝ･ｽﾐｽ|じょんすみす",         // half-width middle dot
            // the long vowel mark is part of the word: kept (half-width one made full-width)
            "センター|せんたー",
            "ｾﾝﾀｰ|せんたー",
            "データ|でーた",
            // hyphens are not long vowel marks: kept (full-width one made ASCII)
            "Ａ－１|a-1",
            // kanji untouched
            "聖路加国際病院|聖路加国際病院",
    })
    void folds(String input, String expected) {
        assertEquals(expected, SearchText.fold(input.translateEscapes()));
    }

    @Test
    void nullAndEmptyFoldToEmpty() {
        assertEquals("", SearchText.fold(null));
        assertEquals("", SearchText.fold(""));
        assertEquals("", SearchText.fold(" \u3000\t・"));
    }

    @Test
    void everyWayOfTypingTheSameReadingFoldsAlike() {
        String expected = SearchText.fold("さとう けんいち");
        for (String typed : new String[] {"サトウ ケンイチ", "ｻﾄｳ ｹﾝｲﾁ", "さとうけんいち", "サトウ　ケンイチ", "ｻﾄｳｹﾝｲﾁ"}) {
            assertEquals(expected, SearchText.fold(typed), typed);
        }
    }

    @Test
    void longVowelMarkIsNotDropped() {
        assertNotEquals(SearchText.fold("せんた"), SearchText.fold("センター"));
    }
}
