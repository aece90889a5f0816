package jp.nintei.adapter.dynamo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.SeasonStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link SeasonStore} on the single table: window state on the year's window item, marks on application items. */
public final class DynamoSeasonStore implements SeasonStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSeasonStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static String stateAttribute(ApplicationKind.Stage stage) { return stage.name().toLowerCase() + "State"; }

    @Override
    public String windowState(int year, ApplicationKind.Stage stage) {
        var r = dynamo.getItem(g -> g.tableName(table).key(Keys.key(Keys.window(year), Keys.window(year))).consistentRead(true));
        return r.hasItem() ? Attr.s(r.item(), stateAttribute(stage)) : null;
    }

    @Override
    public boolean recordWindowState(int year, ApplicationKind.Stage stage, String expected, String next, Instant at) {
        String attr = stateAttribute(stage);
        try {
            // the close of an open window is recorded with its time in the same write: the work after it (未提出,
            // the summary) is found and finished by any later run, even when this one is cut off right after
            boolean closing = CLOSED.equals(next) && OPEN.equals(expected);
            RetrySafeWrite.update(dynamo, u -> u.tableName(table).key(Keys.key(Keys.window(year), Keys.window(year)))
                    .updateExpression("SET #s = :next, #at = :at, #y = if_not_exists(#y, :year)" + (closing ? ", #closedAt = :at" : ""))
                    .conditionExpression(expected == null ? "attribute_not_exists(#s)" : "#s = :expected")
                    .expressionAttributeNames(closing ? Map.of("#s", attr, "#at", attr + "At", "#y", "year", "#closedAt", closedAt(stage))
                            : Map.of("#s", attr, "#at", attr + "At", "#y", "year"))
                    .expressionAttributeValues(expected == null
                            ? Map.of(":next", AttributeValue.fromS(next), ":at", AttributeValue.fromS(at.toString()),
                                    ":year", AttributeValue.fromN(Integer.toString(year)))
                            : Map.of(":next", AttributeValue.fromS(next), ":at", AttributeValue.fromS(at.toString()),
                                    ":expected", AttributeValue.fromS(expected), ":year", AttributeValue.fromN(Integer.toString(year)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static final String OPEN = "OPEN";
    private static final String CLOSED = "CLOSED";

    private static String closedAt(ApplicationKind.Stage stage) { return stage.name().toLowerCase() + "ClosedAt"; }

    private static String summaryFor(ApplicationKind.Stage stage) { return stage.name().toLowerCase() + "SummaryFor"; }

    private static String summaryClaimedAt(ApplicationKind.Stage stage) { return stage.name().toLowerCase() + "SummaryClaimedAt"; }

    private static String summarySentAt(ApplicationKind.Stage stage) { return stage.name().toLowerCase() + "SummarySentAt"; }

    @Override
    public Close lastClose(int year, ApplicationKind.Stage stage) {
        var r = dynamo.getItem(g -> g.tableName(table).key(Keys.key(Keys.window(year), Keys.window(year))).consistentRead(true));
        if (!r.hasItem() || Attr.s(r.item(), closedAt(stage)) == null) return new Close(null, false);
        String at = Attr.s(r.item(), closedAt(stage));
        return new Close(Instant.parse(at), at.equals(Attr.s(r.item(), summaryFor(stage))) && r.item().containsKey(summarySentAt(stage)));
    }

    @Override
    public boolean claimSummary(int year, ApplicationKind.Stage stage, Instant closedAt, Instant now, java.time.Duration stale) {
        try {
            RetrySafeWrite.update(dynamo, u -> u.tableName(table).key(Keys.key(Keys.window(year), Keys.window(year)))
                    .updateExpression("SET #for = :for, #claimed = :now REMOVE #sent")
                    .conditionExpression("attribute_not_exists(#for) OR #for <> :for OR (attribute_not_exists(#sent) AND #claimed < :stale)")
                    .expressionAttributeNames(Map.of("#for", summaryFor(stage), "#claimed", summaryClaimedAt(stage), "#sent", summarySentAt(stage)))
                    .expressionAttributeValues(Map.of(":for", AttributeValue.fromS(closedAt.toString()), ":now", AttributeValue.fromS(now.toString()),
                            ":stale", AttributeValue.fromS(now.minus(stale).toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void summarySent(int year, ApplicationKind.Stage stage, Instant closedAt, Instant now) {
        summaryUpdate(year, stage, closedAt, "SET #sent = :now", Map.of(":now", AttributeValue.fromS(now.toString())));
    }

    @Override
    public void releaseSummary(int year, ApplicationKind.Stage stage, Instant closedAt) {
        summaryUpdate(year, stage, closedAt, "SET #claimed = :never", Map.of(":never", AttributeValue.fromS(Instant.EPOCH.toString())));
    }

    private void summaryUpdate(int year, ApplicationKind.Stage stage, Instant closedAt, String update, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> v = new java.util.HashMap<>(values);
        v.put(":for", AttributeValue.fromS(closedAt.toString()));
        try {
            RetrySafeWrite.update(dynamo, u -> u.tableName(table).key(Keys.key(Keys.window(year), Keys.window(year)))
                    .updateExpression(update).conditionExpression("#for = :for")
                    .expressionAttributeNames(update.contains("#sent") ? Map.of("#for", summaryFor(stage), "#sent", summarySentAt(stage))
                            : Map.of("#for", summaryFor(stage), "#claimed", summaryClaimedAt(stage)))
                    .expressionAttributeValues(v));
        } catch (ConditionalCheckFailedException e) {
            // a later close took over the summary: nothing of this one to record
        }
    }

    @Override
    public List<String> drafts(int year, ApplicationKind kind) { return withStatus(year, kind, ApplicationStatus.DRAFT); }

    @Override
    public List<String> notSubmitted(int year, ApplicationKind kind) { return withStatus(year, kind, ApplicationStatus.NOT_SUBMITTED); }

    @Override
    public boolean markDraftAgain(ApplicationKey key, Instant at) {
        try {
            RetrySafeWrite.update(dynamo, u -> u.tableName(table)
                    .key(Keys.key(Keys.member(key.memberNo()), Keys.application(key.year(), key.kind())))
                    .updateExpression("SET #s = :draft, #g1sk = :g1sk").conditionExpression("#s = :ns")
                    .expressionAttributeNames(Map.of("#s", "status", "#g1sk", Keys.GSI1SK))
                    .expressionAttributeValues(Map.of(":draft", AttributeValue.fromS(ApplicationStatus.DRAFT.name()),
                            ":ns", AttributeValue.fromS(ApplicationStatus.NOT_SUBMITTED.name()),
                            ":g1sk", AttributeValue.fromS(Keys.applicationListSort(ApplicationStatus.DRAFT, at, key.memberNo())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Map<String, java.time.LocalDate> draftExtensions(int year, ApplicationKind kind) {
        Map<String, java.time.LocalDate> out = new java.util.HashMap<>();
        // extendedUntil is projected into GSI1: the same query as drafts(), no read of the items
        dynamo.queryPaginator(q -> q.tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :draft)")
                        .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK, "#sk", Keys.GSI1SK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.applicationList(year, kind)),
                                ":draft", AttributeValue.fromS(Keys.statusPrefix(ApplicationStatus.DRAFT)))))
                .items().forEach(i -> {
                    java.time.LocalDate until = Attr.date(i, MemberMapper.EXTENDED_UNTIL);
                    if (until != null) out.put(Attr.s(i, MemberMapper.MEMBER_NO), until);
                });
        return out;
    }

    private List<String> withStatus(int year, ApplicationKind kind, ApplicationStatus status) {
        List<String> out = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table).indexName(Keys.GSI1)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :draft)")
                        .expressionAttributeNames(Map.of("#pk", Keys.GSI1PK, "#sk", Keys.GSI1SK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.applicationList(year, kind)),
                                ":draft", AttributeValue.fromS(Keys.statusPrefix(status)))))
                .items().forEach(i -> out.add(Attr.s(i, MemberMapper.MEMBER_NO)));
        return out;
    }

    @Override
    public boolean markNotSubmitted(ApplicationKey key, Instant at) {
        try {
            RetrySafeWrite.update(dynamo, u -> u.tableName(table)
                    .key(Keys.key(Keys.member(key.memberNo()), Keys.application(key.year(), key.kind())))
                    .updateExpression("SET #s = :ns, #g1sk = :g1sk, #h = list_append(if_not_exists(#h, :none), :event)")
                    // an applicant with an individual extension that has not ended keeps the draft
                    .conditionExpression("#s = :draft AND (attribute_not_exists(#e) OR #e < :today)")
                    .expressionAttributeNames(Map.of("#s", "status", "#g1sk", Keys.GSI1SK, "#h", "history",
                            "#e", MemberMapper.EXTENDED_UNTIL))
                    .expressionAttributeValues(Map.of(":ns", AttributeValue.fromS(ApplicationStatus.NOT_SUBMITTED.name()),
                            ":today", AttributeValue.fromS(at.atZone(jp.nintei.domain.AppClock.JST).toLocalDate().toString()),
                            ":draft", AttributeValue.fromS(ApplicationStatus.DRAFT.name()),
                            ":g1sk", AttributeValue.fromS(Keys.applicationListSort(ApplicationStatus.NOT_SUBMITTED, at, key.memberNo())),
                            ":none", AttributeValue.fromL(List.of()),
                            ":event", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                                    "at", AttributeValue.fromS(at.toString()), "event", AttributeValue.fromS("NOT_SUBMITTED"),
                                    "by", AttributeValue.fromS("schedule"))))))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean markReminded(ApplicationKey key, String reminder, Instant at) {
        try {
            RetrySafeWrite.update(dynamo, u -> u.tableName(table)
                    .key(Keys.key(Keys.member(key.memberNo()), Keys.application(key.year(), key.kind())))
                    .updateExpression("SET #r = :at").conditionExpression("attribute_not_exists(#r) AND #s = :draft")
                    .expressionAttributeNames(Map.of("#r", "reminded" + reminder, "#s", "status"))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString()),
                            ":draft", AttributeValue.fromS(ApplicationStatus.DRAFT.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
