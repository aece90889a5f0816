package jp.nintei.domain.directory;

import java.text.Normalizer;

/**
 * The key a name or a reading is compared by while the applicant types, so that the way it was typed does not
 * matter: full-width or half-width, katakana or hiragana, upper or lower case, with or without spaces.
 *
 * <p>{@link #fold(String)}, in order:
 * <ol>
 *   <li>NFKC: full-width letters and digits become ASCII, half-width katakana become full-width (with their
 *       voiced marks composed: ｻﾞ → ザ), the half-width long vowel mark ｰ becomes ー, the ideographic space
 *       U+3000 becomes a plain space;</li>
 *   <li>katakana → hiragana: U+30A1..U+30F6 minus 0x60 (ヴ → ゔ, ヵ → ゕ, ヶ → ゖ) and the iteration marks
 *       ヽヾ → ゝゞ; ヷヸヹヺ have no hiragana and stay;</li>
 *   <li>lower case (Latin; any other cased script too);</li>
 *   <li>removed: every whitespace (no-break spaces included) (so "佐藤　健一", "佐藤 健一" and "佐藤健一" fold alike), the
 *       middle dot ・ (written between the parts of katakana names or not), and invisible format characters
 *       (zero-width space, BOM, ... that come with pasted text).</li>
 * </ol>
 * The long vowel mark ー is kept: in kana it is part of the word (せんたー is not せんた). Hyphens are kept as they
 * are (after NFKC, the full-width － is the ASCII -).
 */
public final class SearchText {
    private SearchText() {}

    private static final int KATAKANA_FIRST = 0x30A1; // ァ
    private static final int KATAKANA_LAST = 0x30F6;  // ヶ
    private static final int KATAKANA_TO_HIRAGANA = 0x60;
    private static final int KATAKANA_ITERATION = 0x30FD;        // ヽ
    private static final int KATAKANA_VOICED_ITERATION = 0x30FE; // ヾ
    private static final int MIDDLE_DOT = 0x30FB;                // ・ (NFKC maps the half-width ･ to it)

    /** The folded search key of {@code s}; {@code null} folds to {@code ""}. */
    public static String fold(String s) {
        if (s == null || s.isEmpty()) return "";
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (dropped(cp)) continue;
            if (cp >= KATAKANA_FIRST && cp <= KATAKANA_LAST) {
                cp -= KATAKANA_TO_HIRAGANA;
            } else if (cp == KATAKANA_ITERATION || cp == KATAKANA_VOICED_ITERATION) {
                cp -= KATAKANA_TO_HIRAGANA;
            } else {
                cp = Character.toLowerCase(cp);
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static boolean dropped(int cp) {
        return cp == MIDDLE_DOT
                || Character.isWhitespace(cp) // after NFKC, the no-break spaces (not whitespace to Java) are plain spaces
                || Character.getType(cp) == Character.FORMAT;
    }
}
