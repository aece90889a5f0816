package jp.nintei.domain.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV that Excel opens cleanly: UTF-8 with a BOM (so Japanese is not mojibake), CRLF, every field quoted, and
 * cells that begin with {@code = + - @} (or a tab/CR) prefixed with an apostrophe so that no formula runs.
 */
public final class ExcelCsv {
    private ExcelCsv() {}

    public static byte[] write(List<String> headers, List<List<String>> rows) {
        StringBuilder b = new StringBuilder(64 + rows.size() * 200);
        b.append('\uFEFF');
        line(b, headers);
        for (List<String> r : rows) line(b, r);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            b.append('"').append(neutralise(cells.get(i)).replace("\"", "\"\"")).append('"');
        }
        b.append("\r\n");
    }

    /** A cell a spreadsheet would take for a formula is written as text. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) return "";
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
