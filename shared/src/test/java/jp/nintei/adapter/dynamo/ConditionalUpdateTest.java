package jp.nintei.adapter.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The request the builder makes, as DynamoDB would judge it: it refuses an unused placeholder, two clauses on one
 * attribute and redundant parentheses, so each of those would fail a real write (the stores' tests run it on dynalite).
 */
class ConditionalUpdateTest {
    private static final Map<String, AttributeValue> KEY = Keys.key("MEMBER#10000001", "APP#2026#NEW_PRIMARY");
    private static final Instant AT = Instant.parse("2026-05-01T01:02:03Z");

    private static ConditionalUpdate update() { return new ConditionalUpdate("Table", KEY); }

    @Test
    void onlyThePlaceholdersTheExpressionsUseAreSent() {
        UpdateItemRequest r = update().name("#status", "status").value(":draft", "DRAFT").value(":unused", "x")
                .set("#p1", "pref1", "SURGERY").when("#status = :draft").request();
        assertEquals("SET #p1 = :p1", r.updateExpression());
        assertEquals("#status = :draft", r.conditionExpression());
        assertEquals(Map.of("#p1", "pref1", "#status", "status"), r.expressionAttributeNames());
        assertEquals(Map.of(":p1", AttributeValue.fromS("SURGERY"), ":draft", AttributeValue.fromS("DRAFT")), r.expressionAttributeValues());
        assertEquals("Table", r.tableName());
        assertEquals(KEY, r.key());
    }

    @Test
    void aPlaceholderIsMatchedWholeNotAsThePrefixOfAnother() {
        UpdateItemRequest r = update().set("#rs", "reviewState", "MARKED").value(":r", "unused").request();
        assertFalse(r.expressionAttributeValues().containsKey(":r"), "':r' is a prefix of ':rs', not a use of it");
    }

    @Test
    void aLaterSetOfTheSameAttributeReplacesTheEarlierOne() {
        // DynamoDB refuses two clauses on one path ("Two document paths overlap")
        UpdateItemRequest r = update().setIfAbsent("#status", "status", AttributeValue.fromS("DRAFT"))
                .set("#status", "status", "SUBMITTED").request();
        assertEquals("SET #status = :status", r.updateExpression());
        assertEquals(AttributeValue.fromS("SUBMITTED"), r.expressionAttributeValues().get(":status"));
    }

    @Test
    void removeOnlyWritesNoEmptySetAndAnEmptyUpdateIsRefused() {
        assertEquals("REMOVE #g3pk", update().remove("#g3pk", Keys.GSI3PK).request().updateExpression());
        assertEquals("SET #a = :a REMOVE #g2pk, #g2sk",
                update().set("#a", "a", "1").remove("#g2pk", Keys.GSI2PK).remove("#g2sk", Keys.GSI2SK).remove("#g2pk", Keys.GSI2PK)
                        .request().updateExpression());
        assertThrows(IllegalStateException.class, () -> update().request());
    }

    @Test
    void conditionsJoinedWithAndKeepTheirMeaning() {
        assertEquals("(#a = :a OR #b = :b) AND attribute_not_exists(#v)",
                update().set("#x", "x", "1").when("#a = :a OR #b = :b").and("attribute_not_exists(#v)").request().conditionExpression());
        assertEquals("(attribute_not_exists(PK) OR #s = :d) AND (attribute_not_exists(#open) OR contains(#open, :section))",
                update().set("#x", "x", "1").when("(attribute_not_exists(PK) OR #s = :d)")
                        .and("(attribute_not_exists(#open) OR contains(#open, :section))").request().conditionExpression());
        assertEquals("#v = :v", update().set("#x", "x", "1").and("#v = :v").request().conditionExpression());
        assertNull(update().set("#x", "x", "1").request().conditionExpression());
    }

    @Test
    void everyHistoryLineHasOneShape() {
        UpdateItemRequest r = update().appendHistory(AT, "REOPENED", "90000001", "記載漏れ").request();
        assertEquals("SET #history = list_append(if_not_exists(#history, :noHistory), :historyLine)", r.updateExpression());
        assertEquals("history", r.expressionAttributeNames().get("#history"));
        assertEquals(AttributeValue.fromL(List.of()), r.expressionAttributeValues().get(":noHistory"));
        Map<String, AttributeValue> line = r.expressionAttributeValues().get(":historyLine").l().get(0).m();
        assertEquals(Map.of("at", AttributeValue.fromS("2026-05-01T01:02:03Z"), "event", AttributeValue.fromS("REOPENED"),
                "by", AttributeValue.fromS("90000001"), "note", AttributeValue.fromS("記載漏れ")), line);

        Map<String, AttributeValue> noNote = update().appendHistory(AT, "SUBMITTED", "10000001", null).request()
                .expressionAttributeValues().get(":historyLine").l().get(0).m();
        assertFalse(noNote.containsKey("note"), "no empty note is stored");
    }

    @Test
    void aCounterStartsAtOne() {
        UpdateItemRequest r = update().increment("#v", "version").request();
        assertEquals("SET #v = if_not_exists(#v, :zero) + :one", r.updateExpression());
        assertTrue(r.expressionAttributeValues().keySet().containsAll(List.of(":zero", ":one")));
    }
}
