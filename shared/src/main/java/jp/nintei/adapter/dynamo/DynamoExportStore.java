package jp.nintei.adapter.dynamo;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.port.ExportStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link ExportStore} on the single table: one item per job, {@code EXPORT#<id>}. */
public final class DynamoExportStore implements ExportStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoExportStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * The table's TTL attribute (template.yaml TimeToLiveSpecification): DynamoDB deletes a job item within days
     * after this time (epoch seconds), so the record of every export does not stay for ever.
     */
    public static final String EXPIRES_AT = "expiresAt";
    /** A job record outlives its file (a day) long enough for the page to say that the file has expired. */
    static final java.time.Duration RECORD_LIFETIME = java.time.Duration.ofDays(7);

    private static Map<String, AttributeValue> key(String id) { return Keys.key(Keys.export(id), Keys.export(id)); }

    @Override
    public boolean start(Job job) {
        Map<String, AttributeValue> item = new HashMap<>(key(job.id()));
        item.put("year", AttributeValue.fromN(Integer.toString(job.year())));
        item.put("kind", AttributeValue.fromS(job.kind().name()));
        item.put("status", AttributeValue.fromS(Status.BUILDING.name()));
        item.put("stage", AttributeValue.fromS(job.stage()));
        item.put("done", AttributeValue.fromN("0"));
        item.put("total", AttributeValue.fromN("0"));
        item.put("actor", AttributeValue.fromS(job.actor()));
        item.put("startedAt", AttributeValue.fromS(job.startedAt().toString()));
        item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(job.startedAt().plus(RECORD_LIFETIME).getEpochSecond())));
        // the put's own token: a put the SDK sent again after its first attempt landed finds this token, not a job
        // another request started, and goes on building
        String token = java.util.UUID.randomUUID().toString();
        item.put(RetrySafeWrite.TOKEN, AttributeValue.fromS(token));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            var now = dynamo.getItem(g -> g.tableName(table).key(key(job.id())).consistentRead(true));
            return now.hasItem() && token.equals(Attr.s(now.item(), RetrySafeWrite.TOKEN));
        }
    }

    @Override
    public void progress(String id, String stage, int done, int total) {
        // refused once the job is over: its progress stays as it ended
        update(id).set("#st", "stage", stage).set("#d", "done", n(done)).set("#t", "total", n(total))
                .when("#s = :building").name("#s", "status").value(":building", Status.BUILDING.name())
                .runOnce(dynamo);
    }

    @Override
    public void finish(String id, String fileKey, int rows, long bytes, Instant at) {
        update(id).set("#s", "status", Status.READY.name()).set("#f", "fileKey", fileKey).set("#r", "rows", n(rows))
                .set("#b", "bytes", n(bytes)).set("#d", "done", n(rows)).set("#t", "total", n(rows)).set("#st", "stage", "完了")
                .set("#at", "finishedAt", at.toString())
                .runOnce(dynamo);
    }

    @Override
    public void fail(String id, String error, Instant at) {
        update(id).set("#s", "status", Status.FAILED.name()).set("#e", "error", error).set("#at", "finishedAt", at.toString())
                .runOnce(dynamo);
    }

    /** Job writes set the same values when applied twice: sent once, as they are (the export function reads no item back). */
    private ConditionalUpdate update(String id) { return new ConditionalUpdate(table, key(id)); }

    @Override
    public Optional<Job> find(String id) {
        var r = dynamo.getItem(g -> g.tableName(table).key(key(id)).consistentRead(true));
        if (!r.hasItem()) return Optional.empty();
        var i = r.item();
        return Optional.of(new Job(id, Attr.n(i, "year"), ApplicationKind.valueOf(Attr.s(i, "kind")), Status.valueOf(Attr.s(i, "status")),
                Attr.s(i, "stage"), Attr.n(i, "done"), Attr.n(i, "total"), Attr.s(i, "fileKey"),
                i.containsKey("rows") ? Attr.n(i, "rows") : 0, i.containsKey("bytes") ? Long.parseLong(i.get("bytes").n()) : 0,
                Attr.s(i, "actor"), Instant.parse(Attr.s(i, "startedAt")), Attr.s(i, "error")));
    }

    private static AttributeValue n(long v) { return AttributeValue.fromN(Long.toString(v)); }
}
