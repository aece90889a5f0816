package jp.nintei.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.nintei.domain.Member;
import jp.nintei.domain.YearWindows;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.PrimaryApplication;

/**
 * Applications, one item each. Every write is one conditional update guarded by the item's status and
 * version: a submitted application never changes, a stale save never overwrites a newer one.
 */
public interface ApplicationStore {
    /** The member, the year's windows and the application (empty draft when none is stored): one request. */
    record Snapshot(Member member, YearWindows windows, PrimaryApplication application, jp.nintei.domain.review.Correction correction) {
        public Snapshot {
            if (correction == null) correction = jp.nintei.domain.review.Correction.NONE;
        }

        public Snapshot(Member member, YearWindows windows, PrimaryApplication application) { this(member, windows, application, null); }
    }

    /** A conditional write lost: the application is submitted, or {@code version} is no longer current. */
    final class Conflict extends RuntimeException {
        /** LOCKED: after a 差し戻し, a part the secretariat did not ask to correct. */
        public enum Reason { SUBMITTED, STALE, MISSING, CLOSED, LOCKED }

        private final Reason reason;

        public Conflict(Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public Reason reason() { return reason; }
    }

    /** A submission whose confirmation mail is not sent yet. */
    record PendingMail(ApplicationKey key, String mailId, Instant since) {}

    Optional<Snapshot> load(ApplicationKey key);

    /** The year's windows (defaults where none are stored). */
    YearWindows windows(int year);

    /** This applicant's individual extension of the deadline (last day, JST), if the secretariat gave one. */
    Optional<java.time.LocalDate> extension(ApplicationKey key);

    /** Saves the 希望地 of a draft whose stored version is {@code expectedVersion}; returns the new version. */
    long saveDraft(ApplicationKey key, long expectedVersion, List<String> preferences, Instant now);

    /** Records an upload slot (pending document) on a draft; returns the new version. */
    long addDocument(ApplicationKey key, Document document, Instant now);

    /** Marks a pending document registered (verified), with its page count; returns the new version. */
    long registerDocument(ApplicationKey key, String documentId, int pages, Instant now);

    /**
     * As {@link #registerDocument(ApplicationKey, String, int, Instant)}, only while the item is still at
     * {@code expectedVersion}: the version at which the registered files of the purpose were counted, so that two
     * 登録 at the same moment cannot both pass a one-file limit (the loser gets a {@link Conflict}).
     */
    long registerDocument(ApplicationKey key, String documentId, int pages, long expectedVersion, Instant now);

    /** Removes a document from a draft; returns the removed document, empty when there was none. */
    Optional<Document> removeDocument(ApplicationKey key, String documentId, Instant now);

    /** One document of the member's own application (for preview): a read of that attribute only. */
    Optional<Document> findDocument(ApplicationKey key, String documentId);

    /**
     * Submits the draft at {@code expectedVersion} (the version that was checked complete): status, time,
     * receipt number and a pending confirmation mail, in one conditional update.
     */
    void submit(ApplicationKey key, long expectedVersion, String receiptNo, String mailId, Instant now);

    /**
     * The same, keeping the applicant's 氏名 and ふりがな as at submission on the item, so that the secretariat's review
     * list finds them by name without reading every profile.
     */
    void submit(ApplicationKey key, long expectedVersion, String receiptNo, String mailId, Instant now, Member member);

    void markMailSent(ApplicationKey key, String mailId, Instant now);

    /** As {@link #markMailSent(ApplicationKey, String, Instant)}; with {@code auditWritten} the audit queue entry goes too. */
    void markMailSent(ApplicationKey key, String mailId, Instant now, boolean auditWritten);

    /**
     * The audit record of an applicant's submission (listable by day and member with the secretariat's actions),
     * under one id per submission; the submission stays on the audit queue until its mail is recorded as sent
     * with {@code auditWritten} or {@link #recordPendingAudits} takes it off.
     */
    void recordSubmission(ApplicationKey key, String receiptNo, long version, Instant at);

    /**
     * Writes the audit lines of submissions whose own audit write failed (every submit queues its audit line in
     * the same write, and the line leaves the queue once written); returns how many were written.
     */
    int recordPendingAudits(int limit);

    void recordMailAttempt(ApplicationKey key, String mailId, Instant now);

    /** Gives up on a mail after too many attempts: FAILED, out of the retry queue (the secretariat can resend). */
    void markMailFailed(ApplicationKey key, String mailId, Instant now);

    /** Pending mails recorded before {@code before}, oldest first. */
    List<PendingMail> pendingMail(Instant before, int limit);
}
