package jp.nintei.adapter.dynamo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** {@link ApplicationStore} on the single table: one item per application, one conditional update per write. */
public final class DynamoApplicationStore implements ApplicationStore, jp.nintei.port.SecondaryStore {
    /** On the year's window item: how many 業績 二次申請 asks for (a per-year setting; default 1). */
    public static final String REQUIRED_ACHIEVEMENTS = "requiredAchievements";
    /** GSI3 partition of submissions whose audit line is not written yet. */
    private static final String DRAFT_OR_NEW = "(attribute_not_exists(PK) OR #status = :draft)";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoApplicationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<ApplicationStore.Snapshot> load(ApplicationKey key) {
        List<Map<String, AttributeValue>> keys = List.of(
                Keys.key(Keys.member(key.memberNo()), Keys.PROFILE),
                Keys.key(Keys.member(key.memberNo()), Keys.application(key.year(), key.kind())),
                Keys.key(Keys.window(key.year()), Keys.window(key.year())));
        List<Map<String, AttributeValue>> items = batchGet(keys);
        Member member = null;
        Map<String, AttributeValue> window = null;
        PrimaryApplication app = PrimaryApplication.empty(key.memberNo(), key.year(), key.kind());
        jp.nintei.domain.review.Correction correction = null;
        for (Map<String, AttributeValue> item : items) {
            String sk = Attr.s(item, Keys.SK);
            if (Keys.PROFILE.equals(sk)) member = MemberMapper.member(item);
            else if (Keys.isApplication(sk)) {
                app = ApplicationMapper.application(item);
                correction = ReviewMapper.correction(item);
            }
            else window = item;
        }
        if (member == null) return Optional.empty();
        return Optional.of(new ApplicationStore.Snapshot(member, MemberMapper.windows(key.year(), window), app, correction));
    }

    @Override
    public Optional<jp.nintei.port.SecondaryStore.Snapshot> loadSecondary(ApplicationKey key) {
        ApplicationKind primaryKind = key.kind().requiredPrimary();
        List<Map<String, AttributeValue>> keys = List.of(
                Keys.key(Keys.member(key.memberNo()), Keys.PROFILE),
                Keys.key(Keys.member(key.memberNo()), Keys.application(key.year(), key.kind())),
                Keys.key(Keys.member(key.memberNo()), Keys.application(key.year(), primaryKind)),
                Keys.key(Keys.window(key.year()), Keys.window(key.year())));
        Member member = null;
        Map<String, AttributeValue> window = null;
        jp.nintei.domain.secondary.SecondaryApplication app =
                jp.nintei.domain.secondary.SecondaryApplication.empty(key.memberNo(), key.year(), key.kind());
        jp.nintei.domain.review.Correction correction = jp.nintei.domain.review.Correction.NONE;
        boolean primarySubmitted = false;
        String primarySk = Keys.application(key.year(), primaryKind);
        for (Map<String, AttributeValue> item : batchGet(keys)) {
            String sk = Attr.s(item, Keys.SK);
            if (Keys.PROFILE.equals(sk)) member = MemberMapper.member(item);
            else if (sk.equals(primarySk)) primarySubmitted = ApplicationStatus.SUBMITTED.name().equals(Attr.s(item, "status"));
            else if (Keys.isApplication(sk)) {
                app = SecondaryMapper.secondary(item);
                correction = ReviewMapper.correction(item);
            }
            else window = item;
        }
        if (member == null) return Optional.empty();
        int required = window == null || !window.containsKey(REQUIRED_ACHIEVEMENTS) ? 1 : Attr.n(window, REQUIRED_ACHIEVEMENTS);
        return Optional.of(new jp.nintei.port.SecondaryStore.Snapshot(member, MemberMapper.windows(key.year(), window), app,
                primarySubmitted, new jp.nintei.domain.secondary.AchievementRules.Required(Math.max(1, required)), correction));
    }

    @Override
    public long saveSecondary(ApplicationKey key, long expectedVersion, jp.nintei.port.SecondaryStore.Change c, Instant now) {
        Update u = new Update(key, now).condition(DRAFT_OR_NEW + " AND " + versionIs(expectedVersion));
        if (expectedVersion > 0) u.values.put(":expected", n(expectedVersion));
        u.sectionOpen(c.resume() != null ? jp.nintei.domain.review.ReviewSection.RESUME
                : c.training() != null ? jp.nintei.domain.review.ReviewSection.TRAINING
                : c.achievements() != null ? jp.nintei.domain.review.ReviewSection.ACHIEVEMENTS
                : c.identity() != null ? jp.nintei.domain.review.ReviewSection.IDENTITY
                : jp.nintei.domain.review.ReviewSection.REQUIREMENTS);
        if (c.resume() != null) u.set("#resume", SecondaryMapper.RESUME, SecondaryMapper.json(SecondaryItemJson.resume(c.resume())));
        if (c.training() != null) u.set("#training", SecondaryMapper.TRAINING, SecondaryMapper.json(SecondaryItemJson.training(c.training())));
        if (c.achievements() != null) u.set("#achievements", SecondaryMapper.ACHIEVEMENTS, SecondaryMapper.json(SecondaryItemJson.achievements(c.achievements())));
        if (c.identity() != null) u.set("#identity", SecondaryMapper.IDENTITY, SecondaryMapper.json(SecondaryItemJson.identity(c.identity())));
        if (c.duesInProcess() != null) u.set("#dues", SecondaryMapper.DUES_IN_PROCESS, AttributeValue.fromBool(c.duesInProcess()));
        if (c.july() != null) u.set("#july", SecondaryMapper.JULY, SecondaryMapper.json(SecondaryItemJson.july(c.july())));
        return u.run();
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        return DynamoBatch.get(dynamo, table, keys, KeysAndAttributes.builder().consistentRead(true).build());
    }

    @Override
    public Optional<java.time.LocalDate> extension(ApplicationKey key) {
        var r = dynamo.getItem(g -> g.tableName(table).key(appKey(key)).consistentRead(true)
                .projectionExpression("#e").expressionAttributeNames(Map.of("#e", MemberMapper.EXTENDED_UNTIL)));
        return r.hasItem() ? Optional.ofNullable(Attr.date(r.item(), MemberMapper.EXTENDED_UNTIL)) : Optional.empty();
    }

    @Override
    public jp.nintei.domain.YearWindows windows(int year) {
        var r = dynamo.getItem(g -> g.tableName(table).key(Keys.key(Keys.window(year), Keys.window(year))));
        return MemberMapper.windows(year, r.hasItem() ? r.item() : null);
    }

    @Override
    public long saveDraft(ApplicationKey key, long expectedVersion, List<String> preferences, Instant now) {
        Update u = new Update(key, now).condition(DRAFT_OR_NEW + " AND " + versionIs(expectedVersion));
        u.sectionOpen(jp.nintei.domain.review.ReviewSection.PREFERENCES);
        for (int i = 0; i < 3; i++) {
            String code = i < preferences.size() ? preferences.get(i) : null;
            if (code == null) u.remove("#p" + i, "pref" + (i + 1));
            else u.set("#p" + i, "pref" + (i + 1), AttributeValue.fromS(code));
        }
        if (expectedVersion > 0) u.values.put(":expected", n(expectedVersion));
        return u.run();
    }

    @Override
    public long addDocument(ApplicationKey key, Document d, Instant now) {
        return new Update(key, now).condition(DRAFT_OR_NEW).sectionOpen(jp.nintei.domain.review.ReviewSection.of(d.purpose()))
                .set("#d", ApplicationMapper.DOC_PREFIX + d.id(), AttributeValue.fromM(ApplicationMapper.document(d))).run();
    }

    @Override
    public long registerDocument(ApplicationKey key, String documentId, int pages, Instant now) {
        Update u = new Update(key, now).condition("#status = :draft AND attribute_exists(#d)").documentSectionOpen();
        u.names.put("#d", ApplicationMapper.DOC_PREFIX + documentId);
        u.names.put("#ds", "status");
        u.names.put("#dp", "pages");
        u.sets.add("#d.#ds = :registered");
        u.sets.add("#d.#dp = :pages");
        u.values.put(":registered", AttributeValue.fromS(Document.Status.REGISTERED.name()));
        u.values.put(":pages", n(pages));
        return u.run();
    }

    @Override
    public long registerDocument(ApplicationKey key, String documentId, int pages, long expectedVersion, Instant now) {
        Update u = new Update(key, now).condition("#status = :draft AND attribute_exists(#d) AND " + versionIs(expectedVersion));
        u.values.put(":expected", n(expectedVersion));
        u.names.put("#d", ApplicationMapper.DOC_PREFIX + documentId);
        u.names.put("#ds", "status");
        u.names.put("#dp", "pages");
        u.sets.add("#d.#ds = :registered");
        u.sets.add("#d.#dp = :pages");
        u.values.put(":registered", AttributeValue.fromS(Document.Status.REGISTERED.name()));
        u.values.put(":pages", n(pages));
        return u.run();
    }

    @Override
    public Optional<Document> removeDocument(ApplicationKey key, String documentId, Instant now) {
        Update u = new Update(key, now).condition("#status = :draft AND attribute_exists(#d)").documentSectionOpen();
        u.remove("#d", ApplicationMapper.DOC_PREFIX + documentId);
        u.returnOld = true;
        try {
            u.run();
        } catch (Conflict c) {
            if (c.reason() == Conflict.Reason.MISSING) return Optional.empty();
            throw c;
        }
        if (u.landedEarlier) {
            // removed by this request's first attempt: the caller needs only to know that it is gone (to delete the object)
            return Optional.of(new Document(documentId, null, null, 0, null, null, Document.Status.REGISTERED, null, 0));
        }
        return Optional.ofNullable(u.old).map(old -> ApplicationMapper.document(documentId,
                old.get(ApplicationMapper.DOC_PREFIX + documentId).m()));
    }

    @Override
    public Optional<Document> findDocument(ApplicationKey key, String documentId) {
        var r = dynamo.getItem(g -> g.tableName(table).key(appKey(key)).consistentRead(true)
                .projectionExpression("#d").expressionAttributeNames(Map.of("#d", ApplicationMapper.DOC_PREFIX + documentId)));
        AttributeValue v = r.hasItem() ? r.item().get(ApplicationMapper.DOC_PREFIX + documentId) : null;
        return v == null ? Optional.empty() : Optional.of(ApplicationMapper.document(documentId, v.m()));
    }

    @Override
    public void submit(ApplicationKey key, long expectedVersion, String receiptNo, String mailId, Instant now) {
        submit(key, expectedVersion, receiptNo, mailId, now, null);
    }

    @Override
    public void submit(ApplicationKey key, long expectedVersion, String receiptNo, String mailId, Instant now, Member member) {
        Update u = new Update(key, now).condition("#status = :draft AND " + versionIs(expectedVersion));
        if (member != null) {
            // as typed in the member record (never normalised); the review list searches these through GSI4
            if (member.name() != null) u.set("#mname", "name", AttributeValue.fromS(member.name()));
            if (member.kana() != null) u.set("#mkana", "kana", AttributeValue.fromS(member.kana()));
        }
        u.values.put(":expected", n(expectedVersion));
        u.set("#status", "status", AttributeValue.fromS(ApplicationStatus.SUBMITTED.name()));
        u.set("#submittedAt", "submittedAt", AttributeValue.fromS(now.toString()));
        u.set("#receiptNo", "receiptNo", AttributeValue.fromS(receiptNo));
        u.set("#mailId", "mailId", AttributeValue.fromS(mailId));
        u.set("#mailState", "mailState", AttributeValue.fromS(MailStatus.State.PENDING.name()));
        u.set("#mailAttempts", "mailAttempts", n(0));
        u.set("#g1sk", Keys.GSI1SK, AttributeValue.fromS(Keys.applicationListSort(ApplicationStatus.SUBMITTED, now, key.memberNo())));
        u.set("#g2pk", Keys.GSI2PK, AttributeValue.fromS(Keys.MAIL_PENDING));
        u.set("#g2sk", Keys.GSI2SK, AttributeValue.fromS(Keys.pendingMailSort(now, key.memberNo(), key.year(), key.kind())));
        // 書類審査 list: every submitted application, newest submission first (a resubmission moves it up)
        u.set("#g4pk", Keys.GSI4PK, AttributeValue.fromS(Keys.reviewList(key.year(), key.kind())));
        u.set("#g4sk", Keys.GSI4SK, AttributeValue.fromS(Keys.reviewListSort(now, key.memberNo())));
        u.remove("#open", ReviewMapper.OPEN_SECTIONS); // a 差し戻し answered: nothing stays locked for a later reopening
        // the audit line is queued with the submission itself (sparse on GSI3, which application items use for nothing
        // else): if writing it fails after the submit, the mail-retry schedule writes it later
        u.set("#g3pk", Keys.GSI3PK, AttributeValue.fromS(Keys.AUDIT_PENDING));
        u.names.put("#history", "history");
        u.sets.add("#history = list_append(if_not_exists(#history, :noHistory), :event)");
        u.values.put(":noHistory", AttributeValue.fromL(List.of()));
        u.values.put(":event", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                "at", AttributeValue.fromS(now.toString()), "event", AttributeValue.fromS("SUBMITTED"),
                "by", AttributeValue.fromS(key.memberNo()))))));
        u.run();
    }

    @Override
    public void recordSubmission(ApplicationKey key, String receiptNo, long version, Instant at) {
        // one id per submission: written again by a retry, it is the same line, never a second one
        new DynamoAuditLog(dynamo, table).record(new jp.nintei.port.AuditLog.Entry(at, key.memberNo(), "SUBMITTED",
                key.memberNo(), key.kind().slug(), "下書き（版 " + version + "）", "申請済（受付番号 " + receiptNo + "）"),
                at + "#SUBMITTED#" + key.kind().name());
    }

    @Override
    public int recordPendingAudits(int limit) {
        QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI3).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI3PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.AUDIT_PENDING))).limit(limit));
        int written = 0;
        for (Map<String, AttributeValue> k : r.items()) {
            var item = dynamo.getItem(g -> g.tableName(table).key(Keys.key(Attr.s(k, Keys.PK), Attr.s(k, Keys.SK))).consistentRead(true));
            if (!item.hasItem() || Attr.s(item.item(), "submittedAt") == null) continue;
            var i = item.item();
            String sk = Attr.s(i, Keys.SK);
            ApplicationKey key = new ApplicationKey(Attr.s(i, ApplicationMapper.MEMBER_NO), Keys.applicationYear(sk), Keys.applicationKind(sk));
            recordSubmission(key, Attr.s(i, "receiptNo"), Math.max(0, Attr.n(i, "version") - 1), Instant.parse(Attr.s(i, "submittedAt")));
            RetrySafeWrite.update(dynamo, u -> u.tableName(table).key(appKey(key)).updateExpression("REMOVE #g3pk")
                    .expressionAttributeNames(Map.of("#g3pk", Keys.GSI3PK)));
            written++;
        }
        return written;
    }

    @Override
    public void markMailSent(ApplicationKey key, String mailId, Instant now) { markMailSent(key, mailId, now, false); }

    @Override
    public void markMailSent(ApplicationKey key, String mailId, Instant now, boolean auditWritten) {
        Update u = mailUpdate(key, mailId, now, MailStatus.State.SENT);
        u.set("#mailSentAt", "mailSentAt", AttributeValue.fromS(now.toString()));
        if (auditWritten) u.remove("#g3pk", Keys.GSI3PK); // off the audit queue in the same write
        runIgnoringConflict(u); // another sender got there first: the mail is sent, which is all that matters
    }

    @Override
    public void recordMailAttempt(ApplicationKey key, String mailId, Instant now) {
        runIgnoringConflict(mailUpdate(key, mailId, now, null)); // sent meanwhile: nothing to record
    }

    @Override
    public void markMailFailed(ApplicationKey key, String mailId, Instant now) {
        runIgnoringConflict(mailUpdate(key, mailId, now, MailStatus.State.FAILED));
    }

    /**
     * One attempt more on a still pending mail with this id; with {@code newState} (SENT, FAILED) the mail also
     * leaves the pending state and the sparse GSI2 retry queue.
     */
    private Update mailUpdate(ApplicationKey key, String mailId, Instant now, MailStatus.State newState) {
        Update u = new Update(key, now, false).condition("#mailId = :mailId AND #mailState = :pendingMail");
        u.values.put(":mailId", AttributeValue.fromS(mailId));
        u.values.put(":pendingMail", AttributeValue.fromS(MailStatus.State.PENDING.name()));
        u.names.put("#mailId", "mailId");
        u.names.put("#mailState", "mailState");
        u.sets.add("#mailAttempts = #mailAttempts + :one");
        u.names.put("#mailAttempts", "mailAttempts");
        u.values.put(":one", n(1));
        if (newState != null) {
            u.set("#mailState", "mailState", AttributeValue.fromS(newState.name()));
            u.remove("#g2pk", Keys.GSI2PK);
            u.remove("#g2sk", Keys.GSI2SK);
        }
        return u;
    }

    private static void runIgnoringConflict(Update u) {
        try {
            u.run();
        } catch (Conflict ignored) {
            // the mail's state moved on meanwhile
        }
    }

    @Override
    public List<PendingMail> pendingMail(Instant before, int limit) {
        QueryResponse r = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI2)
                .keyConditionExpression("#pk = :pk AND #sk < :before")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI2PK, "#sk", Keys.GSI2SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.MAIL_PENDING),
                        ":before", AttributeValue.fromS(before.toString())))
                .limit(limit));
        List<PendingMail> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : r.items()) {
            String pk = Attr.s(item, Keys.PK);
            String sk = Attr.s(item, Keys.SK);
            String since = Keys.pendingMailSince(Attr.s(item, Keys.GSI2SK));
            out.add(new PendingMail(new ApplicationKey(Keys.memberNoOf(pk), Keys.applicationYear(sk),
                    Keys.applicationKind(sk)), null, Instant.parse(since)));
        }
        return out;
    }

    private Map<String, AttributeValue> appKey(ApplicationKey key) {
        return Keys.key(Keys.member(key.memberNo()), Keys.application(key.year(), key.kind()));
    }

    private static String versionIs(long expected) {
        return expected == 0 ? "attribute_not_exists(#version)" : "#version = :expected";
    }

    private static AttributeValue n(long v) { return AttributeValue.fromN(Long.toString(v)); }

    /** One UpdateItem: the set/remove clauses, the condition, the version bump and the item's identity fields. */
    private final class Update {
        final ApplicationKey key;
        final Map<String, String> names = new HashMap<>();
        final Map<String, AttributeValue> values = new HashMap<>();
        final List<String> sets = new ArrayList<>();
        final List<String> removes = new ArrayList<>();
        String condition;
        boolean returnOld;
        /** the write is conditioned on the sections a 差し戻し opened */
        boolean locked;
        Map<String, AttributeValue> old;
        /** The SDK's retry found this write already applied by its first attempt (no old values to return then). */
        boolean landedEarlier;
        private final boolean bumpsVersion;

        Update(ApplicationKey key, Instant now) { this(key, now, true); }

        Update(ApplicationKey key, Instant now, boolean bumpsVersion) {
            this.key = key;
            this.bumpsVersion = bumpsVersion;
            names.put("#status", "status");
            values.put(":draft", AttributeValue.fromS(ApplicationStatus.DRAFT.name()));
            if (bumpsVersion) {
                // identity and list-index fields, written on the first save and kept after
                names.put("#version", "version");
                sets.add("#version = if_not_exists(#version, :zero) + :one");
                values.put(":zero", n(0));
                values.put(":one", n(1));
                set("#status", "status", null);
                sets.add("#status = if_not_exists(#status, :draft)");
                ifAbsent("#kind", ApplicationMapper.KIND, AttributeValue.fromS(key.kind().name()));
                ifAbsent("#year", ApplicationMapper.YEAR, n(key.year()));
                ifAbsent("#memberNo", ApplicationMapper.MEMBER_NO, AttributeValue.fromS(key.memberNo()));
                ifAbsent("#createdAt", "createdAt", AttributeValue.fromS(now.toString()));
                ifAbsent("#g1pk", Keys.GSI1PK, AttributeValue.fromS(Keys.applicationList(key.year(), key.kind())));
                ifAbsent("#g1sk", Keys.GSI1SK, AttributeValue.fromS(Keys.applicationListSort(ApplicationStatus.DRAFT, now, key.memberNo())));
                set("#updatedAt", "updatedAt", AttributeValue.fromS(now.toString()));
            }
        }

        Update condition(String c) {
            this.condition = c;
            return this;
        }

        /** After a 差し戻し only the sections it names may change ({@code openSections} absent: all may). */
        Update sectionOpen(jp.nintei.domain.review.ReviewSection s) {
            names.put("#open", ReviewMapper.OPEN_SECTIONS);
            values.put(":section", AttributeValue.fromS(s.slug()));
            condition = condition + " AND (attribute_not_exists(#open) OR contains(#open, :section))";
            locked = true;
            return this;
        }

        /** The same for a stored document {@code #d}: its purpose's section must be open. */
        Update documentSectionOpen() {
            names.put("#open", ReviewMapper.OPEN_SECTIONS);
            names.put("#dpurpose", "purpose");
            StringBuilder c = new StringBuilder(" AND (attribute_not_exists(#open)");
            int i = 0;
            for (jp.nintei.domain.application.DocumentPurpose p : jp.nintei.domain.application.DocumentPurpose.values()) {
                values.put(":dp" + i, AttributeValue.fromS(p.name()));
                values.put(":ds" + i, AttributeValue.fromS(jp.nintei.domain.review.ReviewSection.of(p).slug()));
                c.append(" OR (#d.#dpurpose = :dp").append(i).append(" AND contains(#open, :ds").append(i).append("))");
                i++;
            }
            condition = condition + c + ")";
            locked = true;
            return this;
        }

        Update set(String placeholder, String attribute, AttributeValue value) {
            names.put(placeholder, attribute);
            if (value == null) return this;
            String v = ":" + placeholder.substring(1);
            values.put(v, value);
            sets.removeIf(s -> s.startsWith(placeholder + " ="));
            sets.add(placeholder + " = " + v);
            return this;
        }

        void ifAbsent(String placeholder, String attribute, AttributeValue value) {
            names.put(placeholder, attribute);
            String v = ":" + placeholder.substring(1);
            values.put(v, value);
            sets.add(placeholder + " = if_not_exists(" + placeholder + ", " + v + ")");
        }

        Update remove(String placeholder, String attribute) {
            names.put(placeholder, attribute);
            removes.add(placeholder);
            return this;
        }

        long run() {
            StringBuilder expr = new StringBuilder("SET ").append(String.join(", ", sets));
            if (!removes.isEmpty()) expr.append(" REMOVE ").append(String.join(", ", removes));
            Map<String, String> usedNames = new HashMap<>();
            String all = expr + " " + condition;
            names.forEach((k, v) -> { if (all.contains(k)) usedNames.put(k, v); });
            Map<String, AttributeValue> usedValues = new HashMap<>();
            values.forEach((k, v) -> { if (containsToken(all, k)) usedValues.put(k, v); });
            UpdateItemRequest request = UpdateItemRequest.builder().tableName(table).key(appKey(key))
                    .updateExpression(expr.toString()).conditionExpression(condition)
                    .expressionAttributeNames(usedNames).expressionAttributeValues(usedValues)
                    .returnValues(returnOld ? ReturnValue.ALL_OLD : ReturnValue.UPDATED_NEW).build();
            try {
                RetrySafeWrite.Result result = RetrySafeWrite.update(dynamo, request);
                UpdateItemResponse r = result.response();
                landedEarlier = result.earlierAttempt();
                if (returnOld && !landedEarlier) old = r.attributes();
                AttributeValue v = r.hasAttributes() ? r.attributes().get("version") : null;
                return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
            } catch (ConditionalCheckFailedException e) {
                throw diagnose();
            }
        }

        /** Only on the failure path: one read to tell "submitted" from "stale" from "no such document". */
        private Conflict diagnose() {
            String doc = names.get("#d");
            Map<String, String> projected = new HashMap<>(Map.of("#s", "status", "#open", ReviewMapper.OPEN_SECTIONS));
            if (doc != null) projected.put("#d", doc);
            var r = dynamo.getItem(g -> g.tableName(table).key(appKey(key)).consistentRead(true)
                    .projectionExpression(doc != null ? "#s, #open, #d" : "#s, #open").expressionAttributeNames(projected));
            String status = r.hasItem() ? Attr.s(r.item(), "status") : null;
            if (locked && ApplicationStatus.DRAFT.name().equals(status) && r.item().containsKey(ReviewMapper.OPEN_SECTIONS)) {
                java.util.List<String> open = r.item().get(ReviewMapper.OPEN_SECTIONS).ss();
                AttributeValue section = values.get(":section");
                AttributeValue stored = doc == null ? null : r.item().get(doc);
                String needed = section != null ? section.s() : stored != null && stored.hasM()
                        ? jp.nintei.domain.review.ReviewSection.of(jp.nintei.domain.application.DocumentPurpose.valueOf(Attr.s(stored.m(), "purpose"))).slug()
                        : null;
                if (needed != null && !open.contains(needed)) return new Conflict(Conflict.Reason.LOCKED);
            }
            if (ApplicationStatus.SUBMITTED.name().equals(status) && bumpsVersion) return new Conflict(Conflict.Reason.SUBMITTED);
            if (ApplicationStatus.NOT_SUBMITTED.name().equals(status)) return new Conflict(Conflict.Reason.CLOSED);
            if (condition.contains("attribute_exists(#d)")) return new Conflict(Conflict.Reason.MISSING);
            return new Conflict(bumpsVersion ? Conflict.Reason.STALE : Conflict.Reason.MISSING);
        }
    }

    private static boolean containsToken(String text, String token) {
        int i = text.indexOf(token);
        while (i >= 0) {
            int end = i + token.length();
            if (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end))) return true;
            i = text.indexOf(token, i + 1);
        }
        return false;
    }
}
