package jp.nintei.it;

import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.adapter.dynamo.DynamoSeasonStore;
import jp.nintei.inmemory.ApplicationPortsContract;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.LocalSystem;
import jp.nintei.port.ApplicationStore;
import jp.nintei.port.MemberStore;
import jp.nintei.port.SeasonStore;
import jp.nintei.port.SecondaryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The port contract the in-memory ports pass (shared's InMemoryPortsContractTest), on DynamoDB: the fast service
 * tests rest on the answers the real stores give.
 */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoPortsContractTest extends ApplicationPortsContract {
    private final DynamoDbClient dynamo = AwsClients.dynamoDb();
    private final DynamoApplicationStore applications = new DynamoApplicationStore(dynamo, Bootstrap.TABLE);

    DynamoPortsContractTest(LocalSystem system) {}

    @AfterAll
    void close() { dynamo.close(); }

    @Override protected ApplicationStore applications() { return applications; }

    @Override protected SecondaryStore secondaries() { return applications; }

    @Override protected MemberStore members() { return new DynamoMemberStore(dynamo, Bootstrap.TABLE); }

    @Override protected SeasonStore season() { return new DynamoSeasonStore(dynamo, Bootstrap.TABLE); }
}
