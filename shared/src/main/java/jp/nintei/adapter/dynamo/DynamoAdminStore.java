package jp.nintei.adapter.dynamo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.store.AdminStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link AdminStore} on the single table: lists through GSI1 (never a scan), audit in day and member partitions. */
public final class DynamoAdminStore implements AdminStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAdminStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String listKey(int year, ApplicationKind kind) { return "APPS#" + year + "#" + kind.name(); }

    @Override
    public Page list(int year, ApplicationKind kind, ApplicationStatus status, String cursor, int limit) {
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(Keys.GSI1).scanIndexForward(false).limit(limit);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(listKey(year, kind))));
        if (status == null) {
            q.keyConditionExpression("#pk = :pk");
            q.expressionAttributeNames(Map.of("#pk", Keys.GSI1PK));
        } else {
            q.keyConditionExpression("#pk = :pk AND begins_with(#sk, :status)");
            q.expressionAttributeNames(Map.of("#pk", Keys.GSI1PK, "#sk", Keys.GSI1SK));
            values.put(":status", AttributeValue.fromS(status.name() + "#"));
        }
        q.expressionAttributeValues(values);
        if (cursor != null && !cursor.isBlank()) q.exclusiveStartKey(decode(cursor));
        QueryResponse r = dynamo.query(q.build());
        List<ListRow> rows = new ArrayList<>();
        for (Map<String, AttributeValue> i : r.items()) {
            String s = Attr.s(i, "status");
            String july = Attr.s(i, "july");
            rows.add(new ListRow(Attr.s(i, MemberMapper.MEMBER_NO), ApplicationKind.valueOf(Attr.s(i, "kind")),
                    s == null ? ApplicationStatus.DRAFT : ApplicationStatus.valueOf(s), Attr.instant(i, "submittedAt"),
                    Attr.s(i, "receiptNo"), Attr.s(i, "mailState"), Attr.bool(i, "duesInProcess"),
                    jp.nintei.adapter.json.SectionJson.july(july == null ? null : Json.parse(july)),
                    Attr.s(i, "confirmedJuly"), Attr.s(i, "confirmedDues"), Attr.date(i, MemberMapper.EXTENDED_UNTIL)));
        }
        return new Page(rows, r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? encode(r.lastEvaluatedKey()) : null);
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
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(listKey(year, kind)),
                                ":status", AttributeValue.fromS(s.name() + "#")));
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
    public Map<String, Member> members(Collection<String> memberNos) {
        Map<String, Member> out = new LinkedHashMap<>();
        for (Map<String, AttributeValue> i : batchGet(memberNos, no -> Keys.key(Keys.member(no), Keys.PROFILE))) {
            Member m = MemberMapper.member(i);
            out.put(m.memberNo(), m);
        }
        return out;
    }

    /** Items by key, through the one batch helper (100 to a request, unprocessed keys retried with backoff, or an error). */
    private List<Map<String, AttributeValue>> batchGet(Collection<String> memberNos,
                                                       java.util.function.Function<String, Map<String, AttributeValue>> key) {
        List<Map<String, AttributeValue>> keys = new java.util.LinkedHashSet<>(memberNos).stream().map(key).toList();
        return DynamoBatch.get(dynamo, table, keys, KeysAndAttributes.builder().build());
    }

    @Override
    public Map<String, jp.nintei.domain.application.PrimaryApplication> primaries(int year, ApplicationKind kind,
                                                                              Collection<String> memberNos) {
        Map<String, jp.nintei.domain.application.PrimaryApplication> out = new LinkedHashMap<>();
        for (Map<String, AttributeValue> i : items(year, kind, memberNos)) {
            var a = ApplicationMapper.application(i);
            out.put(a.memberNo(), a);
        }
        return out;
    }

    @Override
    public Map<String, jp.nintei.domain.secondary.SecondaryApplication> secondaries(int year, ApplicationKind kind,
                                                                                 Collection<String> memberNos) {
        Map<String, jp.nintei.domain.secondary.SecondaryApplication> out = new LinkedHashMap<>();
        for (Map<String, AttributeValue> i : items(year, kind, memberNos)) {
            var a = SecondaryMapper.secondary(i);
            out.put(a.memberNo(), a);
        }
        return out;
    }

    private List<Map<String, AttributeValue>> items(int year, ApplicationKind kind, Collection<String> memberNos) {
        return batchGet(memberNos, no -> Keys.key(Keys.member(no), Keys.application(year, kind)));
    }

    @Override
    public List<String> upsertMembers(List<Member> members, Map<String, Member> stored, java.util.Set<String> needAccount) {
        List<String> written = new ArrayList<>();
        List<WriteRequest> deletes = new ArrayList<>();
        List<WriteRequest> puts = new ArrayList<>();
        Instant now = Instant.now();
        for (Member m : members) {
            Member old = stored.get(m.memberNo());
            if (m.equals(old)) continue; // unchanged: re-importing a file writes nothing
            Map<String, AttributeValue> item = MemberMapper.toItem(m);
            ItemSize.check(item);
            puts.add(put(item));
            // the account queue lives on the account item: rewriting the profile never drops a queued member
            if (needAccount.contains(m.memberNo())) puts.add(put(DynamoAccountStore.queuedItem(m.memberNo(), m.email(), now)));
            boolean newAddress = old == null || !java.util.Objects.equals(emailKeyOrNull(old.email()), emailKeyOrNull(m.email()));
            if (newAddress && m.email() != null) puts.add(put(MemberMapper.emailClaim(m.email(), m.memberNo())));
            if (newAddress && old != null && old.email() != null) {
                deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(MemberMapper.emailClaimKey(old.email()))).build());
            }
            written.add(m.memberNo());
        }
        // released addresses first: a member of the same file may take one over
        writeInParallel(deletes);
        writeInParallel(puts);
        return written;
    }

    /**
     * Batches of 25, eight at a time: a first import of 10,000 members is 30,000 items (profile, account queue,
     * address claim), which one batch after another would bring near the HTTP API's 30-second limit.
     */
    private void writeInParallel(List<WriteRequest> writes) {
        if (writes.size() <= 25) {
            if (!writes.isEmpty()) writeBatch(writes);
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "batch-write");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int from = 0; from < writes.size(); from += 25) {
                List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
                done.add(pool.submit(() -> writeBatch(batch)));
            }
            for (java.util.concurrent.Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String emailKeyOrNull(String email) { return email == null ? null : MemberMapper.emailKey(email); }

    @Override
    public Map<String, String> emailOwners(Collection<String> emails) {
        Map<String, String> out = new HashMap<>();
        List<String> keys = emails.stream().filter(java.util.Objects::nonNull).map(MemberMapper::emailKey).distinct().toList();
        for (Map<String, AttributeValue> i : batchGet(keys, e -> MemberMapper.emailClaimKey(e))) {
            out.put(Attr.s(i, Keys.PK).substring("EMAIL#".length()), Attr.s(i, MemberMapper.MEMBER_NO));
        }
        return out;
    }

    private void writeBatch(List<WriteRequest> batch) { DynamoBatch.write(dynamo, table, batch); }

    private Map<String, AttributeValue> appKey(jp.nintei.store.ApplicationKey k) {
        return Keys.key(Keys.member(k.memberNo()), Keys.application(k.year(), k.kind()));
    }

    private static AttributeValue event(String event, String by, String note, Instant at) {
        Map<String, AttributeValue> m = new HashMap<>(Map.of("at", AttributeValue.fromS(at.toString()),
                "event", AttributeValue.fromS(event), "by", AttributeValue.fromS(by)));
        if (note != null) m.put("note", AttributeValue.fromS(note));
        return AttributeValue.fromL(List.of(AttributeValue.fromM(m)));
    }

    @Override
    public void extend(jp.nintei.store.ApplicationKey key, LocalDate until, String note, String actor, Instant at) {
        // a draft the close marked 未提出 becomes a draft again: the extension is for finishing it
        try {
            RetrySafeWrite.update(dynamo, u -> u.tableName(table).key(appKey(key)).updateExpression("SET #s = :draft, #g1sk = :g1sk")
                    .conditionExpression("#s = :ns")
                    .expressionAttributeNames(Map.of("#s", "status", "#g1sk", Keys.GSI1SK))
                    .expressionAttributeValues(Map.of(":draft", AttributeValue.fromS(ApplicationStatus.DRAFT.name()),
                            ":ns", AttributeValue.fromS(ApplicationStatus.NOT_SUBMITTED.name()),
                            ":g1sk", AttributeValue.fromS(ApplicationStatus.DRAFT.name() + "#" + at + "#" + key.memberNo()))));
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
                        ":g1pk", AttributeValue.fromS(listKey(key.year(), key.kind())),
                        ":g1sk", AttributeValue.fromS(ApplicationStatus.DRAFT.name() + "#" + at + "#" + key.memberNo()))));
    }

    @Override
    public boolean reopen(jp.nintei.store.ApplicationKey key, LocalDate until, String reason, String actor, Instant at) {
        try {
            RetrySafeWrite.update(dynamo, u -> u.tableName(table).key(appKey(key))
                    .updateExpression("SET #s = :draft, #g1sk = :g1sk, #e = :until, #v = if_not_exists(#v, :zero) + :one, "
                            + "#h = list_append(if_not_exists(#h, :none), :event) REMOVE #g2pk, #g2sk")
                    .conditionExpression("#s = :submitted")
                    .expressionAttributeNames(Map.of("#s", "status", "#g1sk", Keys.GSI1SK, "#e", MemberMapper.EXTENDED_UNTIL,
                            "#v", "version", "#h", "history", "#g2pk", Keys.GSI2PK, "#g2sk", Keys.GSI2SK))
                    .expressionAttributeValues(Map.of(":draft", AttributeValue.fromS(ApplicationStatus.DRAFT.name()),
                            ":submitted", AttributeValue.fromS(ApplicationStatus.SUBMITTED.name()),
                            ":g1sk", AttributeValue.fromS(ApplicationStatus.DRAFT.name() + "#" + at + "#" + key.memberNo()),
                            ":until", AttributeValue.fromS(until.toString()), ":one", AttributeValue.fromN("1"),
                            ":zero", AttributeValue.fromN("0"),
                            ":none", AttributeValue.fromL(List.of()), ":event", event("REOPENED", actor, reason, at))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean confirm(jp.nintei.store.ApplicationKey key, String what, String note, String actor, Instant at) {
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
    public boolean markMailPending(jp.nintei.store.ApplicationKey key, Instant at) {
        try {
            RetrySafeWrite.update(dynamo, u -> u.tableName(table).key(appKey(key))
                    .updateExpression("SET #ms = :pending, #g2pk = :g2pk, #g2sk = :g2sk, #ma = :zero")
                    .conditionExpression("#s = :submitted AND attribute_exists(#mid)")
                    .expressionAttributeNames(Map.of("#ms", "mailState", "#g2pk", Keys.GSI2PK, "#g2sk", Keys.GSI2SK, "#s", "status",
                            "#mid", "mailId", "#ma", "mailAttempts"))
                    .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS("PENDING"),
                            ":g2pk", AttributeValue.fromS(ApplicationMapper.MAIL_PENDING),
                            ":g2sk", AttributeValue.fromS(at + "#" + Keys.member(key.memberNo()) + "#" + Keys.application(key.year(), key.kind())),
                            ":submitted", AttributeValue.fromS(ApplicationStatus.SUBMITTED.name()), ":zero", AttributeValue.fromN("0"))));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public jp.nintei.domain.YearWindows windows(int year) {
        var r = dynamo.getItem(g -> g.tableName(table).key(Keys.key(Keys.window(year), Keys.window(year))));
        return MemberMapper.windows(year, r.hasItem() ? r.item() : null);
    }

    @Override
    public void audit(AuditEntry e) { audit(e, e.at() + "#" + UUID.randomUUID().toString().substring(0, 8)); }

    /** An audit line under a fixed id: written twice, it is still one line. */
    void audit(AuditEntry e, String id) {
        String day = e.at().atZone(AppClock.JST).toLocalDate().toString();
        List<WriteRequest> writes = new ArrayList<>();
        writes.add(put(auditItem("AUDIT#" + day, id, e)));
        if (e.memberNo() != null) writes.add(put(auditItem("AUDIT#MEMBER#" + e.memberNo(), id, e)));
        writeBatch(writes);
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static Map<String, AttributeValue> auditItem(String pk, String sk, AuditEntry e) {
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
    public List<AuditEntry> auditOn(LocalDate day) { return auditIn("AUDIT#" + day); }

    @Override
    public List<AuditEntry> auditOf(String memberNo) { return auditIn("AUDIT#MEMBER#" + memberNo); }

    private List<AuditEntry> auditIn(String pk) {
        List<AuditEntry> out = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table).keyConditionExpression("PK = :pk").scanIndexForward(false)
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items()
                .forEach(i -> out.add(new AuditEntry(Instant.parse(Attr.s(i, "at")), Attr.s(i, "actor"), Attr.s(i, "action"),
                        Attr.s(i, "memberNo"), Attr.s(i, "application"), Attr.s(i, "before"), Attr.s(i, "after"))));
        return out;
    }

    /** The page cursor: the GSI key of the last row, as opaque URL-safe text. */
    static String encode(Map<String, AttributeValue> key) {
        ObjectNode o = Json.object();
        key.forEach((k, v) -> o.put(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(o).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor) {
        try {
            JsonNode o = Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            Map<String, AttributeValue> key = new HashMap<>();
            for (String f : List.of(Keys.PK, Keys.SK, Keys.GSI1PK, Keys.GSI1SK)) {
                String v = Json.text(o, f);
                if (v == null) throw new IllegalArgumentException("cursor");
                key.put(f, AttributeValue.fromS(v));
            }
            return key;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor");
        }
    }
}
