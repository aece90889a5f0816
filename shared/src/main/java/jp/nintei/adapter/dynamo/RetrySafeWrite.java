package jp.nintei.adapter.dynamo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * An UpdateItem that is safe for the SDK to retry. The SDK sends a write again when an answer is late or a
 * connection drops, also when the first attempt was already applied; the second attempt then fails its own
 * condition (the version moved, the status changed) and would read as a conflict, or, without a condition,
 * be applied twice (a history line twice). So every write carries a token of its own, stored in the item with
 * it: the condition refuses a second attempt with the same token, and a refusal whose item holds our token is
 * our earlier attempt having landed, a success, answered with the item as it is.
 */
final class RetrySafeWrite {
    /** The item attribute that holds the token of the last write. */
    static final String TOKEN = "lastWrite";

    private RetrySafeWrite() {}

    /** What the write did: the answer, and whether it was recognised as an earlier attempt that had landed. */
    record Result(UpdateItemResponse response, boolean earlierAttempt) {
        Map<String, AttributeValue> attributes() { return response.hasAttributes() ? response.attributes() : Map.of(); }
    }

    static Result update(DynamoDbClient dynamo, java.util.function.Consumer<UpdateItemRequest.Builder> request) {
        UpdateItemRequest.Builder b = UpdateItemRequest.builder();
        request.accept(b);
        return update(dynamo, b.build());
    }

    /**
     * Runs {@code request} once with a fresh token (the SDK's retries reuse it). Throws
     * {@link ConditionalCheckFailedException} only when the item refused the write and holds no write of ours.
     */
    static Result update(DynamoDbClient dynamo, UpdateItemRequest request) {
        String token = UUID.randomUUID().toString();
        Map<String, String> names = new HashMap<>(request.hasExpressionAttributeNames() ? request.expressionAttributeNames() : Map.of());
        Map<String, AttributeValue> values = new HashMap<>(request.hasExpressionAttributeValues() ? request.expressionAttributeValues() : Map.of());
        names.put("#lastWrite", TOKEN);
        values.put(":lastWrite", AttributeValue.fromS(token));
        String update = request.updateExpression();
        int remove = update.indexOf(" REMOVE ");
        String set = "#lastWrite = :lastWrite";
        update = update.startsWith("SET ")
                ? (remove < 0 ? update + ", " + set : update.substring(0, remove) + ", " + set + update.substring(remove))
                : "SET " + set + " " + update;
        String notOurs = "(attribute_not_exists(#lastWrite) OR #lastWrite <> :lastWrite)";
        String c = request.conditionExpression();
        // parentheses only where needed: DynamoDB refuses redundant ones
        String condition = c == null ? notOurs : (hasTopLevelOr(c) ? "(" + c + ")" : c) + " AND " + notOurs;
        UpdateItemRequest guarded = request.toBuilder().updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
        try {
            return new Result(dynamo.updateItem(guarded), false);
        } catch (ConditionalCheckFailedException refused) {
            Result mine = ours(dynamo, request, token);
            if (mine != null) return mine;
            throw refused;
        } catch (SdkException failed) {
            // the SDK gave up (throttled, 5xx, no answer) after retrying, but an earlier attempt may have landed:
            // answering "failed, try again" then would be untrue, so one consistent read settles it when it can
            Result mine;
            try {
                mine = ours(dynamo, request, token);
            } catch (SdkException stillFailing) {
                failed.addSuppressed(stillFailing);
                throw failed;
            }
            if (mine != null) return mine;
            throw failed;
        }
    }

    /** The item as it is, when it holds this write's token (an attempt of this write landed); else null. */
    private static Result ours(DynamoDbClient dynamo, UpdateItemRequest request, String token) {
        var now = dynamo.getItem(g -> g.tableName(request.tableName()).key(request.key()).consistentRead(true));
        if (now.hasItem() && token.equals(Attr.s(now.item(), TOKEN))) {
            return new Result(UpdateItemResponse.builder().attributes(now.item()).build(), true);
        }
        return null;
    }

    static boolean hasTopLevelOr(String condition) {
        int depth = 0;
        String upper = condition.toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < upper.length(); i++) {
            char ch = upper.charAt(i);
            if (ch == '(') depth++;
            else if (ch == ')') depth--;
            else if (depth == 0 && upper.startsWith(" OR ", i)) return true;
        }
        return false;
    }
}
