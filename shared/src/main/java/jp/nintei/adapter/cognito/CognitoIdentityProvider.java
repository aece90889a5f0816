package jp.nintei.adapter.cognito;

import java.util.Map;
import jp.nintei.service.IdentityProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/** USER_PASSWORD_AUTH / REFRESH_TOKEN_AUTH against the user pool's app client (no client secret). */
public final class CognitoIdentityProvider implements IdentityProvider {
    private final CognitoIdentityProviderClient cognito;
    private final String clientId;

    public CognitoIdentityProvider(CognitoIdentityProviderClient cognito, String clientId) {
        this.cognito = cognito;
        this.clientId = clientId;
    }

    @Override
    public Tokens signIn(String username, String password) throws Rejected {
        return initiate(AuthFlowType.USER_PASSWORD_AUTH, Map.of("USERNAME", username, "PASSWORD", password), null);
    }

    @Override
    public Tokens refresh(String refreshToken) throws Rejected {
        return initiate(AuthFlowType.REFRESH_TOKEN_AUTH, Map.of("REFRESH_TOKEN", refreshToken), refreshToken);
    }

    private Tokens initiate(AuthFlowType flow, Map<String, String> params, String keepRefresh) throws Rejected {
        InitiateAuthResponse r;
        try {
            r = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(flow).authParameters(params));
        } catch (CognitoIdentityProviderException e) {
            // NotAuthorized, UserNotFound, PasswordResetRequired, UserNotConfirmed (cognito-local answers a wrong
            // password with yet another type): all the same to the member, and to an attacker
            if (e.statusCode() >= 500) throw e;
            throw new Rejected(e.awsErrorDetails() == null ? "rejected" : e.awsErrorDetails().errorCode());
        }
        if (r.challengeName() != null) throw new Rejected("challenge " + r.challengeNameAsString());
        AuthenticationResultType a = r.authenticationResult();
        if (a == null) throw new Rejected("no result");
        return new Tokens(a.idToken(), a.accessToken(), a.refreshToken() != null ? a.refreshToken() : keepRefresh,
                a.expiresIn() == null ? 3600 : a.expiresIn());
    }
}
