package jp.nintei.functions.ops;

import java.time.LocalDate;
import java.util.Set;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.LoginId;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.platform.Settings;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The first 事務局 user of a fresh stack, in one command ({@code tools/first-secretariat-user}, README runbook):
 * the member profile in the table (so マイページ and sign-in by e-mail work), the Cognito user (username =
 * 会員番号) with a permanent password, and the {@code secretariat} group. Run again, it changes nothing that is
 * already right (the user exists: password and group are set again). Everyone else comes from the member import.
 *
 * <p>Reads {@code TABLE_NAME}, {@code USER_POOL_ID}, {@code AWS_REGION} and the password from
 * {@code NINTEI_INITIAL_PASSWORD} (environment: never on the command line, where {@code ps} shows it).
 */
public final class FirstSecretariatUser {
    private FirstSecretariatUser() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: FirstSecretariatUser <会員番号> <e-mail> <氏名> [ふりがな]   (password in NINTEI_INITIAL_PASSWORD)");
            System.exit(2);
        }
        String password = System.getenv("NINTEI_INITIAL_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("NINTEI_INITIAL_PASSWORD must hold the first password (8 characters or more, with a digit)");
            System.exit(2);
        }
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(); CognitoIdentityProviderClient cognito = AwsClients.cognito()) {
            Member m = create(dynamo, cognito, Settings.require(Settings.TABLE_NAME), Settings.require(Settings.USER_POOL_ID),
                    args[0], args[1], args[2], args.length > 3 ? args[3] : args[2], password);
            System.out.println("secretariat user " + m.memberNo() + " ready: sign in on the page, then 「事務局メニューへ」");
        }
    }

    /** Creates (or repairs) the user; returns the member profile written. */
    public static Member create(DynamoDbClient dynamo, CognitoIdentityProviderClient cognito, String table, String userPoolId,
                                String memberNoTyped, String emailTyped, String name, String kana, String password) {
        LoginId no = LoginId.parse(memberNoTyped);
        LoginId email = LoginId.parse(emailTyped);
        if (no == null || no.type() != LoginId.Type.MEMBER_NO) throw new IllegalArgumentException("not a 会員番号: " + memberNoTyped);
        if (email == null || email.type() != LoginId.Type.EMAIL) throw new IllegalArgumentException("not an e-mail address: " + emailTyped);
        Member staff = new Member(no.value(), name, kana, email.value(), LocalDate.now(AppClock.JST), Set.of(), false, 0,
                false, false, SpecialistStatus.NONE);
        new DynamoMemberStore(dynamo, table).putMember(staff);
        try {
            cognito.adminCreateUser(b -> b.userPoolId(userPoolId).username(staff.memberNo())
                    .userAttributes(AttributeType.builder().name("email").value(staff.email()).build(),
                            AttributeType.builder().name("email_verified").value("true").build())
                    .messageAction(MessageActionType.SUPPRESS));
        } catch (UsernameExistsException alreadyThere) {
            // a second run: keep the user, set password and group again
        }
        cognito.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(staff.memberNo()).password(password).permanent(true));
        cognito.adminAddUserToGroup(b -> b.userPoolId(userPoolId).username(staff.memberNo()).groupName("secretariat"));
        return staff;
    }
}
