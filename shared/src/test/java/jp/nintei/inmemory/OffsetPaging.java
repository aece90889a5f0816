package jp.nintei.inmemory;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The in-memory stores' pages of a list: the cursor is the index of the page's first row, and anything else (not a
 * number, or past the end) is refused with {@link IllegalArgumentException}, as the DynamoDB stores refuse a bad cursor.
 */
final class OffsetPaging {
    private OffsetPaging() {}

    /** Up to {@code limit} rows of {@code all} from {@code cursor} (null or blank: the first), as {@code page} makes a page of them with the next page's cursor (null after the last). */
    static <T, P> P page(List<T> all, String cursor, int limit, BiFunction<List<T>, String, P> page) {
        int from = 0;
        if (cursor != null && !cursor.isBlank()) {
            try {
                from = Integer.parseInt(cursor);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cursor");
            }
            if (from < 0 || from > all.size()) throw new IllegalArgumentException("cursor");
        }
        int to = Math.min(all.size(), from + limit);
        return page.apply(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }
}
