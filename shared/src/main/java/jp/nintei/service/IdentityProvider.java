package jp.nintei.service;

/** Password sign-in and token refresh (Cognito in production, cognito-local on the local stack). */
public interface IdentityProvider {
    record Tokens(String idToken, String accessToken, String refreshToken, int expiresInSeconds) {}

    /** Thrown for any refused credential: the caller must not learn whether the account exists. */
    final class Rejected extends Exception {
        public Rejected(String reason) { super(reason, null, false, false); }
    }

    Tokens signIn(String username, String password) throws Rejected;

    Tokens refresh(String refreshToken) throws Rejected;
}
