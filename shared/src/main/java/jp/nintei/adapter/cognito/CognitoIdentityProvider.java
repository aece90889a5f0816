package jp.nintei.adapter.cognito;

import java.util.Map;
import jp.nintei.port.IdentityProvider;
import jp.nintei.port.MemberAccounts;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyFailedAttemptsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;

/**
 * USER_PASSWORD_AUTH / REFRESH_TOKEN_AUTH against the user pool's app client (no client secret), the
 * NEW_PASSWORD_REQUIRED challenge of a first sign-in, and RevokeToken at logout. All are public Cognito
 * operations (no IAM permission involved).
 */
public final class CognitoIdentityProvider implements IdentityProvider {
    private final CognitoIdentityProviderClient cognito;
    private final String clientId;

    public CognitoIdentityProvider(CognitoIdentityProviderClient cognito, String clientId) {
        this.cognito = cognito;
        this.clientId = clientId;
    }

    @Override
    public Tokens signIn(String username, String password) throws Rejected, NewPasswordRequired, LockedOut, TemporaryPasswordExpired {
        InitiateAuthResponse r;
        try {
            r = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
        } catch (NotAuthorizedException e) {
            // AWS tells these apart only by the message: the lockout after repeated failures, an expired invitation
            String m = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorMessage());
            if (m.contains("attempts exceeded")) throw new LockedOut(m);
            if (m.contains("Temporary password has expired")) throw new TemporaryPasswordExpired();
            throw new Rejected("NotAuthorizedException");
        } catch (TooManyRequestsException | LimitExceededException | TooManyFailedAttemptsException e) {
            throw new LockedOut(e.getClass().getSimpleName());
        } catch (CognitoIdentityProviderException e) {
            throw rejected(e);
        }
        if (r.challengeName() == ChallengeNameType.NEW_PASSWORD_REQUIRED) throw new NewPasswordRequired(username, r.session());
        return tokens(r.challengeName(), r.authenticationResult(), null);
    }

    @Override
    public Tokens refresh(String refreshToken) throws Rejected {
        try {
            InitiateAuthResponse r = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                    .authParameters(Map.of("REFRESH_TOKEN", refreshToken)));
            return tokens(r.challengeName(), r.authenticationResult(), refreshToken);
        } catch (CognitoIdentityProviderException e) {
            throw rejected(e);
        }
    }

    @Override
    public Tokens completeNewPassword(String username, String session, String newPassword) throws Rejected, LockedOut {
        try {
            var r = cognito.respondToAuthChallenge(b -> b.clientId(clientId).challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                    .session(session).challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", newPassword)));
            return tokens(r.challengeName(), r.authenticationResult(), null);
        } catch (InvalidPasswordException e) {
            throw new MemberAccounts.WeakPassword(e.getMessage());
        } catch (TooManyRequestsException | LimitExceededException | TooManyFailedAttemptsException e) {
            throw new LockedOut(e.getClass().getSimpleName());
        } catch (CognitoIdentityProviderException e) {
            // NotAuthorized / CodeMismatch / ExpiredCode: the session (3 minutes on AWS) ran out or was tampered with
            throw rejected(e);
        }
    }

    @Override
    public void revoke(String refreshToken) {
        try {
            cognito.revokeToken(b -> b.clientId(clientId).token(refreshToken));
        } catch (CognitoIdentityProviderException e) {
            if (e.statusCode() >= 500) throw e;
            // already revoked or unknown: the member is logged out either way
        }
    }

    private static Rejected rejected(CognitoIdentityProviderException e) {
        // NotAuthorized, UserNotFound, PasswordResetRequired, UserNotConfirmed (cognito-local answers a wrong
        // password with yet another type): all the same to the member, and to an attacker
        if (e.statusCode() >= 500) throw e;
        return new Rejected(e.awsErrorDetails() == null ? "rejected" : e.awsErrorDetails().errorCode());
    }

    private static Tokens tokens(ChallengeNameType challenge, AuthenticationResultType a, String keepRefresh) throws Rejected {
        if (challenge != null) throw new Rejected("challenge " + challenge);
        if (a == null) throw new Rejected("no result");
        return new Tokens(a.idToken(), a.accessToken(), a.refreshToken() != null ? a.refreshToken() : keepRefresh,
                a.expiresIn() == null ? 3600 : a.expiresIn());
    }
}
