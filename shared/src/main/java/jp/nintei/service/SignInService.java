package jp.nintei.service;

import jp.nintei.domain.JapaneseText;
import jp.nintei.domain.LoginId;
import jp.nintei.domain.Messages;
import jp.nintei.domain.Rejection;
import jp.nintei.port.IdentityProvider;
import jp.nintei.port.MemberAccounts;
import jp.nintei.port.MemberStore;

/**
 * ユーザーID (e-mail or 会員番号) + password. The user pool's username is the 会員番号; an e-mail address is
 * resolved to it here (cognito-local ignores AliasAttributes, so one path serves both environments).
 * Every refusal is the same 401, whether or not the account exists.
 */
public final class SignInService {
    public static final String LOCKED_OUT = "ログインの失敗が続いたため、このユーザーIDでは一時的にログインできません。"
            + "15分ほど待ってからもう一度お試しいただくか、「パスワードをお忘れの方はこちら」からパスワードを再設定してください。";
    public static final String INVITATION_EXPIRED = "仮パスワードの有効期限が切れています。「パスワードをお忘れの方はこちら」から確認コードを受け取って"
            + "パスワードを設定するか、学会事務局に招待メールの再送をご依頼ください。";
    public static final String CHALLENGE_EXPIRED = "パスワード設定の受付時間が過ぎました。もう一度、招待メールの仮パスワードでログインしてください。";

    /** A sign-in: tokens, or the first-password step (「パスワードを設定してください」) with Cognito's session. */
    public record Outcome(IdentityProvider.Tokens tokens, String challengeUsername, String challengeSession) {}

    private final MemberStore members;
    private final IdentityProvider identity;
    private final jp.nintei.port.AccountStore accounts;

    public SignInService(MemberStore members, IdentityProvider identity) { this(members, identity, null); }

    public SignInService(MemberStore members, IdentityProvider identity, jp.nintei.port.AccountStore accounts) {
        this.members = members;
        this.identity = identity;
        this.accounts = accounts;
    }

    /** Tokens only (a first-password challenge is a failure here): for callers that cannot show the step. */
    public IdentityProvider.Tokens signIn(String typedId, String password) {
        Outcome o = start(typedId, password);
        if (o.tokens() == null) throw failed();
        return o.tokens();
    }

    public Outcome start(String typedId, String password) {
        if (JapaneseText.isBlank(typedId)) throw new Rejection(Rejection.Kind.INVALID, "LOGIN_ID_REQUIRED", "userId", Messages.LOGIN_ID_REQUIRED);
        if (password == null || password.isEmpty()) {
            throw new Rejection(Rejection.Kind.INVALID, "PASSWORD_REQUIRED", "password", Messages.PASSWORD_REQUIRED);
        }
        LoginId id = LoginId.parse(typedId);
        String username = id == null ? null
                : id.type() == LoginId.Type.EMAIL ? members.findMemberNoByEmail(id.value()).orElse(null) : id.value();
        if (username == null) throw failed();
        try {
            return new Outcome(identity.signIn(username, password), null, null);
        } catch (IdentityProvider.NewPasswordRequired c) {
            return new Outcome(null, c.username(), c.session());
        } catch (IdentityProvider.LockedOut e) {
            throw new Rejection(Rejection.Kind.TOO_MANY, "LOCKED_OUT", null, LOCKED_OUT);
        } catch (IdentityProvider.TemporaryPasswordExpired e) {
            throw new Rejection(Rejection.Kind.UNAUTHORIZED, "INVITATION_EXPIRED", null, INVITATION_EXPIRED);
        } catch (IdentityProvider.Rejected e) {
            throw failed();
        }
    }

    /** 「パスワードを設定してください」: the member's own password replaces the invitation's temporary one. */
    public IdentityProvider.Tokens completeNewPassword(String username, String session, String newPassword) {
        String problem = jp.nintei.domain.account.PasswordPolicy.problem(newPassword);
        if (problem != null) throw new Rejection(Rejection.Kind.INVALID, "WEAK_PASSWORD", "password", problem);
        if (username == null || session == null || username.isBlank() || session.isBlank()) {
            throw new Rejection(Rejection.Kind.UNAUTHORIZED, "CHALLENGE_EXPIRED", null, CHALLENGE_EXPIRED);
        }
        try {
            IdentityProvider.Tokens t = identity.completeNewPassword(username, session, newPassword);
            if (accounts != null) accounts.active(username, null, java.time.Instant.now());
            return t;
        } catch (MemberAccounts.WeakPassword e) {
            throw new Rejection(Rejection.Kind.INVALID, "WEAK_PASSWORD", "password", "このパスワードは使えません。"
                    + jp.nintei.domain.account.PasswordPolicy.DESCRIPTION);
        } catch (IdentityProvider.LockedOut e) {
            throw new Rejection(Rejection.Kind.TOO_MANY, "LOCKED_OUT", null, LOCKED_OUT);
        } catch (IdentityProvider.Rejected e) {
            throw new Rejection(Rejection.Kind.UNAUTHORIZED, "CHALLENGE_EXPIRED", null, CHALLENGE_EXPIRED);
        }
    }

    /** ログアウト: the refresh token is revoked, so the session cannot be renewed from this device or a copy of it. */
    public void logout(String refreshToken) {
        if (refreshToken != null && !refreshToken.isBlank()) identity.revoke(refreshToken);
    }

    public IdentityProvider.Tokens refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new Rejection(Rejection.Kind.UNAUTHORIZED, "SESSION_EXPIRED", null, Messages.SESSION_EXPIRED);
        }
        try {
            return identity.refresh(refreshToken);
        } catch (IdentityProvider.Rejected e) {
            throw new Rejection(Rejection.Kind.UNAUTHORIZED, "SESSION_EXPIRED", null, Messages.SESSION_EXPIRED);
        }
    }

    private static Rejection failed() {
        return new Rejection(Rejection.Kind.UNAUTHORIZED, "LOGIN_FAILED", null, Messages.LOGIN_FAILED);
    }
}
