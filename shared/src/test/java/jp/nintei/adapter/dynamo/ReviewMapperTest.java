package jp.nintei.adapter.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.review.Review;
import jp.nintei.domain.review.ReviewSection;
import jp.nintei.domain.review.ReviewState;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The review attribute round-trips, and never grows past its share of the item. */
class ReviewMapperTest {
    private static Review returned(List<String> resumeLines) {
        Instant at = Instant.parse("2026-07-02T01:00:00Z");
        return new Review(ReviewState.RETURNED, 3,
                Map.of(ReviewSection.RESUME, new Review.Mark(ReviewSection.RESUME, true, "職歴が不足しています。", "90000001", at)),
                new Review.ReturnRequest(List.of(new Review.Item(ReviewSection.RESUME, "職歴が不足しています。")), LocalDate.of(2026, 7, 15),
                        "90000001", at, Map.of(ReviewSection.RESUME, resumeLines)), null);
    }

    @Test
    void roundTrip() {
        Review r = returned(List.of("学歴：2010-04-01 髙﨑大学 入学"));
        Review back = ReviewMapper.review(Map.of(ReviewMapper.STATE, AttributeValue.fromS("RETURNED"),
                ReviewMapper.VERSION, AttributeValue.fromN("3"), ReviewMapper.REVIEW, AttributeValue.fromS(ReviewMapper.json(r))));
        assertEquals(r, back);
    }

    @Test
    void aHugeCopyOfTheSectionsIsLeftOutRatherThanFailTheWrite() {
        String line = "職歴：" + "緩".repeat(1000);
        Review r = returned(java.util.Collections.nCopies(60, line)); // ~180 KB of UTF-8
        String stored = DynamoReviewStore.bounded(r);
        assertTrue(stored.getBytes(StandardCharsets.UTF_8).length <= DynamoReviewStore.MAX_REVIEW_BYTES);
        assertTrue(stored.contains("職歴が不足しています。"), "the itemised 不備 and the deadline stay");
        assertEquals(DynamoReviewStore.bounded(returned(List.of("x"))), ReviewMapper.json(returned(List.of("x"))));
    }
}
