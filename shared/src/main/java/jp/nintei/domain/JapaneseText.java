package jp.nintei.domain;

import java.text.Normalizer;

/**
 * Input as people type it in Japan: codes, numbers, dates, IDs and search terms are normalised (NFKC) and trimmed
 * ({@link #normalize}); names, titles, free text and file names are kept as typed ({@link #asTyped}).
 */
public final class JapaneseText {
    private JapaneseText() {}

    /** NFKC then trim (NFKC turns the ideographic space U+3000 into a plain space); {@code null} stays {@code null}. */
    public static String normalize(String input) {
        if (input == null) return null;
        return Normalizer.normalize(input, Normalizer.Form.NFKC).strip();
    }

    /**
     * Names, titles, free text and file names (docs/domain.md "Text as people type it"): kept exactly as typed, never
     * NFKC (which turns 塚 U+FA10 and 神 U+FA19 into other characters and （ into (), only trimmed, with control
     * characters (C0 and C1; tab and newline kept where {@code lines} allows them) and bidirectional overrides
     * (U+202A–U+202E, U+2066–U+2069, which can disguise a file name's extension) removed. {@code null} stays {@code null}.
     */
    public static String asTyped(String input, boolean lines) {
        if (input == null) return null;
        StringBuilder b = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (lines && (c == '\n' || c == '\t')) b.append(c);
            else if (!hidden(c)) b.append(c);
        }
        return b.toString().strip();
    }

    /** One-line text as typed: {@link #asTyped(String, boolean)} without tab or newline. */
    public static String asTyped(String input) { return asTyped(input, false); }

    private static boolean hidden(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    public static boolean isBlank(String input) {
        String n = normalize(input);
        return n == null || n.isEmpty();
    }
}
