package jp.nintei.domain.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Excel opens: the exact bytes of the export. */
class ExcelCsvTest {
    @Test
    void bomCrlfEveryCellQuotedQuotesDoubled() {
        byte[] csv = ExcelCsv.write(List.of("会員番号", "氏名"),
                List.of(List.of("10000001", "山田 \"太郎\""), List.of("10000002", "改行\r\nあり,カンマ")));
        assertEquals("\uFEFF\"会員番号\",\"氏名\"\r\n\"10000001\",\"山田 \"\"太郎\"\"\"\r\n"
                + "\"10000002\",\"改行\r\nあり,カンマ\"\r\n", new String(csv, StandardCharsets.UTF_8));
        assertEquals(0xEF, csv[0] & 0xFF, "UTF-8 BOM first, so Excel does not read Shift_JIS");
    }

    @Test
    void formulaCellsAreWrittenAsTextAndEmptyCellsStayEmpty() {
        byte[] csv = ExcelCsv.write(List.of("a", "b", "c", "d", "e", "f"),
                List.of(Arrays.asList("=1+2", "+81", "-3", "@SUM(A1)", null, "")));
        assertEquals("\uFEFF\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"\r\n\"'=1+2\",\"'+81\",\"'-3\",\"'@SUM(A1)\",\"\",\"\"\r\n",
                new String(csv, StandardCharsets.UTF_8));
    }
}
