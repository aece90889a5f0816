package jp.nintei.adapter.cognito;

import jp.nintei.service.MemberAccounts;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** {@link MemberAccounts} in the user pool: AdminCreateUser with the invitation suppressed, else update the e-mail. */
public final class CognitoMemberAccounts implements MemberAccounts {
    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoMemberAccounts(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public boolean ensure(String memberNo, String email) {
        AttributeType mail = AttributeType.builder().name("email").value(email).build();
        AttributeType verified = AttributeType.builder().name("email_verified").value("true").build();
        try {
            cognito.adminCreateUser(b -> b.userPoolId(userPoolId).username(memberNo).userAttributes(mail, verified)
                    .messageAction(MessageActionType.SUPPRESS));
            return true;
        } catch (UsernameExistsException exists) {
            cognito.adminUpdateUserAttributes(b -> b.userPoolId(userPoolId).username(memberNo).userAttributes(mail, verified));
            return false;
        }
    }
}
