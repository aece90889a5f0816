package jp.nintei.inmemory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;
import jp.nintei.domain.YearWindows;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.domain.application.PrimaryApplication;
import jp.nintei.domain.review.ReviewSection;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationStore;

/**
 * {@link ApplicationStore} in memory, with the answers of DynamoApplicationStore: every versioned write is refused
 * with the same {@link Conflict} reason (a stale version, a submitted application, a 未提出 one, a section a 差し戻し
 * did not open), a submitted application never changes, and the mail outbox moves only from PENDING.
 */
public final class InMemoryApplicationStore implements ApplicationStore {
    private final InMemoryTable table;
    private volatile boolean auditFailing;

    public InMemoryApplicationStore(InMemoryTable table) { this.table = table; }

    /** Makes the submission's audit write fail (as a throttled table would): the submission must stand. */
    public void failAuditWrites(boolean failing) { this.auditFailing = failing; }

    @Override
    public Optional<Snapshot> load(ApplicationKey key) {
        synchronized (table) {
            Member m = table.members.get(key.memberNo());
            if (m == null) return Optional.empty();
            InMemoryTable.Item i = table.items.get(key);
            return Optional.of(new Snapshot(m, table.windows(key.year()), i == null
                    ? PrimaryApplication.empty(key.memberNo(), key.year(), key.kind()) : primary(i),
                    i == null ? null : i.correction));
        }
    }

    static PrimaryApplication primary(InMemoryTable.Item i) {
        return new PrimaryApplication(i.key.memberNo(), i.key.year(), i.key.kind(), i.status, i.version, i.preferences,
                List.copyOf(i.documents.values()), i.submittedAt, i.receiptNo, i.mail);
    }

    @Override
    public YearWindows windows(int year) {
        synchronized (table) {
            return table.windows(year);
        }
    }

    @Override
    public Optional<LocalDate> extension(ApplicationKey key) {
        synchronized (table) {
            InMemoryTable.Item i = table.items.get(key);
            return i == null ? Optional.empty() : Optional.ofNullable(i.extendedUntil);
        }
    }

    @Override
    public long saveDraft(ApplicationKey key, long expectedVersion, List<String> preferences, Instant now) {
        synchronized (table) {
            InMemoryTable.Item i = table.write(key, true, expectedVersion, ReviewSection.PREFERENCES, null, now);
            List<String> p = new ArrayList<>();
            for (int n = 0; n < 3; n++) p.add(n < preferences.size() ? preferences.get(n) : null);
            i.preferences = p;
            return InMemoryTable.bump(i, now);
        }
    }

    /** No version condition (a slot may be asked for while another tab saves); a draft or a new item only. */
    @Override
    public long addDocument(ApplicationKey key, Document document, Instant now) {
        synchronized (table) {
            InMemoryTable.Item i = table.write(key, true, null, ReviewSection.of(document.purpose()), null, now);
            i.documents.put(document.id(), document);
            return InMemoryTable.bump(i, now);
        }
    }

    @Override
    public long registerDocument(ApplicationKey key, String documentId, int pages, Instant now) {
        return register(key, documentId, pages, null, now);
    }

    @Override
    public long registerDocument(ApplicationKey key, String documentId, int pages, long expectedVersion, Instant now) {
        return register(key, documentId, pages, expectedVersion, now);
    }

    /**
     * A draft holding the document, at {@code expectedVersion} when given. Any failure of a write that names a
     * document, a stale version included, is MISSING (the DynamoDB diagnosis cannot tell them apart; the caller looks
     * the document up to know whether it should count again).
     */
    private long register(ApplicationKey key, String documentId, int pages, Long expectedVersion, Instant now) {
        synchronized (table) {
            InMemoryTable.Item i = table.write(key, false, expectedVersion, null, documentId, now);
            Document d = i.documents.get(documentId);
            i.documents.put(documentId, new Document(d.id(), d.purpose(), d.fileName(), d.size(), d.type(), d.sha256(),
                    Document.Status.REGISTERED, d.uploadedAt(), pages));
            return InMemoryTable.bump(i, now);
        }
    }

    /** Empty when there is no such document (MISSING is an answer here, not a conflict); a submitted item refuses. */
    @Override
    public Optional<Document> removeDocument(ApplicationKey key, String documentId, Instant now) {
        synchronized (table) {
            InMemoryTable.Item i;
            try {
                i = table.write(key, false, null, null, documentId, now);
            } catch (Conflict c) {
                if (c.reason() == Conflict.Reason.MISSING) return Optional.empty();
                throw c;
            }
            Document removed = i.documents.remove(documentId);
            InMemoryTable.bump(i, now);
            return Optional.of(removed);
        }
    }

    @Override
    public Optional<Document> findDocument(ApplicationKey key, String documentId) {
        synchronized (table) {
            InMemoryTable.Item i = table.items.get(key);
            return i == null ? Optional.empty() : Optional.ofNullable(i.documents.get(documentId));
        }
    }

    @Override
    public void submit(ApplicationKey key, long expectedVersion, String receiptNo, String mailId, Instant now) {
        submit(key, expectedVersion, receiptNo, mailId, now, null);
    }

    /**
     * Only a draft at {@code expectedVersion}: a second submit gets SUBMITTED (the caller answers with the first
     * submission), a stale one STALE. The submission, its pending mail and its place on the audit queue are one write.
     */
    @Override
    public void submit(ApplicationKey key, long expectedVersion, String receiptNo, String mailId, Instant now, Member member) {
        synchronized (table) {
            InMemoryTable.Item i = table.write(key, false, expectedVersion, null, null, now);
            if (member != null) {
                if (member.name() != null) i.name = member.name();
                if (member.kana() != null) i.kana = member.kana();
            }
            i.status = ApplicationStatus.SUBMITTED;
            i.submittedAt = now;
            i.receiptNo = receiptNo;
            i.mail = new MailStatus(mailId, MailStatus.State.PENDING, 0, null);
            i.openSections = null; // a 差し戻し answered: nothing stays locked for a later reopening
            i.auditPending = true;
            i.history.add("SUBMITTED");
            InMemoryTable.bump(i, now);
        }
    }

    @Override
    public void markMailSent(ApplicationKey key, String mailId, Instant now) { markMailSent(key, mailId, now, false); }

    @Override
    public void markMailSent(ApplicationKey key, String mailId, Instant now, boolean auditWritten) {
        mailUpdate(key, mailId, now, MailStatus.State.SENT, auditWritten);
    }

    @Override
    public void recordSubmission(ApplicationKey key, String receiptNo, long version, Instant at) {
        if (auditFailing) throw new jp.nintei.port.StoreUnavailable("audit write throttled (test)");
        synchronized (table) {
            table.auditLines.put(at + "#SUBMITTED#" + key.kind().name(), key.memberNo() + " SUBMITTED " + key.kind().slug()
                    + " 下書き（版 " + version + "） → 申請済（受付番号 " + receiptNo + "）");
        }
    }

    @Override
    public int recordPendingAudits(int limit) {
        List<InMemoryTable.Item> queued;
        synchronized (table) {
            queued = table.items.values().stream().filter(i -> i.auditPending && i.submittedAt != null).limit(limit).toList();
        }
        int written = 0;
        for (InMemoryTable.Item i : queued) {
            recordSubmission(i.key, i.receiptNo, Math.max(0, i.version - 1), i.submittedAt);
            synchronized (table) {
                i.auditPending = false;
            }
            written++;
        }
        return written;
    }

    @Override
    public void recordMailAttempt(ApplicationKey key, String mailId, Instant now) { mailUpdate(key, mailId, now, null, false); }

    @Override
    public void markMailFailed(ApplicationKey key, String mailId, Instant now) {
        mailUpdate(key, mailId, now, MailStatus.State.FAILED, false);
    }

    /**
     * One attempt more on a still PENDING mail with this id (no version bump); with {@code next} it also leaves the
     * outbox. A mail that moved on meanwhile (sent by another sender, another id after a resubmission) is left as it is.
     */
    private void mailUpdate(ApplicationKey key, String mailId, Instant now, MailStatus.State next, boolean auditWritten) {
        synchronized (table) {
            InMemoryTable.Item i = table.items.get(key);
            if (i == null || i.mail == null || !i.mail.id().equals(mailId) || !i.mail.pending()) return;
            MailStatus.State state = next == null ? MailStatus.State.PENDING : next;
            i.mail = new MailStatus(mailId, state, i.mail.attempts() + 1, state == MailStatus.State.SENT ? now : i.mail.sentAt());
            if (auditWritten) i.auditPending = false;
        }
    }

    /** The outbox: pending mails of submissions before {@code before}, oldest first (the mail id is not projected). */
    @Override
    public List<PendingMail> pendingMail(Instant before, int limit) {
        synchronized (table) {
            return table.items.values().stream()
                    .filter(i -> i.mail != null && i.mail.pending() && i.submittedAt != null && i.submittedAt.isBefore(before))
                    .sorted(Comparator.comparing((InMemoryTable.Item i) -> i.submittedAt))
                    .limit(limit).map(i -> new PendingMail(i.key, null, i.submittedAt)).toList();
        }
    }
}
