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
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

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
                mailState(Attr.s(i, "mailState")), Attr.s(i, "mailProblem"), Attr.s(i, "resetHash"), Attr.instant(i, "resetValidTo"),
                Attr.n(i, "resetAttempts"), Attr.n(i, "resetsSent"), Attr.instant(i, "resetsSince"), Attr.instant(i, "updatedAt"));
    }

    private static MailStatus.State mailState(String stored) { return stored == null ? null : MailStatus.State.valueOf(stored); }

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
        update(memberNo, at, AccountState.INVITED, email).set("#mid", "mailId", mailId).set("#inv", "invitedAt", at.toString())
                .set("#vt", "validTo", validTo.toString()).set("#ms", "mailState", MailStatus.State.SENT.name())
                .remove("#reason", "reason").remove("#mp", "mailProblem")
                .run(dynamo);
    }

    @Override
    public void active(String memberNo, String email, Instant at) {
        update(memberNo, at, AccountState.ACTIVE, email).remove("#reason", "reason").remove("#vt", "validTo").run(dynamo);
    }

    @Override
    public void failed(String memberNo, String email, String reason, Instant at) {
        update(memberNo, at, AccountState.FAILED, email).set("#reason", "reason", reason).run(dynamo);
    }

    /**
     * Every state change takes the account off the queue, keeps it listed under GSI1 and stamps updatedAt; the
     * e-mail is kept when none is given. Run retry-safe: an account write whose first attempt landed is not refused.
     */
    private ConditionalUpdate update(String memberNo, Instant at, AccountState state, String email) {
        ConditionalUpdate u = new ConditionalUpdate(table, key(memberNo)).set("#s", "status", state.name())
                .set("#at", "updatedAt", at.toString()).set("#g1pk", Keys.GSI1PK, Keys.ACCOUNT_LIST).set("#g1sk", Keys.GSI1SK, memberNo)
                .set("#no", MemberMapper.MEMBER_NO, memberNo)
                .remove("#g2pk", Keys.GSI2PK).remove("#g2sk", Keys.GSI2SK);
        if (email != null) u.set("#email", "email", email);
        return u;
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
        ConditionalUpdate u = new ConditionalUpdate(table, key(memberNo)).set("#hash", "resetHash", hash)
                .set("#rvt", "resetValidTo", validTo.toString()).set("#ra", "resetAttempts", AttributeValue.fromN("0"))
                .set("#at", "updatedAt", at.toString()).set("#no", MemberMapper.MEMBER_NO, memberNo)
                .setIfAbsent("#g1pk", Keys.GSI1PK, AttributeValue.fromS(Keys.ACCOUNT_LIST))
                .setIfAbsent("#g1sk", Keys.GSI1SK, AttributeValue.fromS(memberNo))
                .setIfAbsent("#s", "status", AttributeValue.fromS(ifNoRecord.name()));
        if (newHour) u.set("#rs", "resetsSent", AttributeValue.fromN("1")).set("#rsince", "resetsSince", at.toString());
        else u.increment("#rs", "resetsSent");
        u.run(dynamo);
        return true;
    }

    @Override
    public int resetAttemptFailed(String memberNo) {
        ConditionalUpdate u = new ConditionalUpdate(table, key(memberNo)).increment("#ra", "resetAttempts").when("attribute_exists(PK)")
                .returning(ReturnValue.UPDATED_NEW);
        try {
            return Attr.n(u.run(dynamo).attributes(), "resetAttempts");
        } catch (ConditionalCheckFailedException noAccount) {
            return 0;
        }
    }

    @Override
    public void resetDone(String memberNo, Instant at) {
        update(memberNo, at, AccountState.ACTIVE, null).remove("#hash", "resetHash").remove("#rvt", "resetValidTo")
                .remove("#ra", "resetAttempts").remove("#reason", "reason").remove("#vt", "validTo")
                .run(dynamo);
    }

    @Override
    public void mailSent(String memberNo, String mailId, Instant at) {
        // only on an account record (the reset code or the import wrote it before the mail went out)
        new ConditionalUpdate(table, key(memberNo)).set("#mid", "mailId", mailId).set("#ms", "mailState", MailStatus.State.SENT.name())
                .set("#at", "updatedAt", at.toString()).remove("#mp", "mailProblem").remove("#mat", "mailEventAt")
                .when("attribute_exists(PK)")
                .runIfAllowed(dynamo);
    }

    @Override
    public boolean mailEvent(String memberNo, String mailId, MailStatus.State state, String problem, Instant at) {
        // the same report twice sets the same values: sent once, as it is
        return new ConditionalUpdate(table, key(memberNo)).set("#ms", "mailState", state.name()).set("#mp", "mailProblem", problem)
                .set("#mat", "mailEventAt", at.toString()).when("#mid = :mid").name("#mid", "mailId").value(":mid", mailId)
                .runOnce(dynamo);
    }
}
