package jp.nintei.functions.schedule;

import jp.nintei.functions.support.Components;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import jp.nintei.adapter.dynamo.DynamoApplicationLists;
import jp.nintei.adapter.dynamo.DynamoAuditLog;
import jp.nintei.adapter.dynamo.DynamoSeasonStore;
import jp.nintei.domain.AppClock;
import jp.nintei.platform.Settings;
import jp.nintei.service.SeasonService;

/** Scheduled every 15 minutes: window open/close records, 未提出 at the close with a summary, reminders. */
public final class SeasonHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final SeasonService season;

    public SeasonHandler() {
        var dynamo = Components.dynamoDb();
        String table = Components.table();
        this.season = new SeasonService(new DynamoSeasonStore(dynamo, table), new DynamoApplicationLists(dynamo, table),
                new DynamoAuditLog(dynamo, table),
                Components.mailer(),
                Settings.require(Settings.SECRETARIAT_ADDRESS), Components.site(), AppClock.process());
    }

    public SeasonHandler(SeasonService season) { this.season = season; }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        SeasonService.Outcome o = season.run();
        return Map.of("transitions", o.transitions(), "notSubmitted", o.markedNotSubmitted(), "reminders", o.remindersSent());
    }
}
