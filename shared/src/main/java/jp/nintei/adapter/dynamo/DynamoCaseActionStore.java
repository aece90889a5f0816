package jp.nintei.adapter.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.port.CaseActionStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link CaseActionStore} on the single table: conditional, retry-safe updates of one application item. */
public final class DynamoCaseActionStore implements CaseActionStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCaseActionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private Map<String, AttributeValue> appKey(jp.nintei.port.ApplicationKey k) {
        return Keys.key(Keys.member(k.memberNo()), Keys.application(k.year(), k.kind()));
    }

    private static AttributeValue event(String event, String by, String note, Instant at) {
        Map<String, AttributeValue> m = new HashMap<>(Map.of("at", AttributeValue.fromS(at.toString()),
                "event", AttributeValue.fromS(event), "by", AttributeValue.fromS(by)));
        if (note != null) m.put("note", AttributeValue.fromS(note));
        return AttributeValue.fromL(List.of(AttributeValue.fromM(m)));
    }

    @Override
    public void extend(jp.nintei.port.ApplicationKey key, LocalDate until, String note, String actor, Instant at) {
        // a draft the close marked 未提出 becomes a draft again: the extension is for finishing it
        try {
            RetrySafeWrite.update(dynamo, u -> u.tableName(table).key(appKey(key)).updateExpression("SET #s = :draft, #g1sk = :g1sk")
                    .conditionExpression("#s = :ns")
                    .expressionAttributeNames(Map.of("#s", "status", "#g1sk", Keys.GSI1SK))
                    .expressionAttributeValues(Map.of(":draft", AttributeValue.fromS(ApplicationStatus.DRAFT.name()),
                            ":ns", AttributeValue.fromS(ApplicationStatus.NOT_SUBMITTED.name()),
                            ":g1sk", AttributeValue.fromS(Keys.applicationListSort(ApplicationStatus.DRAFT, at, key.memberNo())))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException notMarked) {
            // a draft, a submission, or no item yet: nothing to undo
        }
        RetrySafeWrite.update(dynamo, u -> u.tableName(table).key(appKey(key))
                .updateExpression("SET #e = :until, #h = list_append(if_not_exists(#h, :none), :event), "
                        + "#k = if_not_exists(#k, :kind), #y = if_not_exists(#y, :year), #m = if_not_exists(#m, :member), "
                        + "#s = if_not_exists(#s, :draft), #g1pk = if_not_exists(#g1pk, :g1pk), #g1sk = if_not_exists(#g1sk, :g1sk)")
                .expressionAttributeNames(Map.of("#e", MemberMapper.EXTENDED_UNTIL, "#h", "history", "#k", "kind", "#y", "year",
                        "#m", MemberMapper.MEMBER_NO, "#s", "status", "#g1pk", Keys.GSI1PK, "#g1sk", Keys.GSI1SK))
                .expressionAttributeValues(Map.of(":until", AttributeValue.fromS(until.toString()),
                        ":none", AttributeValue.fromL(List.of()), ":event", event("EXTENDED", actor, note + "（" + until + "まで）", at),
                        ":kind", AttributeValue.fromS(key.kind().name()), ":year", AttributeValue.fromN(Integer.toString(key.year())),
                        ":member", AttributeValue.fromS(key.memberNo()), ":draft", AttributeValue.fromS(ApplicationStatus.DRAFT.name()),
                        ":g1pk", AttributeValue.fromS(Keys.applicationList(key.year(), key.kind())),
                        ":g1sk", AttributeValue.fromS(Keys.applicationListSort(ApplicationStatus.DRAFT, at, key.memberNo())))));
    }

    @Override
    public boolean reopen(jp.nintei.port.ApplicationKey key, LocalDate until, String reason, String actor, Instant at) {
        try {
            RetrySafeWrite.update(dynamo, u -> u.tableName(table).key(appKey(key))
                    .updateExpression("SET #s = :draft, #g1sk = :g1sk, #e = :until, #v = if_not_exists(#v, :zero) + :one, "
                            + "#h = list_append(if_not_exists(#h, :none), :event) REMOVE #g2pk, #g2sk")
                    .conditionExpression("#s = :submitted")
                    .expressionAttributeNames(Map.of("#s", "status", "#g1sk", Keys.GSI1SK, "#e", MemberMapper.EXTENDED_UNTIL,
                            "#v", "version", "#h", "history", "#g2pk", Keys.GSI2PK, "#g2sk", Keys.GSI2SK))
                    .expressionAttributeValues(Map.of(":draft", AttributeValue.fromS(ApplicationStatus.DRAFT.name()),
                            ":submitted", AttributeValue.fromS(ApplicationStatus.SUBMITTED.name()),
                            ":g1sk", AttributeValue.fromS(Keys.applicationListSort(ApplicationStatus.DRAFT, at, key.memberNo())),
                            ":until", AttributeValue.fromS(until.toString()), ":one", AttributeValue.fromN("1"),
                            ":zero", AttributeValue.fromN("0"),
                            ":none", AttributeValue.fromL(List.of()), ":event", event("REOPENED", actor, reason, at))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean confirm(jp.nintei.port.ApplicationKey key, String what, String note, String actor, Instant at) {
        try {
            RetrySafeWrite.update(dynamo, u -> u.tableName(table).key(appKey(key))
                    .updateExpression("SET #c = :c, #h = list_append(if_not_exists(#h, :none), :event)")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeNames(Map.of("#c", "confirmed" + what, "#h", "history"))
                    .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(at + " " + actor + (note == null || note.isBlank() ? "" : "：" + note)),
                            ":none", AttributeValue.fromL(List.of()), ":event", event("CONFIRMED_" + what.toUpperCase(java.util.Locale.ROOT), actor, note, at))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean markMailPending(jp.nintei.port.ApplicationKey key, Instant at) {
        try {
            RetrySafeWrite.update(dynamo, u -> u.tableName(table).key(appKey(key))
                    .updateExpression("SET #ms = :pending, #g2pk = :g2pk, #g2sk = :g2sk, #ma = :zero")
                    .conditionExpression("#s = :submitted AND attribute_exists(#mid)")
                    .expressionAttributeNames(Map.of("#ms", "mailState", "#g2pk", Keys.GSI2PK, "#g2sk", Keys.GSI2SK, "#s", "status",
                            "#mid", "mailId", "#ma", "mailAttempts"))
                    .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS(MailStatus.State.PENDING.name()),
                            ":g2pk", AttributeValue.fromS(Keys.MAIL_PENDING),
                            ":g2sk", AttributeValue.fromS(Keys.pendingMailSort(at, key.memberNo(), key.year(), key.kind())),
                            ":submitted", AttributeValue.fromS(ApplicationStatus.SUBMITTED.name()), ":zero", AttributeValue.fromN("0"))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return false;
        }
    }
}
