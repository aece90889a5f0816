package jp.nintei.it;

import java.time.Clock;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationLists;
import jp.nintei.adapter.dynamo.DynamoAuditLog;
import jp.nintei.adapter.dynamo.DynamoSeasonStore;
import jp.nintei.adapter.ses.SesMailer;
import jp.nintei.functions.support.Components;
import jp.nintei.local.Bootstrap;
import jp.nintei.service.SeasonService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The season's schedule as SeasonHandler wires it, on the stand-ins, at the moment a test chooses. */
final class SeasonServices {
    private SeasonServices() {}

    /** At {@code jst} ({@code 2029-04-23T09:00}, Japan time). */
    static SeasonService at(DynamoDbClient dynamo, String jst) {
        Clock c = LocalClock.fixedAt(jst);
        return new SeasonService(new DynamoSeasonStore(dynamo, Bootstrap.TABLE), new DynamoApplicationLists(dynamo, Bootstrap.TABLE),
                new DynamoAuditLog(dynamo, Bootstrap.TABLE), new SesMailer(AwsClients.ses(), Bootstrap.SENDER, null),
                "office@example.jp", Components.site(), c);
    }
}
