package jp.nintei.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** ユーザーID as typed on a phone: full-width digits and letters, stray spaces, hyphens. */
class LoginIdTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> 会員番号 {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "10000002|10000002",
            "１００００００２|10000002",               // full-width digits
            "　１００００００２　|10000002",           // ideographic spaces around
            " 10000002 |10000002",
            "\\t10000002\\n|10000002",
            "1000-0002|10000002",                      // hyphen removed
            "１０００－０００２|10000002",              // full-width hyphen U+FF0D
            "10-00-00-02|10000002",
            "1000ー0002|10000002",                      // long-vowel mark U+30FC, typed in kana mode
            "1000−0002|10000002",                      // minus sign U+2212
            "1000‐0002|10000002",                      // hyphen U+2010
            "1000 0002|10000002",                      // inner space removed
            "１０００　０００２|10000002",              // inner ideographic space removed
            "1234|1234",                               // shortest
            "123456789012|123456789012",               // longest
            "00001234|00001234",                       // leading zeros kept (it is a string)
    })
    void memberNumbers(String typed, String expected) {
        assertEquals(new LoginId(LoginId.Type.MEMBER_NO, expected), LoginId.parse(typed.translateEscapes()));
    }

    @Test
    void fullWidthMemberNumberIsTheNumberItself() {
        LoginId id = LoginId.parse("１００００００２");
        assertEquals(LoginId.Type.MEMBER_NO, id.type());
        assertEquals("10000002", id.value());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> e-mail {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "jiro@example.jp|jiro@example.jp",
            "ＪＩＲＯ＠ｅｘａｍｐｌｅ．ｊｐ|jiro@example.jp",   // all full-width, upper case
            "Jiro@Example.JP|jiro@example.jp",
            "　jiro@example.jp　|jiro@example.jp",
            " jiro @ example.jp |jiro@example.jp",          // stray spaces removed
            "taro-yamada@example.co.jp|taro-yamada@example.co.jp",  // hyphens in e-mail kept
            "a.b+c@sub.example.jp|a.b+c@sub.example.jp",
    })
    void emailAddresses(String typed, String expected) {
        assertEquals(new LoginId(LoginId.Type.EMAIL, expected), LoginId.parse(typed));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> null")
    @NullAndEmptySource
    @ValueSource(strings = {
            " ", "　", "　　", "\t",                       // blank
            "abc", "jiro", "会員番号", "123",               // neither
            "1234567890123",                              // 13 digits
            "1000-000X", "10000002a", "１０００００００２ｘ",
            "jiro@example", "@example.jp", "jiro@", "a@b@example.jp", "jiro@.jp", "---",
    })
    void garbageAndBlankAreNull(String typed) {
        assertNull(LoginId.parse(typed));
    }
}
