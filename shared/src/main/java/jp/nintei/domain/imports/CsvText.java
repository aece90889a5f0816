package jp.nintei.domain.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.nintei.domain.JapaneseText;
import jp.nintei.domain.secondary.JapaneseDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV files as office software writes them (Excel on Windows: Shift_JIS/CP932, or UTF-8 with a BOM; other tools:
 * UTF-8 without one). Pure: bytes in, strings out.
 *
 * <p>Reading (RFC 4180 through Apache Commons CSV, as Excel writes it): cells separated by {@code ,}; a cell that starts with {@code "} is
 * quoted and may hold {@code ,}, line breaks and doubled quotes {@code ""}; records end at CRLF, LF or CR; a line
 * break at the very end of the text does not start another record. Lenient where Excel is: a {@code "} inside an
 * unquoted cell, or text right after a closing quote, is kept as it is; a quote never closed runs to the end.
 */
public final class CsvText {
    public static final String UTF8_BOM = "UTF-8 (BOM)";
    public static final String UTF8 = "UTF-8";
    public static final String CP932 = "Shift_JIS (CP932)";

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private CsvText() {}

    /**
     * The text of the file: a UTF-8 BOM means UTF-8 (the BOM is dropped); bytes that are valid UTF-8 are UTF-8
     * (pure ASCII included); anything else is read as windows-31j (CP932, what Japanese Windows calls Shift_JIS),
     * bytes it cannot map becoming U+FFFD. A file in another encoding (UTF-16…) is therefore read as CP932
     * garbage, and its header does not match.
     */
    public static String decode(byte[] file) {
        Objects.requireNonNull(file, "file");
        if (hasUtf8Bom(file)) return new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        String utf8 = strictUtf8(file);
        if (utf8 != null) return utf8;
        try {
            return WINDOWS_31J.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with REPLACE
        }
    }

    /** For the report: {@link #UTF8_BOM}, {@link #UTF8} or {@link #CP932}, as {@link #decode} reads the file. */
    public static String encodingName(byte[] file) {
        Objects.requireNonNull(file, "file");
        if (hasUtf8Bom(file)) return UTF8_BOM;
        return strictUtf8(file) != null ? UTF8 : CP932;
    }

    /**
     * The records of the text, each a list of its cells (unquoted, {@code ""} → {@code "}; nothing trimmed). An
     * empty text has no records; an empty line in the middle is a record of one empty cell.
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows(text)) out.add(r.cells());
        return out;
    }

    // ---- package-private: what the importers share ----

    /**
     * One record and the physical line where it starts (1-based).
     *
     * @param unclosedQuote a quoted cell of this record was still open at the end of the text
     */
    record Row(int line, List<String> cells, boolean unclosedQuote) {}

    static List<Row> rows(String text) {
        Objects.requireNonNull(text, "text");
        List<Row> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(EXCEL_LENIENT).get()) {
            int start = 1;
            CSVRecord last = null;
            for (CSVRecord r : parser) {
                out.add(new Row(start, List.copyOf(r.toList()), false));
                start = (int) parser.getCurrentLineNumber() + 1;
                last = r;
            }
            if (last != null && quoteLeftOpen(text.substring((int) last.getCharacterPosition()))) {
                Row tail = out.remove(out.size() - 1);
                out.add(new Row(tail.line(), tail.cells(), true));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException(e); // a String reader does not fail, and the format is lenient
        }
        return out;
    }

    /** Excel's reading: RFC 4180, blank lines kept as records, text after a closing quote kept, a quote never closed running to the end. */
    private static final CSVFormat EXCEL_LENIENT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false).setTrailingData(true).setLenientEof(true).get();

    private static final CSVFormat STRICT_EOF = EXCEL_LENIENT.builder().setLenientEof(false).get();

    /** Whether the last record's quoted cell runs to the end of the text (then the whole rest is one cell). */
    private static boolean quoteLeftOpen(String lastRecord) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(lastRecord)).setFormat(STRICT_EOF).get()) {
            parser.getRecords();
            return false;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return true;
        }
    }

    /** A row the importer turns down; the message is the reason shown to the office. No stack trace. */
    static final class Reject extends RuntimeException {
        Reject(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The cells of one data row, by column name (a column the file does not have reads as blank). */
    static final class Cells {
        private final Map<String, Integer> index;
        private final List<String> cells;

        Cells(Map<String, Integer> index, List<String> cells) {
            this.index = index;
            this.cells = cells;
        }

        /** As typed, without surrounding spaces; {@code ""} when absent. */
        String raw(String column) {
            Integer i = index.get(column);
            if (i == null || i >= cells.size()) return "";
            return cells.get(i).strip();
        }

        /** NFKC and trimmed ({@link JapaneseText#normalize}); {@code ""} when absent. */
        String get(String column) {
            return JapaneseText.normalize(raw(column));
        }

        /**
         * A required one-line name cell, as typed (never NFKC: 塚 U+FA10 stays 塚), trimmed, without control
         * characters or bidirectional overrides.
         */
        String text(String column) {
            String r = raw(column);
            if (r.indexOf('\n') >= 0 || r.indexOf('\r') >= 0) {
                throw new Reject(column + "にセル内の改行が含まれています。1行で入力してください。");
            }
            String v = JapaneseText.asTyped(r);
            if (v.isEmpty()) throw new Reject(column + "が入力されていません。");
            return v;
        }

        /** A required date cell, read by {@link JapaneseDate#parse}. */
        java.time.LocalDate date(String column) {
            String typed = raw(column);
            if (JapaneseText.isBlank(typed)) throw new Reject(column + "が入力されていません。");
            java.time.LocalDate d = JapaneseDate.parse(typed);
            if (d == null) {
                throw new Reject(column + "を日付として読み取れません（入力：" + shown(typed)
                        + "）。実在する日付を 2010/4/1、2010年4月1日、平成22年4月1日 のように入力してください。");
            }
            return d;
        }
    }

    /** A row reader: the value of one data row, or {@link Reject} with the first problem found. */
    interface RowReader<T> {
        T read(Cells cells, int line);
    }

    /**
     * Reads a whole file: header on line 1 (names matched after NFKC and trimming, any order, unknown columns
     * ignored), then one value or one rejection per data row; completely blank rows are skipped and not counted.
     */
    static <T> ImportReport<T> read(byte[] file, List<String> required, List<String> optional, RowReader<T> reader) {
        String encoding = encodingName(file);
        List<Row> rows = rows(decode(file));
        if (rows.isEmpty()) {
            return new ImportReport<>(encoding, 0, List.of(), List.of(new ImportReport.Rejected(1,
                    "ファイルが空です。1行目に見出し（" + String.join("、", required) + " など）を入れてください。")));
        }
        List<Row> data = new ArrayList<>();
        for (Row r : rows.subList(1, rows.size())) {
            if (r.unclosedQuote() || !isBlank(r.cells())) data.add(r);
        }

        Set<String> known = new LinkedHashSet<>(required);
        known.addAll(optional);
        Map<String, Integer> index = new HashMap<>();
        Set<String> twice = new LinkedHashSet<>();
        List<String> header = rows.get(0).cells();
        for (int i = 0; i < header.size(); i++) {
            String name = JapaneseText.normalize(header.get(i));
            if (i == 0 && name.startsWith("\uFEFF")) name = JapaneseText.normalize(name.substring(1));
            if (!known.contains(name)) continue;
            if (index.putIfAbsent(name, i) != null) twice.add(name);
        }
        List<String> missing = required.stream().filter(c -> !index.containsKey(c)).toList();
        String headerProblem = null;
        if (!missing.isEmpty()) {
            headerProblem = "必須の列がありません：" + String.join("、", missing);
            if (missing.size() == required.size()) {
                headerProblem += "（1行目を見出し行として読み取れません。1行目が列名の行になっているか、"
                        + "ファイルの形式がCSVで文字コードが UTF-8 または Shift_JIS かをご確認ください）";
            }
        } else if (!twice.isEmpty()) {
            headerProblem = "同じ名前の列が複数あります：" + String.join("、", twice) + "（どちらを読むか決められないため、1列にしてください）";
        }
        if (headerProblem != null) {
            return new ImportReport<>(encoding, 0, List.of(), List.of(new ImportReport.Rejected(1, headerProblem)));
        }

        List<ImportReport.Accepted<T>> accepted = new ArrayList<>();
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        for (Row r : data) {
            if (r.unclosedQuote()) {
                rejected.add(new ImportReport.Rejected(r.line(), "この行で始まる「\"」（ダブルクォーテーション）が閉じられていないため、"
                        + "ここからファイルの終わりまでを1つのセルとして読んでしまいます。引用符を閉じてください。"));
                continue;
            }
            try {
                accepted.add(new ImportReport.Accepted<>(r.line(), reader.read(new Cells(index, r.cells()), r.line())));
            } catch (Reject e) {
                rejected.add(new ImportReport.Rejected(r.line(), e.getMessage()));
            }
        }
        return new ImportReport<>(encoding, data.size(), accepted, rejected);
    }

    /** What the office typed, for a reason: trimmed, at most 40 characters. */
    static String shown(String typed) {
        String s = typed.strip();
        return s.codePointCount(0, s.length()) <= 40 ? s : s.substring(0, s.offsetByCodePoints(0, 40)) + "…";
    }

    private static boolean isBlank(List<String> cells) {
        for (String c : cells) {
            if (!JapaneseText.isBlank(c)) return false;
        }
        return true;
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    /** The text if the bytes are well-formed UTF-8, else {@code null}. */
    private static String strictUtf8(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
