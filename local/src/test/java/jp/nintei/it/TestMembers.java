package jp.nintei.it;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Members made for one test (so tests never change what the demo members show), with a Cognito login. */
final class TestMembers {
    private static final AtomicInteger NEXT = new AtomicInteger(30000001);

    private TestMembers() {}

    static Member create(LocalSystem system, boolean writtenExamExempt) {
        String no = Integer.toString(NEXT.getAndIncrement());
        int year = system.demo().year();
        Member m = new Member(no, "試験 太郎" + no.substring(6), "しけん たろう", "t" + no + "@example.jp",
                LocalDate.of(year - 6, 4, 1), Set.of(year), true, 20, false, writtenExamExempt, SpecialistStatus.NONE);
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(); CognitoIdentityProviderClient cognito = AwsClients.cognito()) {
            new DynamoMemberStore(dynamo, Bootstrap.TABLE).putMember(m);
            String pool = system.identity().userPoolId();
            cognito.adminCreateUser(b -> b.userPoolId(pool).username(no).messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(AttributeType.builder().name("email").value(m.email()).build()));
            cognito.adminSetUserPassword(b -> b.userPoolId(pool).username(no).password(DemoData.PASSWORD).permanent(true));
        }
        return m;
    }
}
