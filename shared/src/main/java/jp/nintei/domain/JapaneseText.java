package jp.nintei.domain;

import java.text.Normalizer;

/** Input as people type it in Japan: full-width digits, letters and spaces are normalised (NFKC) and trimmed. */
public final class JapaneseText {
    private JapaneseText() {}

    /** NFKC then trim (NFKC turns the ideographic space U+3000 into a plain space); {@code null} stays {@code null}. */
    public static String normalize(String input) {
        if (input == null) return null;
        return Normalizer.normalize(input, Normalizer.Form.NFKC).strip();
    }

    public static boolean isBlank(String input) {
        String n = normalize(input);
        return n == null || n.isEmpty();
    }
}
