package jp.nintei.functions.schedule;

import jp.nintei.functions.support.Components;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Duration;
import java.util.Map;
import jp.nintei.platform.Metrics;
import jp.nintei.service.MemberAccountService;

/**
 * Scheduled every minute: creates the sign-in accounts an import queued and mails each member our Japanese
 * invitation (Cognito's AdminCreateUser is rate limited, so thousands of members are worked through in
 * 45-second runs instead of inside the import request). One member refused never stops the others.
 */
public final class AccountsHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    static final Duration BUDGET = Duration.ofSeconds(45);
    private final MemberAccountService accounts;

    public AccountsHandler() {
        this.accounts = Components.memberAccounts();
    }

    public AccountsHandler(MemberAccountService accounts) { this.accounts = accounts; }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        long t0 = System.nanoTime();
        int done = accounts.workQueue(BUDGET);
        // stuck: members wait and this run handled none (AccountsStuckAlarm fires after several such runs)
        boolean waiting = accounts.anyQueued();
        Metrics.emit("accounts", Map.of(Metrics.ACCOUNTS_CREATED, done, Metrics.ACCOUNTS_STUCK, waiting && done == 0 ? 1 : 0),
                Map.of("durationMs", (System.nanoTime() - t0) / 1_000_000));
        return Map.of("accounts", done);
    }
}
