package jp.nintei.adapter.dynamo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.port.ApplicationLists;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** {@link ApplicationLists} on the single table: lists and counts through GSI1 (never a scan), items by BatchGetItem. */
public final class DynamoApplicationLists implements ApplicationLists {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoApplicationLists(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Page list(int year, ApplicationKind kind, ApplicationStatus status, String cursor, int limit) {
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(Keys.GSI1).scanIndexForward(false).limit(limit);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(Keys.applicationList(year, kind))));
        if (status == null) {
            q.keyConditionExpression("#pk = :pk");
            q.expressionAttributeNames(Map.of("#pk", Keys.GSI1PK));
        } else {
            q.keyConditionExpression("#pk = :pk AND begins_with(#sk, :status)");
            q.expressionAttributeNames(Map.of("#pk", Keys.GSI1PK, "#sk", Keys.GSI1SK));
            values.put(":status", AttributeValue.fromS(Keys.statusPrefix(status)));
        }
        q.expressionAttributeValues(values);
        if (cursor != null && !cursor.isBlank()) q.exclusiveStartKey(PageCursor.decode(cursor));
        QueryResponse r = dynamo.query(q.build());
        List<ListRow> rows = new ArrayList<>();
        for (Map<String, AttributeValue> i : r.items()) {
            String s = Attr.s(i, "status");
            String july = Attr.s(i, "july");
            rows.add(new ListRow(Attr.s(i, MemberMapper.MEMBER_NO), ApplicationKind.valueOf(Attr.s(i, "kind")),
                    s == null ? ApplicationStatus.DRAFT : ApplicationStatus.valueOf(s), Attr.instant(i, "submittedAt"),
                    Attr.s(i, "receiptNo"), mailState(Attr.s(i, "mailState")), Attr.bool(i, "duesInProcess"),
                    jp.nintei.adapter.json.SectionJson.july(july == null ? null : Json.parse(july)),
                    Attr.s(i, "confirmedJuly"), Attr.s(i, "confirmedDues"), Attr.date(i, MemberMapper.EXTENDED_UNTIL)));
        }
        return new Page(rows, r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? PageCursor.encode(r.lastEvaluatedKey()) : null);
    }

    @Override
    public Map<ApplicationStatus, Integer> counts(int year, ApplicationKind kind) {
        Map<ApplicationStatus, Integer> out = new EnumMap<>(ApplicationStatus.class);
        for (ApplicationStatus s : ApplicationStatus.values()) {
            int n = 0;
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(Keys.GSI1).select(Select.COUNT)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :status)")
                        .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK, "#sk", Keys.GSI1SK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.applicationList(year, kind)),
                                ":status", AttributeValue.fromS(Keys.statusPrefix(s))));
                if (start != null) q.exclusiveStartKey(start);
                QueryResponse r = dynamo.query(q.build());
                n += r.count();
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
            out.put(s, n);
        }
        return out;
    }

    @Override
    public Map<String, Member> members(Collection<String> memberNos) { return profiles(dynamo, table, memberNos); }

    /** Profiles by 会員番号 through the one batch helper (also the member import's read of what is stored). */
    static Map<String, Member> profiles(DynamoDbClient dynamo, String table, Collection<String> memberNos) {
        Map<String, Member> out = new LinkedHashMap<>();
        for (Map<String, AttributeValue> i : batchGet(dynamo, table, memberNos, no -> Keys.key(Keys.member(no), Keys.PROFILE))) {
            Member m = MemberMapper.member(i);
            out.put(m.memberNo(), m);
        }
        return out;
    }

    /** Items by key, through the one batch helper (100 to a request, unprocessed keys retried with backoff, or an error). */
    static List<Map<String, AttributeValue>> batchGet(DynamoDbClient dynamo, String table, Collection<String> ids,
                                                      java.util.function.Function<String, Map<String, AttributeValue>> key) {
        List<Map<String, AttributeValue>> keys = new java.util.LinkedHashSet<>(ids).stream().map(key).toList();
        return DynamoBatch.get(dynamo, table, keys, KeysAndAttributes.builder().build());
    }

    @Override
    public Map<String, jp.nintei.domain.application.PrimaryApplication> primaries(int year, ApplicationKind kind,
                                                                              Collection<String> memberNos) {
        return byMember(items(year, kind, memberNos), ApplicationMapper::application, jp.nintei.domain.application.PrimaryApplication::memberNo);
    }

    @Override
    public Map<String, jp.nintei.domain.secondary.SecondaryApplication> secondaries(int year, ApplicationKind kind,
                                                                                 Collection<String> memberNos) {
        return byMember(items(year, kind, memberNos), SecondaryMapper::secondary, jp.nintei.domain.secondary.SecondaryApplication::memberNo);
    }

    /** Each item read through {@code mapper}, keyed by its 会員番号, in the order read. */
    private static <T> Map<String, T> byMember(List<Map<String, AttributeValue>> items,
                                               java.util.function.Function<Map<String, AttributeValue>, T> mapper,
                                               java.util.function.Function<T, String> memberNo) {
        Map<String, T> out = new LinkedHashMap<>();
        for (Map<String, AttributeValue> i : items) {
            T a = mapper.apply(i);
            out.put(memberNo.apply(a), a);
        }
        return out;
    }

    private List<Map<String, AttributeValue>> items(int year, ApplicationKind kind, Collection<String> memberNos) {
        return batchGet(dynamo, table, memberNos, no -> Keys.key(Keys.member(no), Keys.application(year, kind)));
    }

    @Override
    public jp.nintei.domain.YearWindows windows(int year) {
        var r = dynamo.getItem(g -> g.tableName(table).key(Keys.windowItem(year)));
        return MemberMapper.windows(year, r.hasItem() ? r.item() : null);
    }

    /** The stored mail state; none on an application never submitted. */
    private static MailStatus.State mailState(String stored) { return stored == null ? null : MailStatus.State.valueOf(stored); }
}
