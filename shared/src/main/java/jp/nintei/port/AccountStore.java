package jp.nintei.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.nintei.domain.account.AccountState;
import jp.nintei.domain.application.MailStatus;

/**
 * A member's sign-in account record (one item beside the profile, {@code SK=ACCOUNT}): its state for the
 * secretariat, the invitation mail and what SES reported about it, and the password-reset code (hashed).
 * The account queue of the imports is this item's sparse GSI2 entry, so rewriting a profile never drops it.
 */
public interface AccountStore {
    record Account(String memberNo, String email, AccountState state, String reason, Instant invitedAt, Instant validTo,
                   String mailId, MailStatus.State mailState, String mailProblem, String resetHash, Instant resetValidTo,
                   int resetAttempts, int resetsSent, Instant resetsSince, Instant updatedAt) {}

    record Page(List<Account> rows, String nextCursor) {}

    Optional<Account> find(String memberNo);

    Map<String, Account> find(Collection<String> memberNos);

    /** 会員番号 queued for an account, oldest first. */
    List<String> queued(int limit);

    /** Puts a member (back) on the queue, e.g. the secretariat's retry of a failed account. */
    void queue(String memberNo, String email, Instant at);

    /** Created (or re-invited): off the queue, INVITED until {@code validTo}, with the invitation's mail id. */
    void invited(String memberNo, String email, String mailId, Instant validTo, Instant at);

    /** The member has a password of their own. */
    void active(String memberNo, String email, Instant at);

    /** Cognito refused: off the queue, FAILED with the reason shown to the secretariat. */
    void failed(String memberNo, String email, String reason, Instant at);

    /** Every account, in 会員番号 order; {@code problemsOnly}: failed, undeliverable or past the invitation's validity. */
    Page page(String cursor, int limit, boolean problemsOnly, Instant now);

    /**
     * Records a new reset code unless {@code maxPerHour} codes were already sent in the last hour; false then.
     */
    boolean saveResetCode(String memberNo, String hash, Instant validTo, Instant at, int maxPerHour, AccountState ifNoRecord);

    /** One wrong code more; returns the attempts now recorded. */
    int resetAttemptFailed(String memberNo);

    /** The code is used up (and the account is ACTIVE). */
    void resetDone(String memberNo, Instant at);

    /**
     * A mail other than the invitation went to the member (a reset code, an address change): it becomes the mail
     * whose bounce or complaint is recorded, so an address that stopped working shows for the secretariat.
     */
    void mailSent(String memberNo, String mailId, Instant at);

    /** What SES reported about a mail of this account (BOUNCED, COMPLAINED); ignored when {@code mailId} is not the last one. */
    boolean mailEvent(String memberNo, String mailId, MailStatus.State state, String problem, Instant at);
}
