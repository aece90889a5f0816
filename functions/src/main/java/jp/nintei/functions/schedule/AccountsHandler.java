package jp.nintei.functions.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Duration;
import java.util.Map;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.cognito.CognitoMemberAccounts;
import jp.nintei.adapter.dynamo.DynamoAdminStore;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.domain.AppClock;
import jp.nintei.platform.Log;
import jp.nintei.platform.Settings;
import jp.nintei.service.AdminService;

/**
 * Scheduled every minute: creates the sign-in accounts an import queued (Cognito's AdminCreateUser is rate
 * limited, so thousands of members are worked through in 45-second runs instead of inside the import request).
 */
public final class AccountsHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    static final Duration BUDGET = Duration.ofSeconds(45);
    private final AdminService admin;

    public AccountsHandler() {
        var dynamo = AwsClients.dynamoDb();
        String table = Settings.require(Settings.TABLE_NAME);
        this.admin = new AdminService(new DynamoAdminStore(dynamo, table), new DynamoMemberStore(dynamo, table), null,
                new CognitoMemberAccounts(AwsClients.cognito(), Settings.require(Settings.USER_POOL_ID)), null, null, AppClock.process());
    }

    public AccountsHandler(AdminService admin) { this.admin = admin; }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        long t0 = System.nanoTime();
        int done = admin.createQueuedAccounts(BUDGET);
        Log.info("accounts", Map.of("created", done, "durationMs", (System.nanoTime() - t0) / 1_000_000));
        return Map.of("accounts", done);
    }
}
