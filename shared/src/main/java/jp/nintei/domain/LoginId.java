package jp.nintei.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a member types as ユーザーID: an e-mail address or a 会員番号, as typed on a phone (full-width
 * digits and @, stray spaces). Normalised once here so every path sees the same value.
 */
public record LoginId(Type type, String value) {
    public enum Type { MEMBER_NO, EMAIL }

    private static final Pattern MEMBER_NO = Pattern.compile("[0-9]{4,12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** @return the parsed id, or {@code null} when it is neither a 会員番号 nor an e-mail address */
    public static LoginId parse(String typed) {
        String n = JapaneseText.normalize(typed);
        if (n == null || n.isEmpty()) return null;
        n = n.replace(" ", "");
        if (n.indexOf('@') >= 0) {
            return EMAIL.matcher(n).matches() ? new LoginId(Type.EMAIL, n.toLowerCase(Locale.ROOT)) : null;
        }
        // hyphen-like marks a Japanese keyboard produces between digits (ー − ‐ ‑ – —)
        n = n.replaceAll("[-\u30FC\u2212\u2010\u2011\u2013\u2014\uFF70]", "");
        return MEMBER_NO.matcher(n).matches() ? new LoginId(Type.MEMBER_NO, n) : null;
    }
}
