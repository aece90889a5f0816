package jp.nintei.domain.review;

import java.time.LocalDate;
import java.util.List;

/**
 * What the applicant must see of their own deadline: an individual extension, or a 差し戻し with its 修正期限 and
 * itemised 不備 (then only those sections may change).
 *
 * @param until the applicant's own last day (JST, inclusive), or null
 * @param items the 不備 to correct; empty for a plain extension
 */
public record Correction(LocalDate until, List<Review.Item> items) {
    public static final Correction NONE = new Correction(null, List.of());

    public Correction {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean returned() { return !items.isEmpty(); }

    /** Whether the applicant may change this section now (always, unless a 差し戻し names other sections only). */
    public boolean open(ReviewSection s) {
        return !returned() || items.stream().anyMatch(i -> i.section() == s);
    }
}
