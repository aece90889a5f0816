package jp.nintei.adapter.dynamo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.nintei.port.StoreUnavailable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The one way the stores read and write in batches. DynamoDB answers part of a batch under load and names the
 * rest unprocessed (it does not throw): those are sent again after an exponential backoff with full jitter
 * (AWS's advice, so that many callers do not retry in step), and when some are still left after
 * {@link #MAX_ATTEMPTS} the batch fails with {@link StoreUnavailable}: a list or an export is complete or it is
 * an error, never silently short.
 */
public final class DynamoBatch {
    static final int MAX_ATTEMPTS = 12;
    private static final long BASE_MILLIS = 25;
    private static final long CAP_MILLIS = 1_000;

    private DynamoBatch() {}

    /** Every item of {@code keys} that exists (100 keys to a request); {@code template} sets projection and consistency. */
    public static List<Map<String, AttributeValue>> get(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys,
                                                        KeysAndAttributes template) {
        List<Map<String, AttributeValue>> out = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += 100) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(), from + 100));
            Map<String, KeysAndAttributes> request = Map.of(table, template.toBuilder().keys(chunk).build());
            for (int attempt = 1; ; attempt++) {
                Map<String, KeysAndAttributes> pending = request;
                var r = dynamo.batchGetItem(b -> b.requestItems(pending));
                out.addAll(r.responses().getOrDefault(table, List.of()));
                if (!r.hasUnprocessedKeys() || r.unprocessedKeys().isEmpty()) break;
                if (attempt >= MAX_ATTEMPTS) {
                    throw new StoreUnavailable("BatchGetItem left " + r.unprocessedKeys().get(table).keys().size()
                            + " keys unprocessed after " + attempt + " attempts");
                }
                backoff(attempt);
                request = r.unprocessedKeys();
            }
        }
        return out;
    }

    /** Writes every request (25 to a BatchWriteItem), retrying the unprocessed ones. */
    public static void write(DynamoDbClient dynamo, String table, List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += 25) {
            Map<String, List<WriteRequest>> request = Map.of(table, writes.subList(from, Math.min(writes.size(), from + 25)));
            for (int attempt = 1; ; attempt++) {
                Map<String, List<WriteRequest>> pending = request;
                var r = dynamo.batchWriteItem(b -> b.requestItems(pending));
                if (!r.hasUnprocessedItems() || r.unprocessedItems().isEmpty()) break;
                if (attempt >= MAX_ATTEMPTS) {
                    throw new StoreUnavailable("BatchWriteItem left " + r.unprocessedItems().get(table).size()
                            + " items unprocessed after " + attempt + " attempts");
                }
                backoff(attempt);
                request = new HashMap<>(r.unprocessedItems());
            }
        }
    }

    /** Full jitter: a random pause up to 25 ms × 2^(attempt-1), at most one second. */
    static void backoff(int attempt) {
        long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while waiting to retry a batch");
        }
    }
}
