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
        var r = dynamo.getItem(g -> g.tableName(table).key(Keys.windowItem(year)).consistentRead(true));
        return r.hasItem() ? Attr.s(r.item(), stateAttribute(stage)) : null;
    }

    @Override
    public boolean recordWindowState(int year, ApplicationKind.Stage stage, String expected, String next, Instant at) {
        String attr = stateAttribute(stage);
        ConditionalUpdate u = windowUpdate(year).set("#s", attr, next).set("#at", attr + "At", at.toString())
                .setIfAbsent("#y", "year", AttributeValue.fromN(Integer.toString(year)))
                .when(expected == null ? "attribute_not_exists(#s)" : "#s = :expected");
        if (expected != null) u.value(":expected", expected);
        // the close of an open window is recorded with its time in the same write: the work after it (未提出,
        // the summary) is found and finished by any later run, even when this one is cut off right after
        if (CLOSED.equals(next) && OPEN.equals(expected)) u.set("#closedAt", closedAt(stage), at.toString());
        return u.runIfAllowed(dynamo);
    }

    private ConditionalUpdate windowUpdate(int year) { return new ConditionalUpdate(table, Keys.windowItem(year)); }

    private static final String OPEN = "OPEN";
    private static final String CLOSED = "CLOSED";

    private static String closedAt(ApplicationKind.Stage stage) { return stage.name().toLowerCase() + "ClosedAt"; }

    private static String summaryFor(ApplicationKind.Stage stage) { return stage.name().toLowerCase() + "SummaryFor"; }

    private static String summaryClaimedAt(ApplicationKind.Stage stage) { return stage.name().toLowerCase() + "SummaryClaimedAt"; }

    private static String summarySentAt(ApplicationKind.Stage stage) { return stage.name().toLowerCase() + "SummarySentAt"; }

    @Override
    public Close lastClose(int year, ApplicationKind.Stage stage) {
        var r = dynamo.getItem(g -> g.tableName(table).key(Keys.windowItem(year)).consistentRead(true));
        if (!r.hasItem() || Attr.s(r.item(), closedAt(stage)) == null) return new Close(null, false);
        String at = Attr.s(r.item(), closedAt(stage));
        return new Close(Instant.parse(at), at.equals(Attr.s(r.item(), summaryFor(stage))) && r.item().containsKey(summarySentAt(stage)));
    }

    @Override
    public boolean claimSummary(int year, ApplicationKind.Stage stage, Instant closedAt, Instant now, java.time.Duration stale) {
        return windowUpdate(year).set("#for", summaryFor(stage), closedAt.toString()).set("#claimed", summaryClaimedAt(stage), now.toString())
                .remove("#sent", summarySentAt(stage))
                .when("attribute_not_exists(#for) OR #for <> :for OR (attribute_not_exists(#sent) AND #claimed < :stale)")
                .value(":stale", now.minus(stale).toString())
                .runIfAllowed(dynamo);
    }

    @Override
    public void summarySent(int year, ApplicationKind.Stage stage, Instant closedAt, Instant now) {
        summaryUpdate(year, stage, closedAt).set("#sent", summarySentAt(stage), now.toString()).runIfAllowed(dynamo);
    }

    @Override
    public void releaseSummary(int year, ApplicationKind.Stage stage, Instant closedAt) {
        summaryUpdate(year, stage, closedAt).set("#claimed", summaryClaimedAt(stage), Instant.EPOCH.toString()).runIfAllowed(dynamo);
    }

    /** A write about this close's summary; refused (nothing of this one to record) once a later close took it over. */
    private ConditionalUpdate summaryUpdate(int year, ApplicationKind.Stage stage, Instant closedAt) {
        return windowUpdate(year).when("#for = :for").name("#for", summaryFor(stage)).value(":for", closedAt.toString());
    }

    @Override
    public List<String> drafts(int year, ApplicationKind kind) { return withStatus(year, kind, ApplicationStatus.DRAFT); }

    @Override
    public List<String> notSubmitted(int year, ApplicationKind kind) { return withStatus(year, kind, ApplicationStatus.NOT_SUBMITTED); }

    @Override
    public boolean markDraftAgain(ApplicationKey key, Instant at) {
        return draftAgain(table, key, at).runIfAllowed(dynamo);
    }

    /** 未提出 back to a draft (refused unless the item is 未提出): reopened by the window or by an extension. */
    static ConditionalUpdate draftAgain(String table, ApplicationKey key, Instant at) {
        return new ConditionalUpdate(table, Keys.applicationItem(key)).set("#s", "status", ApplicationStatus.DRAFT.name())
                .set("#g1sk", Keys.GSI1SK, Keys.applicationListSort(ApplicationStatus.DRAFT, at, key.memberNo()))
                .when("#s = :ns").value(":ns", ApplicationStatus.NOT_SUBMITTED.name());
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
        return new ConditionalUpdate(table, Keys.applicationItem(key)).set("#s", "status", ApplicationStatus.NOT_SUBMITTED.name())
                .set("#g1sk", Keys.GSI1SK, Keys.applicationListSort(ApplicationStatus.NOT_SUBMITTED, at, key.memberNo()))
                .appendHistory(at, "NOT_SUBMITTED", "schedule", null)
                // an applicant with an individual extension that has not ended keeps the draft
                .when("#s = :draft AND (attribute_not_exists(#e) OR #e < :today)").name("#e", MemberMapper.EXTENDED_UNTIL)
                .value(":draft", ApplicationStatus.DRAFT.name())
                .value(":today", at.atZone(jp.nintei.domain.AppClock.JST).toLocalDate().toString())
                .runIfAllowed(dynamo);
    }

    @Override
    public boolean markReminded(ApplicationKey key, String reminder, Instant at) {
        return new ConditionalUpdate(table, Keys.applicationItem(key)).set("#r", "reminded" + reminder, at.toString())
                .when("attribute_not_exists(#r) AND #s = :draft").name("#s", "status").value(":draft", ApplicationStatus.DRAFT.name())
                .runIfAllowed(dynamo);
    }
}
