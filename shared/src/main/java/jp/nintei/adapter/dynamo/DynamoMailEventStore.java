package jp.nintei.adapter.dynamo;

import java.time.Instant;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.MailEventStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
        // a resend made meanwhile (PENDING) is newer news than this report about the earlier copy; the same report
        // twice sets the same values, so it is sent once, as it is
        return new ConditionalUpdate(table, Keys.applicationItem(key)).set("#ms", "mailState", state.name())
                .set("#mp", "mailProblem", problem).set("#mat", "mailEventAt", at.toString())
                .when("#mid = :mid AND #ms <> :pending").name("#mid", "mailId").value(":mid", mailId)
                .value(":pending", MailStatus.State.PENDING.name())
                .runOnce(dynamo);
    }
}
