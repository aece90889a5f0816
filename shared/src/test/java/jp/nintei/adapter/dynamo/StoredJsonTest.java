package jp.nintei.adapter.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Our stored JSON that cannot be read is a server fault, not the JSON error the HTTP adapter answers as a 400. */
class StoredJsonTest {
    @Test
    void anUnreadableStoredReviewIsOurFault() {
        Map<String, AttributeValue> item = Map.of(ReviewMapper.VERSION, AttributeValue.fromN("2"),
                ReviewMapper.REVIEW, AttributeValue.fromS("{\"marks\":"));
        var e = assertThrows(StoredJson.Unreadable.class, () -> ReviewMapper.review(item));
        assertEquals("stored attribute review cannot be read", e.getMessage());
    }
}
