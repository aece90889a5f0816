package jp.nintei.service;

import jp.nintei.adapter.http.ApiException;
import jp.nintei.domain.JapaneseText;
import jp.nintei.domain.LoginId;
import jp.nintei.domain.Messages;
import jp.nintei.store.MemberStore;

/**
 * ユーザーID (e-mail or 会員番号) + password. The user pool's username is the 会員番号; an e-mail address is
 * resolved to it here (cognito-local ignores AliasAttributes, so one path serves both environments).
 * Every refusal is the same 401, whether or not the account exists.
 */
public final class SignInService {
    private final MemberStore members;
    private final IdentityProvider identity;

    public SignInService(MemberStore members, IdentityProvider identity) {
        this.members = members;
        this.identity = identity;
    }

    public IdentityProvider.Tokens signIn(String typedId, String password) {
        if (JapaneseText.isBlank(typedId)) throw new ApiException(400, "LOGIN_ID_REQUIRED", "userId", Messages.LOGIN_ID_REQUIRED);
        if (password == null || password.isEmpty()) {
            throw new ApiException(400, "PASSWORD_REQUIRED", "password", Messages.PASSWORD_REQUIRED);
        }
        LoginId id = LoginId.parse(typedId);
        String username = id == null ? null
                : id.type() == LoginId.Type.EMAIL ? members.findMemberNoByEmail(id.value()).orElse(null) : id.value();
        if (username == null) throw failed();
        try {
            return identity.signIn(username, password);
        } catch (IdentityProvider.Rejected e) {
            throw failed();
        }
    }

    public IdentityProvider.Tokens refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new ApiException(401, "SESSION_EXPIRED", Messages.SESSION_EXPIRED);
        }
        try {
            return identity.refresh(refreshToken);
        } catch (IdentityProvider.Rejected e) {
            throw new ApiException(401, "SESSION_EXPIRED", Messages.SESSION_EXPIRED);
        }
    }

    private static ApiException failed() {
        return new ApiException(401, "LOGIN_FAILED", Messages.LOGIN_FAILED);
    }
}
