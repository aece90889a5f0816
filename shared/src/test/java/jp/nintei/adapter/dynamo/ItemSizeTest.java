package jp.nintei.adapter.dynamo;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB counts UTF-8 bytes, not characters (dynalite counts characters). */
class ItemSizeTest {
    private static Map<String, AttributeValue> item(String body) {
        return Map.of("pk", AttributeValue.fromS("MEMBER#10000002"), "body", AttributeValue.fromS(body));
    }

    private static final int KEY_OVERHEAD = "pk".length() + "MEMBER#10000002".length() + "body".length();

    @Test
    void limitIs400KiB() {
        assertEquals(409_600, ItemSize.LIMIT_BYTES);
    }

    @Test
    void japaneseTextIsMeasuredInUtf8Bytes() {
        String japanese = "緩".repeat(140_000);
        assertTrue(japanese.length() < 400 * 1024, "fewer chars than the limit");
        Map<String, AttributeValue> item = item(japanese);
        assertEquals(KEY_OVERHEAD + 420_000, ItemSize.bytes(item));
        ItemSize.ItemTooLargeException e =
                assertThrows(ItemSize.ItemTooLargeException.class, () -> ItemSize.check(item));
        assertEquals("item of " + (KEY_OVERHEAD + 420_000) + " bytes exceeds 409600", e.getMessage());
    }

    @Test
    void asciiOfTheSameCharCountPasses() {
        Map<String, AttributeValue> item = item("a".repeat(140_000));
        assertEquals(KEY_OVERHEAD + 140_000, ItemSize.bytes(item));
        assertDoesNotThrow(() -> ItemSize.check(item));
    }

    @Test
    void exactlyTheLimitPassesOneByteMoreFails() {
        int room = ItemSize.LIMIT_BYTES - KEY_OVERHEAD;
        assertDoesNotThrow(() -> ItemSize.check(item("a".repeat(room))));
        assertThrows(ItemSize.ItemTooLargeException.class, () -> ItemSize.check(item("a".repeat(room + 1))));
        // a 3-byte character where 1 byte of room is left
        assertThrows(ItemSize.ItemTooLargeException.class,
                () -> ItemSize.check(item("a".repeat(room - 1) + "あ")));
    }

    @Test
    void attributeNamesAndNestedValuesCountInBytes() {
        // 氏名 = 6 bytes, 認定 次郎 = 13 bytes
        assertEquals(6 + 13, ItemSize.bytes(Map.of("氏名", AttributeValue.fromS("認定 次郎"))));
        // a surrogate pair (2 chars) is 4 bytes
        assertEquals(1 + 4, ItemSize.bytes(Map.of("x", AttributeValue.fromS("😀"))));
        // map: 3 + per entry (1 + key bytes + value bytes)
        AttributeValue m = AttributeValue.fromM(Map.of("学歴", AttributeValue.fromS("大学")));
        assertEquals(1 + 3 + 1 + 6 + 6, ItemSize.bytes(Map.of("m", m)));
        // list: 3 + per element (1 + value bytes)
        AttributeValue l = AttributeValue.fromL(List.of(AttributeValue.fromS("あ"), AttributeValue.fromS("b")));
        assertEquals(1 + 3 + (1 + 3) + (1 + 1), ItemSize.bytes(Map.of("l", l)));
        // string set
        AttributeValue ss = AttributeValue.fromSs(List.of("北海道", "沖縄県"));
        assertEquals(1 + 3 + 9 + 9, ItemSize.bytes(Map.of("s", ss)));
    }

    @Test
    void otherScalarTypes() {
        assertEquals(1 + 1, ItemSize.bytes(Map.of("b", AttributeValue.fromBool(true))));
        assertEquals(1 + 1, ItemSize.bytes(Map.of("n", AttributeValue.fromNul(true))));
        assertEquals(1 + 5, ItemSize.bytes(Map.of("f", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[5])))));
        assertEquals(1 + 1 + 2, ItemSize.bytes(Map.of("n", AttributeValue.fromN("2026"))));
    }

    @Test
    void japaneseInsideANestedMapIsAlsoCaught() {
        AttributeValue section = AttributeValue.fromM(Map.of("職歴", AttributeValue.fromS("緩".repeat(140_000))));
        assertThrows(ItemSize.ItemTooLargeException.class, () -> ItemSize.check(Map.of("sections", section)));
        AttributeValue ascii = AttributeValue.fromM(Map.of("history", AttributeValue.fromS("a".repeat(140_000))));
        assertDoesNotThrow(() -> ItemSize.check(Map.of("sections", ascii)));
    }
}
