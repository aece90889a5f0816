package jp.nintei.port;

/** The sign-in accounts of members, administered (Cognito user pool; username = 会員番号). */
public interface MemberAccounts {
    /** The pool's view of an account: NONE when there is none, FORCE_CHANGE_PASSWORD until the first password is set. */
    enum Status { NONE, FORCE_CHANGE_PASSWORD, CONFIRMED, OTHER }

    /** The pool refused this one account (e.g. its e-mail attribute): recorded as 作成失敗 with the reason. */
    final class Refused extends RuntimeException {
        public Refused(String reason) { super(reason, null, false, false); }
    }

    /** The pool is rate limiting: stop now and let the next run continue (nothing is lost). */
    final class Busy extends RuntimeException {
        public Busy(String reason) { super(reason, null, false, false); }
    }

    /** The new password does not satisfy the pool's policy. */
    final class WeakPassword extends RuntimeException {
        public WeakPassword(String reason) { super(reason, null, false, false); }
    }

    Status status(String memberNo);

    /** Creates the account in FORCE_CHANGE_PASSWORD with this temporary password (no mail from the pool). */
    void create(String memberNo, String email, String temporaryPassword);

    /** A new temporary password (a resent invitation): the account is FORCE_CHANGE_PASSWORD again. */
    void setTemporaryPassword(String memberNo, String temporaryPassword);

    /** The member's own password (after a verified reset code): the account is CONFIRMED. */
    void setPassword(String memberNo, String password);

    /** Keeps the account's e-mail in step with the member record. */
    void updateEmail(String memberNo, String email);
}
