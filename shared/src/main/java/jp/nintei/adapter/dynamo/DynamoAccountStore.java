package jp.nintei.adapter.dynamo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.nintei.domain.account.AccountState;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.port.AccountStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link AccountStore} on the single table: {@code PK=MEMBER#<会員番号>, SK=ACCOUNT}; every account is listed under
 * GSI1 {@code ACCOUNTS} (by 会員番号), a queued one also under the sparse GSI2 {@code ACCOUNT#PENDING}.
 */
public final class DynamoAccountStore implements AccountStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAccountStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String memberNo) { return Keys.key(Keys.member(memberNo), Keys.ACCOUNT); }

    /** A queued account item (written by the member import beside the profile). */
    public static Map<String, AttributeValue> queuedItem(String memberNo, String email, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key(memberNo));
        item.put(MemberMapper.MEMBER_NO, AttributeValue.fromS(memberNo));
        if (email != null) item.put("email", AttributeValue.fromS(email));
        item.put("status", AttributeValue.fromS(AccountState.QUEUED.name()));
        item.put("updatedAt", AttributeValue.fromS(at.toString()));
        item.put(Keys.GSI1PK, AttributeValue.fromS(Keys.ACCOUNT_LIST));
        item.put(Keys.GSI1SK, AttributeValue.fromS(memberNo));
        item.put(Keys.GSI2PK, AttributeValue.fromS(Keys.ACCOUNT_QUEUE));
        item.put(Keys.GSI2SK, AttributeValue.fromS(Keys.accountQueueSort(at, memberNo)));
        return item;
    }

    static Account account(Map<String, AttributeValue> i) {
        String s = Attr.s(i, "status");
        return new Account(Attr.s(i, MemberMapper.MEMBER_NO), Attr.s(i, "email"), s == null ? AccountState.QUEUED : AccountState.valueOf(s),
                Attr.s(i, "reason"), Attr.instant(i, "invitedAt"), Attr.instant(i, "validTo"), Attr.s(i, "mailId"),
                Attr.s(i, "mailState"), Attr.s(i, "mailProblem"), Attr.s(i, "resetHash"), Attr.instant(i, "resetValidTo"),
                Attr.n(i, "resetAttempts"), Attr.n(i, "resetsSent"), Attr.instant(i, "resetsSince"), Attr.instant(i, "updatedAt"));
    }

    @Override
    public Optional<Account> find(String memberNo) {
        var r = dynamo.getItem(g -> g.tableName(table).key(key(memberNo)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(account(r.item())) : Optional.empty();
    }

    @Override
    public Map<String, Account> find(Collection<String> memberNos) {
        Map<String, Account> out = new LinkedHashMap<>();
        List<Map<String, AttributeValue>> keys = new java.util.LinkedHashSet<>(memberNos).stream().map(DynamoAccountStore::key).toList();
        for (var i : DynamoBatch.get(dynamo, table, keys, KeysAndAttributes.builder().build())) {
            Account a = account(i);
            out.put(a.memberNo(), a);
        }
        return out;
    }

    @Override
    public List<String> queued(int limit) {
        List<String> out = new ArrayList<>();
        QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI2).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI2PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.ACCOUNT_QUEUE))).limit(limit));
        for (Map<String, AttributeValue> i : r.items()) out.add(Keys.memberNoOf(Attr.s(i, Keys.PK)));
        return out;
    }

    @Override
    public void queue(String memberNo, String email, Instant at) {
        dynamo.putItem(p -> p.tableName(table).item(queuedItem(memberNo, email, at)));
    }

    @Override
    public void invited(String memberNo, String email, String mailId, Instant validTo, Instant at) {
        update(memberNo, at, "SET #s = :s, email = :e, mailId = :m, invitedAt = :at, validTo = :v, mailState = :sent"
                        + " REMOVE reason, mailProblem, #g2pk, #g2sk",
                Map.of(":s", AttributeValue.fromS(AccountState.INVITED.name()), ":e", AttributeValue.fromS(email),
                        ":m", AttributeValue.fromS(mailId), ":v", AttributeValue.fromS(validTo.toString()),
                        ":sent", AttributeValue.fromS(MailStatus.State.SENT.name())), null);
    }

    @Override
    public void active(String memberNo, String email, Instant at) {
        Map<String, AttributeValue> v = new HashMap<>(Map.of(":s", AttributeValue.fromS(AccountState.ACTIVE.name())));
        String set = "SET #s = :s";
        if (email != null) {
            set += ", email = :e";
            v.put(":e", AttributeValue.fromS(email));
        }
        update(memberNo, at, set + " REMOVE reason, validTo, #g2pk, #g2sk", v, null);
    }

    @Override
    public void failed(String memberNo, String email, String reason, Instant at) {
        Map<String, AttributeValue> v = new HashMap<>(Map.of(":s", AttributeValue.fromS(AccountState.FAILED.name()),
                ":r", AttributeValue.fromS(reason)));
        String set = "SET #s = :s, reason = :r";
        if (email != null) {
            set += ", email = :e";
            v.put(":e", AttributeValue.fromS(email));
        }
        update(memberNo, at, set + " REMOVE #g2pk, #g2sk", v, null);
    }

    /** Every update keeps the item listed under GSI1 and stamps updatedAt. */
    private void update(String memberNo, Instant at, String expression, Map<String, AttributeValue> values, String condition) {
        Map<String, String> names = new HashMap<>(Map.of("#s", "status", "#g2pk", Keys.GSI2PK, "#g2sk", Keys.GSI2SK,
                "#g1pk", Keys.GSI1PK, "#g1sk", Keys.GSI1SK, "#no", MemberMapper.MEMBER_NO));
        Map<String, AttributeValue> v = new HashMap<>(values);
        v.put(":at", AttributeValue.fromS(at.toString()));
        v.put(":list", AttributeValue.fromS(Keys.ACCOUNT_LIST));
        v.put(":memberNo", AttributeValue.fromS(memberNo));
        String set = " , updatedAt = :at, #g1pk = :list, #g1sk = :memberNo, #no = :memberNo";
        int cut = expression.indexOf(" REMOVE ");
        String expr = cut < 0 ? expression + set : expression.substring(0, cut) + set + expression.substring(cut);
        names.keySet().removeIf(n -> !expr.contains(n));
        // safe to retry: an account write whose first attempt landed is not refused by its own condition
        RetrySafeWrite.update(dynamo, u -> {
            u.tableName(table).key(key(memberNo)).updateExpression(expr).expressionAttributeNames(names).expressionAttributeValues(v);
            if (condition != null) u.conditionExpression(condition);
        });
    }

    @Override
    public Page page(String cursor, int limit, boolean problemsOnly, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.GSI1PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(Keys.ACCOUNT_LIST)));
        if (problemsOnly) {
            names.putAll(Map.of("#s", "status", "#ms", "mailState", "#vt", "validTo"));
            values.putAll(Map.of(":failed", AttributeValue.fromS(AccountState.FAILED.name()),
                    ":invited", AttributeValue.fromS(AccountState.INVITED.name()), ":bounced", AttributeValue.fromS(MailStatus.State.BOUNCED.name()),
                    ":complained", AttributeValue.fromS(MailStatus.State.COMPLAINED.name()), ":now", AttributeValue.fromS(now.toString())));
        }
        Map<String, AttributeValue> start = cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor);
        List<String> nos = new ArrayList<>();
        // a filtered page reads on until it has its rows (few members need the secretariat among thousands)
        for (int round = 0; round < 40; round++) {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(names).expressionAttributeValues(values)
                    .limit(limit);
            if (problemsOnly) q.filterExpression("#s = :failed OR #ms IN (:bounced, :complained) OR (#s = :invited AND #vt < :now)");
            if (start != null) q.exclusiveStartKey(start);
            QueryResponse r = dynamo.query(q.build());
            r.items().forEach(i -> nos.add(Attr.s(i, Keys.GSI1SK)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            if (start == null || nos.size() >= limit) break;
        }
        Map<String, Account> full = find(nos);
        List<Account> rows = nos.stream().map(full::get).filter(java.util.Objects::nonNull).toList();
        return new Page(rows, start == null ? null : PageCursor.encode(start));
    }

    @Override
    public boolean saveResetCode(String memberNo, String hash, Instant validTo, Instant at, int maxPerHour, AccountState ifNoRecord) {
        Account a = find(memberNo).orElse(null);
        boolean newHour = a == null || a.resetsSince() == null || a.resetsSince().isBefore(at.minus(Duration.ofHours(1)));
        if (!newHour && a.resetsSent() >= maxPerHour) return false;
        Map<String, AttributeValue> v = new HashMap<>(Map.of(":h", AttributeValue.fromS(hash), ":v", AttributeValue.fromS(validTo.toString()),
                ":zero", AttributeValue.fromN("0"), ":one", AttributeValue.fromN("1"), ":at", AttributeValue.fromS(at.toString()),
                ":list", AttributeValue.fromS(Keys.ACCOUNT_LIST), ":memberNo", AttributeValue.fromS(memberNo)));
        v.put(":state", AttributeValue.fromS(ifNoRecord.name()));
        String count = newHour ? "resetsSent = :one, resetsSince = :at" : "resetsSent = resetsSent + :one";
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(memberNo))
                    .updateExpression("SET resetHash = :h, resetValidTo = :v, resetAttempts = :zero, " + count
                            + ", updatedAt = :at, #g1pk = if_not_exists(#g1pk, :list), #g1sk = if_not_exists(#g1sk, :memberNo), #no = :memberNo"
                            + ", #s = if_not_exists(#s, :state)")
                    .expressionAttributeNames(Map.of("#g1pk", Keys.GSI1PK, "#g1sk", Keys.GSI1SK, "#no", MemberMapper.MEMBER_NO, "#s", "status"))
                    .expressionAttributeValues(v));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public int resetAttemptFailed(String memberNo) {
        software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse r;
        try {
            r = dynamo.updateItem(u -> u.tableName(table).key(key(memberNo))
                .updateExpression("SET resetAttempts = if_not_exists(resetAttempts, :zero) + :one")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"), ":one", AttributeValue.fromN("1")))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_NEW));
        } catch (ConditionalCheckFailedException noAccount) {
            return 0;
        }
        return Attr.n(r.attributes(), "resetAttempts");
    }

    @Override
    public void resetDone(String memberNo, Instant at) {
        update(memberNo, at, "SET #s = :s REMOVE resetHash, resetValidTo, resetAttempts, reason, validTo, #g2pk, #g2sk",
                Map.of(":s", AttributeValue.fromS(AccountState.ACTIVE.name())), null);
    }

    @Override
    public boolean mailEvent(String memberNo, String mailId, String state, String problem, Instant at) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(memberNo))
                    .updateExpression("SET mailState = :s, mailProblem = :p, mailEventAt = :at")
                    .conditionExpression("mailId = :m")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(state), ":p", AttributeValue.fromS(problem),
                            ":at", AttributeValue.fromS(at.toString()), ":m", AttributeValue.fromS(mailId))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
