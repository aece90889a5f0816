package jp.nintei.adapter.dynamo;

import java.time.Instant;
import java.util.Map;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.MailEventStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link MailEventStore}: one conditional UpdateItem on the application item (its mailState is in GSI1 for the lists). */
public final class DynamoMailEventStore implements MailEventStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMailEventStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean applicationMail(ApplicationKey key, String mailId, MailStatus.State state, String problem, Instant at) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Keys.key(Keys.member(key.memberNo()), Keys.application(key.year(), key.kind())))
                    // a resend made meanwhile (PENDING) is newer news than this report about the earlier copy
                    .updateExpression("SET mailState = :s, mailProblem = :p, mailEventAt = :at")
                    .conditionExpression("mailId = :m AND mailState <> :pending")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(state.name()), ":p", AttributeValue.fromS(problem),
                            ":at", AttributeValue.fromS(at.toString()), ":m", AttributeValue.fromS(mailId),
                            ":pending", AttributeValue.fromS(MailStatus.State.PENDING.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
