package jp.nintei.service;

/** The sign-in accounts of members (Cognito user pool; username = 会員番号). */
public interface MemberAccounts {
    /**
     * Creates the account when missing (no password is mailed: the member sets one through "パスワードをお忘れの方"),
     * and keeps its e-mail in step with the member record.
     *
     * @return true when an account was created
     */
    boolean ensure(String memberNo, String email);
}
