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
                Keys.applicationItem(key),
                Keys.windowItem(key.year()));
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
                Keys.applicationItem(key),
                Keys.key(Keys.member(key.memberNo()), Keys.application(key.year(), primaryKind)),
                Keys.windowItem(key.year()));
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
        Update u = new Update(key, now).condition(DRAFT_OR_NEW).version(expectedVersion);
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
        var r = dynamo.getItem(g -> g.tableName(table).key(Keys.applicationItem(key)).consistentRead(true)
                .projectionExpression("#e").expressionAttributeNames(Map.of("#e", MemberMapper.EXTENDED_UNTIL)));
        return r.hasItem() ? Optional.ofNullable(Attr.date(r.item(), MemberMapper.EXTENDED_UNTIL)) : Optional.empty();
    }

    @Override
    public jp.nintei.domain.YearWindows windows(int year) {
        var r = dynamo.getItem(g -> g.tableName(table).key(Keys.windowItem(year)));
        return MemberMapper.windows(year, r.hasItem() ? r.item() : null);
    }

    @Override
    public long saveDraft(ApplicationKey key, long expectedVersion, List<String> preferences, Instant now) {
        Update u = new Update(key, now).condition(DRAFT_OR_NEW).version(expectedVersion);
        u.sectionOpen(jp.nintei.domain.review.ReviewSection.PREFERENCES);
        for (int i = 0; i < 3; i++) {
            String code = i < preferences.size() ? preferences.get(i) : null;
            if (code == null) u.remove("#p" + i, "pref" + (i + 1));
            else u.set("#p" + i, "pref" + (i + 1), AttributeValue.fromS(code));
        }
        return u.run();
    }

    @Override
    public long addDocument(ApplicationKey key, Document d, Instant now) {
        return new Update(key, now).condition(DRAFT_OR_NEW).sectionOpen(jp.nintei.domain.review.ReviewSection.of(d.purpose()))
                .set("#d", ApplicationMapper.DOC_PREFIX + d.id(), AttributeValue.fromM(ApplicationMapper.document(d))).run();
    }

    @Override
    public long registerDocument(ApplicationKey key, String documentId, int pages, Instant now) {
        return registered(new Update(key, now).condition("#status = :draft AND attribute_exists(#d)").documentSectionOpen(),
                documentId, pages).run();
    }

    @Override
    public long registerDocument(ApplicationKey key, String documentId, int pages, long expectedVersion, Instant now) {
        return registered(new Update(key, now).condition("#status = :draft AND attribute_exists(#d)").version(expectedVersion),
                documentId, pages).run();
    }

    /** The stored document {@code #d} marked 登録済 with its page count. */
    private static Update registered(Update u, String documentId, int pages) {
        u.w.name("#d", ApplicationMapper.DOC_PREFIX + documentId).name("#ds", "status").name("#dp", "pages")
                .setClause("#d.#ds = :registered").setClause("#d.#dp = :pages")
                .value(":registered", Document.Status.REGISTERED.name()).value(":pages", pages);
        return u;
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
        var r = dynamo.getItem(g -> g.tableName(table).key(Keys.applicationItem(key)).consistentRead(true)
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
        Update u = new Update(key, now).condition("#status = :draft").version(expectedVersion);
        if (member != null) {
            // as typed in the member record (never normalised); the review list searches these through GSI4
            if (member.name() != null) u.set("#mname", "name", AttributeValue.fromS(member.name()));
            if (member.kana() != null) u.set("#mkana", "kana", AttributeValue.fromS(member.kana()));
        }
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
        u.w.appendHistory(now, "SUBMITTED", key.memberNo(), null);
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
            new ConditionalUpdate(table, Keys.applicationItem(key)).remove("#g3pk", Keys.GSI3PK).run(dynamo);
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
        u.w.name("#mailId", "mailId").name("#mailState", "mailState").value(":mailId", mailId)
                .value(":pendingMail", MailStatus.State.PENDING.name()).increment("#mailAttempts", "mailAttempts");
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

    private static AttributeValue n(long v) { return AttributeValue.fromN(Long.toString(v)); }

    /**
     * One write of an application item ({@link ConditionalUpdate}) with what every such write carries: the version bump,
     * the identity and list fields of a first write, the 差し戻し's lock, and on refusal one read to say why.
     */
    private final class Update {
        final ConditionalUpdate w;
        boolean returnOld;
        /** the write is conditioned on the sections a 差し戻し opened */
        private boolean locked;
        Map<String, AttributeValue> old;
        /** The SDK's retry found this write already applied by its first attempt (no old values to return then). */
        boolean landedEarlier;
        private final boolean bumpsVersion;

        Update(ApplicationKey key, Instant now) { this(key, now, true); }

        Update(ApplicationKey key, Instant now, boolean bumpsVersion) {
            this.bumpsVersion = bumpsVersion;
            w = new ConditionalUpdate(table, Keys.applicationItem(key)).name("#status", "status")
                    .value(":draft", ApplicationStatus.DRAFT.name());
            if (bumpsVersion) {
                // identity and list-index fields, written on the first save and kept after
                w.increment("#version", "version");
                w.setIfAbsent("#status", "status", AttributeValue.fromS(ApplicationStatus.DRAFT.name()));
                w.setIfAbsent("#kind", ApplicationMapper.KIND, AttributeValue.fromS(key.kind().name()));
                w.setIfAbsent("#year", ApplicationMapper.YEAR, n(key.year()));
                w.setIfAbsent("#memberNo", ApplicationMapper.MEMBER_NO, AttributeValue.fromS(key.memberNo()));
                w.setIfAbsent("#createdAt", "createdAt", AttributeValue.fromS(now.toString()));
                w.setIfAbsent("#g1pk", Keys.GSI1PK, AttributeValue.fromS(Keys.applicationList(key.year(), key.kind())));
                w.setIfAbsent("#g1sk", Keys.GSI1SK, AttributeValue.fromS(Keys.applicationListSort(ApplicationStatus.DRAFT, now, key.memberNo())));
                w.set("#updatedAt", "updatedAt", AttributeValue.fromS(now.toString()));
            }
        }

        Update condition(String c) {
            w.when(c);
            return this;
        }

        /** The version the writer last read (0: no item yet): a write over a newer one is refused as stale. */
        Update version(long expected) {
            w.name("#version", "version");
            if (expected == 0) w.and("attribute_not_exists(#version)");
            else w.and("#version = :expected").value(":expected", expected);
            return this;
        }

        /** After a 差し戻し only the sections it names may change ({@code openSections} absent: all may). */
        Update sectionOpen(jp.nintei.domain.review.ReviewSection s) {
            w.name("#open", ReviewMapper.OPEN_SECTIONS).value(":section", s.slug())
                    .and("(attribute_not_exists(#open) OR contains(#open, :section))");
            locked = true;
            return this;
        }

        /** The same for a stored document {@code #d}: its purpose's section must be open. */
        Update documentSectionOpen() {
            w.name("#open", ReviewMapper.OPEN_SECTIONS).name("#dpurpose", "purpose");
            StringBuilder c = new StringBuilder("(attribute_not_exists(#open)");
            int i = 0;
            for (jp.nintei.domain.application.DocumentPurpose p : jp.nintei.domain.application.DocumentPurpose.values()) {
                w.value(":dp" + i, p.name()).value(":ds" + i, jp.nintei.domain.review.ReviewSection.of(p).slug());
                c.append(" OR (#d.#dpurpose = :dp").append(i).append(" AND contains(#open, :ds").append(i).append("))");
                i++;
            }
            w.and(c + ")");
            locked = true;
            return this;
        }

        Update set(String placeholder, String attribute, AttributeValue value) {
            w.set(placeholder, attribute, value);
            return this;
        }

        Update remove(String placeholder, String attribute) {
            w.remove(placeholder, attribute);
            return this;
        }

        long run() {
            w.returning(returnOld ? ReturnValue.ALL_OLD : ReturnValue.UPDATED_NEW);
            try {
                RetrySafeWrite.Result result = w.run(dynamo);
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
            String doc = w.attribute("#d");
            Map<String, String> projected = new HashMap<>(Map.of("#s", "status", "#open", ReviewMapper.OPEN_SECTIONS));
            if (doc != null) projected.put("#d", doc);
            var r = dynamo.getItem(g -> g.tableName(table).key(w.key()).consistentRead(true)
                    .projectionExpression(doc != null ? "#s, #open, #d" : "#s, #open").expressionAttributeNames(projected));
            String status = r.hasItem() ? Attr.s(r.item(), "status") : null;
            if (locked && ApplicationStatus.DRAFT.name().equals(status) && r.item().containsKey(ReviewMapper.OPEN_SECTIONS)) {
                List<String> open = r.item().get(ReviewMapper.OPEN_SECTIONS).ss();
                AttributeValue section = w.valueOf(":section");
                AttributeValue stored = doc == null ? null : r.item().get(doc);
                String needed = section != null ? section.s() : stored != null && stored.hasM()
                        ? jp.nintei.domain.review.ReviewSection.of(jp.nintei.domain.application.DocumentPurpose.valueOf(Attr.s(stored.m(), "purpose"))).slug()
                        : null;
                if (needed != null && !open.contains(needed)) return new Conflict(Conflict.Reason.LOCKED);
            }
            if (ApplicationStatus.SUBMITTED.name().equals(status) && bumpsVersion) return new Conflict(Conflict.Reason.SUBMITTED);
            if (ApplicationStatus.NOT_SUBMITTED.name().equals(status)) return new Conflict(Conflict.Reason.CLOSED);
            if (w.condition().contains("attribute_exists(#d)")) return new Conflict(Conflict.Reason.MISSING);
            return new Conflict(bumpsVersion ? Conflict.Reason.STALE : Conflict.Reason.MISSING);
        }
    }
}
