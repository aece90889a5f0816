package jp.nintei.domain.imports;

import java.util.List;
import java.util.Objects;

/**
 * What one CSV import found: every data row is either accepted or rejected with one reason; a rejected row
 * changes nothing (the caller writes only {@link #accepted}).
 *
 * @param encoding how the file was read: {@code "UTF-8 (BOM)"}, {@code "UTF-8"} or {@code "Shift_JIS (CP932)"}
 * @param rows data rows read (header and completely blank rows not counted): {@code accepted.size() +
 *     rejected.size()}, or 0 when the header itself is rejected (then no row is read: a file in an unexpected
 *     encoding has no meaningful rows to count)
 * @param accepted rows that passed every check, in file order
 * @param rejected rows that did not, in file order; a rejection at line 1 is about the header (the whole file)
 */
public record ImportReport<T>(String encoding, int rows, List<Accepted<T>> accepted, List<Rejected> rejected) {
    public ImportReport {
        Objects.requireNonNull(encoding, "encoding");
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    /**
     * @param line physical line in the file where the row starts (the header is line 1; a quoted cell holding a
     *     line break makes a row span several lines)
     */
    public record Accepted<T>(int line, T value) {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * @param line physical line in the file where the row starts (the header is line 1)
     * @param reason in Japanese, naming the column and what to fix
     */
    public record Rejected(int line, String reason) {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
