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
import jp.nintei.platform.Metrics;
import jp.nintei.platform.Settings;
import jp.nintei.service.AdminService;
import jp.nintei.store.AdminStore;

/**
 * Scheduled every minute: creates the sign-in accounts an import queued (Cognito's AdminCreateUser is rate
 * limited, so thousands of members are worked through in 45-second runs instead of inside the import request).
 */
public final class AccountsHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    static final Duration BUDGET = Duration.ofSeconds(45);
    private final AdminService admin;
    private final AdminStore queue;

    public AccountsHandler() {
        var dynamo = AwsClients.dynamoDb();
        String table = Settings.require(Settings.TABLE_NAME);
        this.queue = new DynamoAdminStore(dynamo, table);
        this.admin = new AdminService(queue, new DynamoMemberStore(dynamo, table), null,
                new CognitoMemberAccounts(AwsClients.cognito(), Settings.require(Settings.USER_POOL_ID)), null, null, AppClock.process());
    }

    public AccountsHandler(AdminService admin) { this(admin, null); }

    /** @param queue where the members still waiting after a run are looked up (for the alarm); null for none */
    public AccountsHandler(AdminService admin, AdminStore queue) {
        this.admin = admin;
        this.queue = queue;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        long t0 = System.nanoTime();
        int done = admin.createQueuedAccounts(BUDGET);
        // stuck: members wait and this run created none (AccountsStuckAlarm fires after several such runs)
        boolean waiting = queue != null && !queue.pendingAccounts(1).isEmpty();
        Metrics.emit("accounts", Map.of(Metrics.ACCOUNTS_CREATED, done, Metrics.ACCOUNTS_STUCK, waiting && done == 0 ? 1 : 0),
                Map.of("durationMs", (System.nanoTime() - t0) / 1_000_000));
        return Map.of("accounts", done);
    }
}
