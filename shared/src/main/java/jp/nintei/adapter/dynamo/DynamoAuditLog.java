package jp.nintei.adapter.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.nintei.domain.AppClock;
import jp.nintei.port.AuditLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** {@link AuditLog} on the single table: each line in its JST day's partition and, when about a member, in the member's. */
public final class DynamoAuditLog implements AuditLog {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAuditLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(Entry e) { record(e, Keys.auditLine(e.at(), UUID.randomUUID().toString().substring(0, 8))); }

    /** An audit line under a fixed id: written twice, it is still one line. */
    void record(Entry e, String id) {
        LocalDate day = e.at().atZone(AppClock.JST).toLocalDate();
        List<WriteRequest> writes = new ArrayList<>();
        writes.add(put(auditItem(Keys.auditDay(day), id, e)));
        if (e.memberNo() != null) writes.add(put(auditItem(Keys.auditMember(e.memberNo()), id, e)));
        DynamoBatch.write(dynamo, table, writes);
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static Map<String, AttributeValue> auditItem(String pk, String sk, Entry e) {
        Map<String, AttributeValue> i = new HashMap<>(Keys.key(pk, sk));
        i.put("at", AttributeValue.fromS(e.at().toString()));
        i.put("actor", AttributeValue.fromS(e.actor()));
        i.put("action", AttributeValue.fromS(e.action()));
        if (e.memberNo() != null) i.put("memberNo", AttributeValue.fromS(e.memberNo()));
        if (e.application() != null) i.put("application", AttributeValue.fromS(e.application()));
        if (e.before() != null) i.put("before", AttributeValue.fromS(e.before()));
        if (e.after() != null) i.put("after", AttributeValue.fromS(e.after()));
        return i;
    }

    @Override
    public List<Entry> on(LocalDate day) { return entriesIn(Keys.auditDay(day)); }

    @Override
    public List<Entry> of(String memberNo) { return entriesIn(Keys.auditMember(memberNo)); }

    private List<Entry> entriesIn(String pk) {
        List<Entry> out = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table).keyConditionExpression("PK = :pk").scanIndexForward(false)
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items()
                .forEach(i -> out.add(new Entry(Instant.parse(Attr.s(i, "at")), Attr.s(i, "actor"), Attr.s(i, "action"),
                        Attr.s(i, "memberNo"), Attr.s(i, "application"), Attr.s(i, "before"), Attr.s(i, "after"))));
        return out;
    }
}
