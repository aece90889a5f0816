package jp.nintei.adapter.dynamo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationSummary;
import jp.nintei.domain.Member;
import jp.nintei.domain.YearWindows;
import jp.nintei.port.MemberStore;
import jp.nintei.port.MyPageRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** {@link MemberStore} on the single DynamoDB table. */
public final class DynamoMemberStore implements MemberStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<String, String> projectionNames;
    private final String projection;

    public DynamoMemberStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        Map<String, String> names = new HashMap<>();
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < MemberMapper.MY_PAGE_ATTRIBUTES.length; i++) {
            names.put("#a" + i, MemberMapper.MY_PAGE_ATTRIBUTES[i]);
            if (i > 0) p.append(',');
            p.append("#a").append(i);
        }
        this.projectionNames = Map.copyOf(names);
        this.projection = p.toString();
    }

    @Override
    public Optional<MyPageRecord> loadMyPage(String memberNo, int year) {
        // The profile, the member's applications of the year and the year's windows all have known keys:
        // one BatchGetItem reads them together.
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(Keys.key(Keys.member(memberNo), Keys.PROFILE));
        for (ApplicationKind kind : ApplicationKind.values()) keys.add(Keys.key(Keys.member(memberNo), Keys.application(year, kind)));
        keys.add(Keys.windowItem(year));

        List<Map<String, AttributeValue>> items = DynamoBatch.get(dynamo, table, keys, KeysAndAttributes.builder()
                .projectionExpression(projection).expressionAttributeNames(projectionNames).consistentRead(true).build());

        Member member = null;
        Map<String, AttributeValue> windowItem = null;
        List<ApplicationSummary> applications = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String sk = Attr.s(item, Keys.SK);
            if (Keys.PROFILE.equals(sk)) member = MemberMapper.member(item);
            else if (Keys.isApplication(sk)) applications.add(MemberMapper.application(item));
            else if (Keys.isWindow(sk)) windowItem = item;
        }
        if (member == null) return Optional.empty();
        return Optional.of(new MyPageRecord(member, MemberMapper.windows(year, windowItem), applications));
    }

    @Override
    public Optional<String> findMemberNoByEmail(String email) {
        QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI3)
                .keyConditionExpression("#k = :v")
                .expressionAttributeNames(Map.of("#k", Keys.GSI3PK))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(Keys.email(email))))
                .limit(2));
        // an address shared by two members cannot identify one of them: sign in with the 会員番号 instead
        if (r.count() != 1) return Optional.empty();
        String pk = Attr.s(r.items().get(0), Keys.PK);
        return Optional.of(Keys.memberNoOf(pk));
    }

    @Override
    public void putMember(Member member) {
        put(MemberMapper.toItem(member));
        if (member.email() != null) put(MemberMapper.emailClaim(member.email(), member.memberNo()));
    }

    @Override
    public void putWindows(YearWindows windows) {
        // the dates only: the item also keeps the season's recorded states and the year's settings
        Map<String, AttributeValue> item = MemberMapper.toItem(windows);
        ConditionalUpdate u = new ConditionalUpdate(table, Keys.windowItem(windows.year()));
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            if (e.getKey().equals(Keys.PK) || e.getKey().equals(Keys.SK)) continue;
            u.set("#a" + i++, e.getKey(), e.getValue());
        }
        u.runOnce(dynamo); // the whole window as the secretariat saved it: the same when applied twice
    }

    private void put(Map<String, AttributeValue> item) {
        ItemSize.check(item);
        dynamo.putItem(p -> p.tableName(table).item(item));
    }
}
