package jp.nintei.adapter.cognito;

import jp.nintei.port.MemberAccounts;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * {@link MemberAccounts} in the user pool. Cognito never mails anyone: AdminCreateUser suppresses its message and
 * our own Japanese invitation (through our SES identity and configuration set) carries the temporary password.
 * Calls: AdminGetUser, AdminCreateUser, AdminSetUserPassword, AdminUpdateUserAttributes (template policies).
 */
public final class CognitoMemberAccounts implements MemberAccounts {
    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoMemberAccounts(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public Status status(String memberNo) {
        try {
            UserStatusType s = call(() -> cognito.adminGetUser(b -> b.userPoolId(userPoolId).username(memberNo))).userStatus();
            return s == UserStatusType.FORCE_CHANGE_PASSWORD ? Status.FORCE_CHANGE_PASSWORD
                    : s == UserStatusType.CONFIRMED ? Status.CONFIRMED : Status.OTHER;
        } catch (UserNotFoundException e) {
            return Status.NONE;
        }
    }

    @Override
    public void create(String memberNo, String email, String temporaryPassword) {
        call(() -> cognito.adminCreateUser(b -> b.userPoolId(userPoolId).username(memberNo)
                .userAttributes(mail(email), verified()).temporaryPassword(temporaryPassword)
                .messageAction(MessageActionType.SUPPRESS)));
    }

    @Override
    public void setTemporaryPassword(String memberNo, String temporaryPassword) {
        call(() -> cognito.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(memberNo).password(temporaryPassword).permanent(false)));
    }

    @Override
    public void setPassword(String memberNo, String password) {
        call(() -> cognito.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(memberNo).password(password).permanent(true)));
    }

    @Override
    public void updateEmail(String memberNo, String email) {
        call(() -> cognito.adminUpdateUserAttributes(b -> b.userPoolId(userPoolId).username(memberNo).userAttributes(mail(email), verified())));
    }

    private static AttributeType mail(String email) { return AttributeType.builder().name("email").value(email).build(); }

    private static AttributeType verified() { return AttributeType.builder().name("email_verified").value("true").build(); }

    /** Rate limits → {@link Busy} (retry later); a refusal of this account → {@link Refused} with Cognito's reason. */
    private static <T> T call(java.util.function.Supplier<T> op) {
        try {
            return op.get();
        } catch (TooManyRequestsException | LimitExceededException e) {
            throw new Busy(e.getClass().getSimpleName());
        } catch (InvalidPasswordException e) {
            throw new WeakPassword(e.awsErrorDetails() == null ? "InvalidPasswordException" : e.awsErrorDetails().errorMessage());
        } catch (UserNotFoundException e) {
            throw e;
        } catch (CognitoIdentityProviderException e) {
            if (e.statusCode() >= 500) throw e;
            String code = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorMessage();
            throw new Refused(code + (message == null || message.isBlank() ? "" : ": " + message));
        }
    }
}
