package jp.nintei.domain.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV that Excel opens cleanly: UTF-8 with a BOM (so Japanese is not mojibake), CRLF, every field quoted, and
 * cells that begin with {@code = + - @} (or a tab/CR) prefixed with an apostrophe so that no formula runs.
 * Written through Apache Commons CSV; the neutralising is ours.
 */
public final class ExcelCsv {
    private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder()
            .setQuoteMode(QuoteMode.ALL).setRecordSeparator("\r\n").get();

    private ExcelCsv() {}

    public static byte[] write(List<String> headers, List<List<String>> rows) {
        StringBuilder b = new StringBuilder(64 + rows.size() * 200);
        b.append('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(b, FORMAT)) {
            line(printer, headers);
            for (List<String> r : rows) line(printer, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(CSVPrinter printer, List<String> cells) throws IOException {
        for (String cell : cells) printer.print(neutralise(cell));
        printer.println();
    }

    /** A cell a spreadsheet would take for a formula is written as text. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) return "";
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
