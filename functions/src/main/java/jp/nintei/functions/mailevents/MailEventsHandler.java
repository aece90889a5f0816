package jp.nintei.functions.mailevents;

import jp.nintei.functions.support.Components;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.time.Clock;
import java.util.Map;
import jp.nintei.adapter.dynamo.DynamoAccountStore;
import jp.nintei.adapter.dynamo.DynamoMailEventStore;
import jp.nintei.service.MailEventService;

/**
 * SES bounce and complaint events, delivered by the configuration set's SNS event destination: each record
 * marks the mail it concerns (confirmation → its application, invitation → the member's account).
 */
public final class MailEventsHandler implements RequestHandler<SNSEvent, Map<String, Integer>> {
    private final MailEventService events;

    public MailEventsHandler() {
        var dynamo = Components.dynamoDb();
        String table = Components.table();
        this.events = new MailEventService(new DynamoMailEventStore(dynamo, table), new DynamoAccountStore(dynamo, table), Clock.systemUTC());
    }

    public MailEventsHandler(MailEventService events) { this.events = events; }

    @Override
    public Map<String, Integer> handleRequest(SNSEvent event, Context context) {
        int recorded = 0;
        int records = 0;
        if (event != null && event.getRecords() != null) {
            for (SNSEvent.SNSRecord r : event.getRecords()) {
                records++;
                if (r.getSNS() == null) continue;
                MailEventService.SesEvent e = SesEventJson.read(r.getSNS().getMessage());
                if ((e == null ? events.unreadable() : events.record(e)).recorded()) recorded++;
            }
        }
        return Map.of("records", records, "recorded", recorded);
    }
}
