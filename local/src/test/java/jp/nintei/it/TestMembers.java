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

    /** A member whose 一次申請 of this year is submitted (as the demo's), ready for 二次申請. */
    static Member withSubmittedPrimary(LocalSystem system, LocalDate joinedOn) {
        Member m = create(system, false, joinedOn);
        int year = system.demo().year();
        try (DynamoDbClient dynamo = AwsClients.dynamoDb()) {
            var item = jp.nintei.adapter.dynamo.MemberMapper.toItem(m.memberNo(), new jp.nintei.domain.ApplicationSummary(year,
                    jp.nintei.domain.ApplicationKind.NEW_PRIMARY, jp.nintei.domain.ApplicationStatus.SUBMITTED,
                    java.time.Instant.parse(year + "-04-10T01:00:00Z")));
            dynamo.putItem(p -> p.tableName(Bootstrap.TABLE).item(item));
        }
        return m;
    }

    static Member create(LocalSystem system, boolean writtenExamExempt) {
        return create(system, writtenExamExempt, LocalDate.of(system.demo().year() - 6, 4, 1));
    }

    static Member create(LocalSystem system, boolean writtenExamExempt, LocalDate joinedOn) {
        String no = Integer.toString(NEXT.getAndIncrement());
        int year = system.demo().year();
        Member m = new Member(no, "試験 太郎" + no.substring(6), "しけん たろう", "t" + no + "@example.jp",
                joinedOn, Set.of(year), true, 20, false, writtenExamExempt, SpecialistStatus.NONE);
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
