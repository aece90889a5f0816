package jp.nintei.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.Member;

/** What the secretariat's lists read and what its actions write. */
public interface AdminStore {
    /** One line of the list: what the GSI projects, no whole item. */
    record ListRow(String memberNo, ApplicationKind kind, ApplicationStatus status, Instant submittedAt, String receiptNo,
                   String mailState, boolean duesInProcess, jp.nintei.domain.secondary.JulyProjection july,
                   String confirmedJuly, String confirmedDues, LocalDate extendedUntil) {}

    record Page(List<ListRow> rows, String nextCursor) {}

    /** One audit record: who did what to whom, with the state before and after (JSON text). */
    record AuditEntry(Instant at, String actor, String action, String memberNo, String application, String before,
                      String after) {}

    /** Newest submission first (SUBMITTED, then 未提出, then drafts); {@code status} null for all. */
    Page list(int year, ApplicationKind kind, ApplicationStatus status, String cursor, int limit);

    Map<ApplicationStatus, Integer> counts(int year, ApplicationKind kind);

    /** Profiles by 会員番号 (BatchGetItem, 100 a request). */
    Map<String, Member> members(Collection<String> memberNos);

    /**
     * Writes members whose record differs from {@code stored} (with the claim on a new e-mail address); those in
     * {@code needAccount} are also queued for their sign-in account (created by the accounts schedule, so an import of thousands returns in seconds).
     * Returns the 会員番号 written.
     */
    List<String> upsertMembers(List<Member> members, Map<String, Member> stored, java.util.Set<String> needAccount);

    /** The member each of these e-mail addresses belongs to (keyed by the normalised address), where one does. */
    Map<String, String> emailOwners(Collection<String> emails);

    /** Whole application items of these members (BatchGetItem, 100 a request), for the export and the detail. */
    Map<String, jp.nintei.domain.application.PrimaryApplication> primaries(int year, ApplicationKind kind, Collection<String> memberNos);

    Map<String, jp.nintei.domain.secondary.SecondaryApplication> secondaries(int year, ApplicationKind kind, Collection<String> memberNos);

    /** The year's windows (defaults where none are stored). */
    jp.nintei.domain.YearWindows windows(int year);

    void audit(AuditEntry entry);

    /** 個別の期限延長: this applicant may write until {@code until} (JST, inclusive); the item is created if absent. */
    void extend(jp.nintei.store.ApplicationKey key, LocalDate until, String note, String actor, Instant at);

    /** Reopens a submitted application for correction; false when it is not submitted. */
    boolean reopen(jp.nintei.store.ApplicationKey key, LocalDate until, String reason, String actor, Instant at);

    /** Records the secretariat's confirmation of a follow-up ({@code July} or {@code Dues}) with its note. */
    boolean confirm(jp.nintei.store.ApplicationKey key, String what, String note, String actor, Instant at);

    /** Puts a submission's confirmation mail back in the outbox (to resend it). */
    boolean markMailPending(jp.nintei.store.ApplicationKey key, Instant at);

    List<AuditEntry> auditOn(LocalDate day);

    List<AuditEntry> auditOf(String memberNo);
}
