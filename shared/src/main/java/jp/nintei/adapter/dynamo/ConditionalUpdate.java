package jp.nintei.adapter.dynamo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One UpdateItem on the single table, the one way the stores change part of an item: SET and REMOVE clauses, a
 * condition, the history line, and only the placeholders the expressions use (DynamoDB refuses unused ones).
 * {@link #run} sends it retry-safe ({@link RetrySafeWrite}); {@link #runOnce} as it is, for the few writes that
 * are the same when applied twice and whose functions may not read the item back.
 *
 * <p>Placeholders are given by the caller ({@code #status}, {@code :draft}), so an expression reads as written.
 */
final class ConditionalUpdate {
    /** The attribute holding an application's history (a list of {at, event, by, note}). */
    static final String HISTORY = "history";

    private final String table;
    private final Map<String, AttributeValue> key;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final LinkedHashMap<String, String> sets = new LinkedHashMap<>();
    private final List<String> removes = new ArrayList<>();
    private String condition;
    private ReturnValue returnValue;

    ConditionalUpdate(String table, Map<String, AttributeValue> key) {
        this.table = table;
        this.key = key;
    }

    /** Declares {@code #placeholder} as {@code attribute}, for a condition or a clause written by hand. */
    ConditionalUpdate name(String placeholder, String attribute) {
        names.put(placeholder, attribute);
        return this;
    }

    /** Declares {@code :placeholder} as {@code value}. */
    ConditionalUpdate value(String placeholder, AttributeValue value) {
        values.put(placeholder, value);
        return this;
    }

    ConditionalUpdate value(String placeholder, String value) { return value(placeholder, AttributeValue.fromS(value)); }

    ConditionalUpdate value(String placeholder, long value) { return value(placeholder, n(value)); }

    /** {@code #p = :p}: the attribute set to the value; a later set of the same placeholder replaces it. */
    ConditionalUpdate set(String placeholder, String attribute, AttributeValue value) {
        names.put(placeholder, attribute);
        String v = ":" + placeholder.substring(1);
        values.put(v, value);
        sets.put(placeholder, placeholder + " = " + v);
        return this;
    }

    ConditionalUpdate set(String placeholder, String attribute, String value) {
        return set(placeholder, attribute, AttributeValue.fromS(value));
    }

    /** Written on the item's first write and kept after ({@code if_not_exists}). */
    ConditionalUpdate setIfAbsent(String placeholder, String attribute, AttributeValue value) {
        names.put(placeholder, attribute);
        String v = ":" + placeholder.substring(1);
        values.put(v, value);
        sets.put(placeholder, placeholder + " = if_not_exists(" + placeholder + ", " + v + ")");
        return this;
    }

    /** {@code #p = if_not_exists(#p, 0) + 1}: a counter or a version. */
    ConditionalUpdate increment(String placeholder, String attribute) {
        names.put(placeholder, attribute);
        values.put(":zero", n(0));
        values.put(":one", n(1));
        sets.put(placeholder, placeholder + " = if_not_exists(" + placeholder + ", :zero) + :one");
        return this;
    }

    /** A SET clause written by hand ({@code #d.#ds = :registered}); its placeholders declared with name/value. */
    ConditionalUpdate setClause(String clause) {
        sets.put(clause, clause);
        return this;
    }

    ConditionalUpdate remove(String placeholder, String attribute) {
        names.put(placeholder, attribute);
        if (!removes.contains(placeholder)) removes.add(placeholder);
        return this;
    }

    /**
     * One line more in the item's history, the record the secretariat reads (who did what, when, and why). The
     * only place a history line is written, so every line has the same shape.
     */
    ConditionalUpdate appendHistory(Instant at, String event, String by, String note) {
        Map<String, AttributeValue> line = new HashMap<>(Map.of("at", AttributeValue.fromS(at.toString()),
                "event", AttributeValue.fromS(event), "by", AttributeValue.fromS(by)));
        if (note != null) line.put("note", AttributeValue.fromS(note));
        names.put("#history", HISTORY);
        values.put(":noHistory", AttributeValue.fromL(List.of()));
        values.put(":historyLine", AttributeValue.fromL(List.of(AttributeValue.fromM(line))));
        sets.put("#history", "#history = list_append(if_not_exists(#history, :noHistory), :historyLine)");
        return this;
    }

    /** The condition the item must meet (replacing any before). */
    ConditionalUpdate when(String condition) {
        this.condition = condition;
        return this;
    }

    /** One more condition, with AND. */
    ConditionalUpdate and(String more) {
        if (condition == null) return when(more);
        this.condition = (RetrySafeWrite.hasTopLevelOr(condition) ? "(" + condition + ")" : condition) + " AND "
                + (RetrySafeWrite.hasTopLevelOr(more) ? "(" + more + ")" : more);
        return this;
    }

    ConditionalUpdate returning(ReturnValue returnValue) {
        this.returnValue = returnValue;
        return this;
    }

    String condition() { return condition; }

    /** The attribute a {@code #placeholder} stands for, or null. */
    String attribute(String placeholder) { return names.get(placeholder); }

    /** The value a {@code :placeholder} stands for, or null. */
    AttributeValue valueOf(String placeholder) { return values.get(placeholder); }

    Map<String, AttributeValue> key() { return key; }

    /** The request: the expressions, and the placeholders they use. */
    UpdateItemRequest request() {
        if (sets.isEmpty() && removes.isEmpty()) throw new IllegalStateException("an update with nothing to set or remove");
        StringBuilder expr = new StringBuilder();
        if (!sets.isEmpty()) expr.append("SET ").append(String.join(", ", sets.values()));
        if (!removes.isEmpty()) expr.append(expr.length() == 0 ? "REMOVE " : " REMOVE ").append(String.join(", ", removes));
        String all = condition == null ? expr.toString() : expr + " " + condition;
        Map<String, String> usedNames = new HashMap<>();
        names.forEach((k, v) -> { if (containsToken(all, k)) usedNames.put(k, v); });
        Map<String, AttributeValue> usedValues = new HashMap<>();
        values.forEach((k, v) -> { if (containsToken(all, k)) usedValues.put(k, v); });
        UpdateItemRequest.Builder b = UpdateItemRequest.builder().tableName(table).key(key).updateExpression(expr.toString());
        if (condition != null) b.conditionExpression(condition);
        if (!usedNames.isEmpty()) b.expressionAttributeNames(usedNames);
        if (!usedValues.isEmpty()) b.expressionAttributeValues(usedValues);
        if (returnValue != null) b.returnValues(returnValue);
        return b.build();
    }

    /**
     * Sends the update, safe for the SDK to retry. Throws {@link ConditionalCheckFailedException} when the item
     * refused it (and holds no earlier attempt of this write).
     */
    RetrySafeWrite.Result run(DynamoDbClient dynamo) {
        return RetrySafeWrite.update(dynamo, request());
    }

    /** {@link #run}, answering false where the condition refused the write. */
    boolean runIfAllowed(DynamoDbClient dynamo) {
        try {
            run(dynamo);
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }

    /**
     * Sends the update once as it is (the SDK may still repeat it): only for writes that end the same when applied
     * twice. False where the condition refused it.
     */
    boolean runOnce(DynamoDbClient dynamo) {
        try {
            dynamo.updateItem(request());
            return true;
        } catch (ConditionalCheckFailedException refused) {
            return false;
        }
    }

    private static AttributeValue n(long v) { return AttributeValue.fromN(Long.toString(v)); }

    /** {@code token} appears whole in {@code text} ({@code :one} is not in {@code :ones}). */
    static boolean containsToken(String text, String token) {
        int i = text.indexOf(token);
        while (i >= 0) {
            int end = i + token.length();
            if (end >= text.length() || !isNameChar(text.charAt(end))) return true;
            i = text.indexOf(token, i + 1);
        }
        return false;
    }

    private static boolean isNameChar(char c) { return Character.isLetterOrDigit(c) || c == '_'; }
}
