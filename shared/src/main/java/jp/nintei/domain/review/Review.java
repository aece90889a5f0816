package jp.nintei.domain.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The secretariat's review of one application, kept in the application's own item (one conditional write per
 * action, guarded by {@code version}: two staff at once cannot overwrite each other).
 *
 * @param marks the latest mark of each section
 * @param request the latest 差し戻し (null when never sent back)
 * @param decision 受理 or 不受理 (null until decided)
 */
public record Review(ReviewState state, long version, Map<ReviewSection, Mark> marks, ReturnRequest request, Decision decision) {
    public static final Review NONE = new Review(null, 0, Map.of(), null, null);

    public Review {
        marks = marks == null ? Map.of() : Map.copyOf(marks);
    }

    /** 確認済 or 不備 of one section, with what is wrong, who and when. */
    public record Mark(ReviewSection section, boolean deficient, String note, String by, Instant at) {}

    /** One itemised 不備 of a 差し戻し. */
    public record Item(ReviewSection section, String note) {}

    /**
     * 差し戻し: the itemised 不備 and the 修正期限 (JST, inclusive); {@code before} holds what each section said at that
     * moment (readable lines), so that the reviewer sees what changed on resubmission.
     */
    public record ReturnRequest(List<Item> items, LocalDate until, String by, Instant at, Map<ReviewSection, List<String>> before) {
        public ReturnRequest {
            items = List.copyOf(items);
            before = before == null ? Map.of() : Map.copyOf(before);
        }
    }

    /** 受理 or 不受理, with the reason (required for 不受理). */
    public record Decision(boolean accepted, String reason, String by, Instant at) {
        public String label() { return accepted ? "受理" : "不受理"; }
    }
}
