package jp.nintei.port;

import java.time.Instant;
import java.time.LocalDate;

/** What the secretariat's actions on one application write (each also appends to the item's history). */
public interface CaseActionStore {
    /** 個別の期限延長: this applicant may write until {@code until} (JST, inclusive); the item is created if absent. */
    void extend(ApplicationKey key, LocalDate until, String note, String actor, Instant at);

    /** Reopens a submitted application for correction; false when it is not submitted. */
    boolean reopen(ApplicationKey key, LocalDate until, String reason, String actor, Instant at);

    /** Records the secretariat's confirmation of a follow-up ({@code July} or {@code Dues}) with its note; false without an item. */
    boolean confirm(ApplicationKey key, String what, String note, String actor, Instant at);

    /** Puts a submission's confirmation mail back in the outbox (to resend it); false when it is not submitted. */
    boolean markMailPending(ApplicationKey key, Instant at);
}
