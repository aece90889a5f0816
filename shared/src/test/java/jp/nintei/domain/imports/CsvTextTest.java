package jp.nintei.domain.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bytes as office software writes them, and RFC 4180 as Excel writes it. */
class CsvTextTest {
    static final Charset CP932 = Charset.forName("windows-31j");
    static final String JAPANESE = "会員番号,氏名\r\n10000001,髙橋 ①～太郎\r\n";

    static byte[] bom(String s) {
        byte[] body = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    @Test
    void utf8WithBomIsReadWithoutTheBom() {
        byte[] file = bom(JAPANESE);
        assertEquals(JAPANESE, CsvText.decode(file));
        assertEquals("UTF-8 (BOM)", CsvText.encodingName(file));
    }

    @Test
    void utf8WithoutBom() {
        byte[] file = JAPANESE.getBytes(StandardCharsets.UTF_8);
        assertEquals(JAPANESE, CsvText.decode(file));
        assertEquals("UTF-8", CsvText.encodingName(file));
    }

    @Test
    void cp932IncludingItsExtensions() {
        // 髙 and ① are CP932 extensions (not JIS X 0208); ～ is 0x8160, which CP932 maps to U+FF5E
        byte[] file = JAPANESE.getBytes(CP932);
        assertEquals(JAPANESE, CsvText.decode(file));
        assertEquals("Shift_JIS (CP932)", CsvText.encodingName(file));
    }

    @Test
    void asciiIsUtf8AndEmptyIsEmpty() {
        assertEquals("a,b\n", CsvText.decode("a,b\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("UTF-8", CsvText.encodingName("a,b\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("", CsvText.decode(new byte[0]));
        assertEquals("UTF-8", CsvText.encodingName(new byte[0]));
        assertEquals("", CsvText.decode(bom("")));
        assertEquals("UTF-8 (BOM)", CsvText.encodingName(bom("")));
    }

    @Test
    void utf16IsNeitherAndReadsAsGarbage() {
        byte[] file = JAPANESE.getBytes(StandardCharsets.UTF_16);
        assertEquals("Shift_JIS (CP932)", CsvText.encodingName(file));
        String text = CsvText.decode(file);
        assertEquals(false, text.contains("会員番号"), text);
    }

    @Test
    void plainCells() {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "", "3")), CsvText.parse("a,b,c\r\n1,,3\r\n"));
    }

    @Test
    void everyLineBreak() {
        List<List<String>> expected = List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d"));
        assertEquals(expected, CsvText.parse("a\r\nb\nc\rd"));
        assertEquals(expected, CsvText.parse("a\r\nb\nc\rd\r\n"));
    }

    @Test
    void quotedCells() {
        String text = "\"a,b\",\"say \"\"hi\"\"\",\"\"\r\n\"line1\r\nline2\",\"x\ny\",\"p\rq\"\r\n";
        assertEquals(List.of(List.of("a,b", "say \"hi\"", ""), List.of("line1\r\nline2", "x\ny", "p\rq")),
                CsvText.parse(text));
    }

    @Test
    void onlyOneTrailingLineBreakIsIgnored() {
        assertEquals(List.of(List.of("a")), CsvText.parse("a\n"));
        assertEquals(List.of(List.of("a"), List.of("")), CsvText.parse("a\n\n"));
        assertEquals(List.of(List.of("a"), List.of(""), List.of("b")), CsvText.parse("a\n\nb"));
        assertEquals(List.of(), CsvText.parse(""));
        assertEquals(List.of(List.of("", "")), CsvText.parse(","));
        assertEquals(List.of(List.of("")), CsvText.parse("\"\""));
    }

    @Test
    void lenientLikeExcel() {
        // a quote inside an unquoted cell stays; text after a closing quote is kept
        assertEquals(List.of(List.of("5\"", "ab\"c", "xy z")), CsvText.parse("5\",ab\"c,\"xy\" z"));
        // a quote never closed runs to the end
        assertEquals(List.of(List.of("a", "b\nc,d\n")), CsvText.parse("a,\"b\nc,d\n"));
    }

    @Test
    void rowsKnowTheirPhysicalLine() {
        String text = "h1,h2\r\n\"a\r\nb\",1\r\n\r\nc,\"x\ny\nz\"\rd,2\n\"open";
        assertEquals(List.of(
                new CsvText.Row(1, List.of("h1", "h2"), false),
                new CsvText.Row(2, List.of("a\r\nb", "1"), false),
                new CsvText.Row(4, List.of(""), false),
                new CsvText.Row(5, List.of("c", "x\ny\nz"), false),
                new CsvText.Row(8, List.of("d", "2"), false),
                new CsvText.Row(9, List.of("open"), true)), CsvText.rows(text));
    }
}
