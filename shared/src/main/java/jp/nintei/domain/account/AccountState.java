package jp.nintei.domain.account;

import java.time.Instant;

/** A member's sign-in account as the secretariat sees it. 招待期限切れ is an INVITED account past its validTo. */
public enum AccountState {
    /** queued by an import, waiting for the accounts schedule (作成待ち) */
    QUEUED("作成待ち"),
    /** created, invitation mailed, first password not set yet (招待済) */
    INVITED("招待済"),
    /** the member has set a password (有効) */
    ACTIVE("有効"),
    /** Cognito refused the account; the reason is recorded (作成失敗) */
    FAILED("作成失敗");

    private final String label;

    AccountState(String label) { this.label = label; }

    public String label() { return label; }

    /** The label to show: an invitation past its validity is 招待期限切れ. */
    public static String label(AccountState state, Instant validTo, Instant now) {
        if (state == INVITED && validTo != null && now.isAfter(validTo)) return "招待期限切れ";
        return state.label();
    }
}
