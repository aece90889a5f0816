package jp.nintei.adapter.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.review.Review;
import jp.nintei.domain.review.ReviewState;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ReviewStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link ReviewStore} on the single table: the review is part of the application item (every action one
 * conditional UpdateItem on status and {@code reviewVersion}); the review list is GSI4, which the submission
 * puts every submitted application into.
 */
public final class DynamoReviewStore implements ReviewStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReviewStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Loaded load(ApplicationKey key) {
        List<Map<String, AttributeValue>> keys = List.of(Keys.key(Keys.member(key.memberNo()), Keys.PROFILE), Keys.applicationItem(key));
        Member member = null;
        Map<String, AttributeValue> app = null;
        for (Map<String, AttributeValue> i : DynamoBatch.get(dynamo, table, keys, KeysAndAttributes.builder().consistentRead(true).build())) {
            if (Keys.PROFILE.equals(Attr.s(i, Keys.SK))) member = MemberMapper.member(i);
            else app = i;
        }
        if (member == null || app == null) return new Loaded(member, null, null, Review.NONE, null, List.of());
        boolean secondary = key.kind().stage() == ApplicationKind.Stage.SECONDARY;
        return new Loaded(member, secondary ? null : ApplicationMapper.application(app), secondary ? SecondaryMapper.secondary(app) : null,
                ReviewMapper.review(app), Attr.date(app, MemberMapper.EXTENDED_UNTIL), history(app));
    }

    private static List<HistoryEvent> history(Map<String, AttributeValue> item) {
        List<HistoryEvent> out = new ArrayList<>();
        AttributeValue h = item.get(ConditionalUpdate.HISTORY);
        if (h == null || !h.hasL()) return out;
        for (AttributeValue e : h.l()) {
            if (!e.hasM()) continue;
            Map<String, AttributeValue> m = e.m();
            out.add(new HistoryEvent(Attr.instant(m, "at"), Attr.s(m, "event"), Attr.s(m, "by"), Attr.s(m, "note")));
        }
        return out;
    }

    @Override
    public List<Row> rows(int year, ApplicationKind kind) {
        List<Row> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = dynamo.query(q -> {
                q.tableName(table).indexName(Keys.GSI4).scanIndexForward(false).keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", Keys.GSI4PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.reviewList(year, kind))));
                if (from != null) q.exclusiveStartKey(from);
            });
            for (Map<String, AttributeValue> i : r.items()) {
                String s = Attr.s(i, "status");
                out.add(new Row(Attr.s(i, MemberMapper.MEMBER_NO), s == null ? ApplicationStatus.DRAFT : ApplicationStatus.valueOf(s),
                        ReviewState.parse(Attr.s(i, ReviewMapper.STATE)), Attr.instant(i, "submittedAt"), Attr.s(i, "receiptNo"),
                        Attr.date(i, MemberMapper.EXTENDED_UNTIL), Attr.s(i, "name"), Attr.s(i, "kana")));
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public Map<String, Review> reviews(int year, ApplicationKind kind, Collection<String> memberNos) {
        Map<String, Review> out = new LinkedHashMap<>();
        List<Map<String, AttributeValue>> keys = new java.util.LinkedHashSet<>(memberNos).stream()
                .map(no -> Keys.key(Keys.member(no), Keys.application(year, kind))).toList();
        KeysAndAttributes projection = KeysAndAttributes.builder().projectionExpression("#m, #s, #v, #r")
                .expressionAttributeNames(Map.of("#m", MemberMapper.MEMBER_NO, "#s", ReviewMapper.STATE, "#v", ReviewMapper.VERSION,
                        "#r", ReviewMapper.REVIEW)).build();
        for (Map<String, AttributeValue> i : DynamoBatch.get(dynamo, table, keys, projection)) {
            out.put(Attr.s(i, MemberMapper.MEMBER_NO), ReviewMapper.review(i));
        }
        return out;
    }

    @Override
    public Outcome mark(ApplicationKey key, Review after, HistoryEvent event) {
        return write(key, after, event, update(key).when("#s = :submitted"));
    }

    @Override
    public Outcome decide(ApplicationKey key, Review after, HistoryEvent event) {
        return write(key, after, event, update(key).when("#s = :submitted"));
    }

    @Override
    public Outcome decideLapsed(ApplicationKey key, Review after, HistoryEvent event) {
        return write(key, after, event, update(key).when("#s <> :submitted AND #rs = :returned")
                .value(":returned", ReviewState.RETURNED.name()));
    }

    @Override
    public Outcome sendBack(ApplicationKey key, Review after, LocalDate until, Set<String> openSections, HistoryEvent event, Instant at) {
        // the same as a reopening (a draft again, out of the mail queue, a new version) plus the sections and the review
        return write(key, after, event, update(key).when("#s = :submitted")
                .set("#s", "status", ApplicationStatus.DRAFT.name())
                .set("#g1sk", Keys.GSI1SK, Keys.applicationListSort(ApplicationStatus.DRAFT, at, key.memberNo()))
                .set("#e", MemberMapper.EXTENDED_UNTIL, until.toString())
                .increment("#av", "version")
                .set("#open", ReviewMapper.OPEN_SECTIONS, AttributeValue.fromSs(List.copyOf(openSections)))
                .remove("#g2pk", Keys.GSI2PK).remove("#g2sk", Keys.GSI2SK));
    }

    private ConditionalUpdate update(ApplicationKey key) {
        return new ConditionalUpdate(table, Keys.applicationItem(key)).name("#s", "status")
                .value(":submitted", ApplicationStatus.SUBMITTED.name());
    }

    /** The review written over the version the reviewer read ({@code after.version() - 1}), with its history line. */
    private Outcome write(ApplicationKey key, Review after, HistoryEvent event, ConditionalUpdate u) {
        long expected = after.version() - 1;
        u.set("#rs", ReviewMapper.STATE, after.state().name())
                .set("#rv", ReviewMapper.VERSION, AttributeValue.fromN(Long.toString(after.version())))
                .set("#r", ReviewMapper.REVIEW, bounded(after))
                .appendHistory(event.at(), event.event(), event.by(), event.note())
                .and(expected == 0 ? "attribute_not_exists(#rv)" : "#rv = :expected");
        if (expected > 0) u.value(":expected", expected);
        try {
            // safe to retry: a mark whose first attempt landed is ours, never a false "someone else reviewed meanwhile"
            u.run(dynamo);
            return Outcome.DONE;
        } catch (ConditionalCheckFailedException e) {
            // only on the failure path: one read to tell "not submitted" from "someone else reviewed meanwhile"
            var r = dynamo.getItem(g -> g.tableName(table).key(Keys.applicationItem(key)).consistentRead(true)
                    .projectionExpression("#s").expressionAttributeNames(Map.of("#s", "status")));
            boolean submitted = r.hasItem() && ApplicationStatus.SUBMITTED.name().equals(Attr.s(r.item(), "status"));
            return submitted ? Outcome.STALE : Outcome.NOT_SUBMITTED;
        }
    }

    /** The review's share of the 400 KB item (UTF-8, which dynalite does not measure): the sections come first. */
    static final int MAX_REVIEW_BYTES = 96 * 1024;

    /**
     * The review as stored; should the 差し戻し's copy of the sections make it too large, that copy is left out (the
     * reviewer then sees every line as current, never a failed write).
     */
    static String bounded(Review r) {
        String json = ReviewMapper.json(r);
        if (json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_REVIEW_BYTES || r.request() == null) return json;
        Review.ReturnRequest q = r.request();
        return ReviewMapper.json(new Review(r.state(), r.version(), r.marks(),
                new Review.ReturnRequest(q.items(), q.until(), q.by(), q.at(), Map.of()), r.decision()));
    }
}
