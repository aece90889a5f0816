package jp.nintei.port;

/** Password sign-in and token refresh (Cognito in production, cognito-local on the local stack). */
public interface IdentityProvider {
    record Tokens(String idToken, String accessToken, String refreshToken, int expiresInSeconds) {}

    /** Thrown for any refused credential: the caller must not learn whether the account exists. */
    final class Rejected extends Exception {
        public Rejected(String reason) { super(reason, null, false, false); }
    }

    /** First sign-in with the invitation's temporary password: the member must choose a password (Cognito's session). */
    final class NewPasswordRequired extends Exception {
        private final String username;
        private final String session;

        public NewPasswordRequired(String username, String session) {
            super("NEW_PASSWORD_REQUIRED", null, false, false);
            this.username = username;
            this.session = session;
        }

        public String username() { return username; }

        public String session() { return session; }
    }

    /** Cognito's lockout after repeated failures ("Password attempts exceeded") or its rate limit. */
    final class LockedOut extends Exception {
        public LockedOut(String reason) { super(reason, null, false, false); }
    }

    /** The invitation's temporary password is past its validity. */
    final class TemporaryPasswordExpired extends Exception {
        public TemporaryPasswordExpired() { super("temporary password expired", null, false, false); }
    }

    Tokens signIn(String username, String password) throws Rejected, NewPasswordRequired, LockedOut, TemporaryPasswordExpired;

    Tokens refresh(String refreshToken) throws Rejected;

    /** Answers the first-password challenge; {@link MemberAccounts.WeakPassword} when the pool's policy refuses it. */
    Tokens completeNewPassword(String username, String session, String newPassword) throws Rejected, LockedOut;

    /** Logout: the refresh token (and the tokens it issued) stop working. */
    void revoke(String refreshToken);
}
