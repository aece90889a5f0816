package jp.nintei.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.nintei.platform.Template;
import org.junit.jupiter.api.Test;

/** The local runner invokes the template's schedule functions with an EventBridge Scheduled Event. */
class ScheduleRunnerTest {
    static final List<ScheduledEvent> RECEIVED = new CopyOnWriteArrayList<>();

    public static final class Recorder implements RequestHandler<ScheduledEvent, String> {
        @Override
        public String handleRequest(ScheduledEvent event, Context context) {
            RECEIVED.add(event);
            return "done " + context.getFunctionName();
        }
    }

    static final String TEMPLATE = """
            Resources:
              RetryFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: jp.nintei.local.ScheduleRunnerTest$Recorder::handleRequest
                  Events:
                    Every5:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: rate(5 minutes)
                    Nightly:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: cron(0 2 * * ? *)
                        ScheduleExpressionTimezone: Asia/Tokyo
                    Off:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 day)
                        Enabled: false
            """;

    @Test
    void enabledSchedulesAreInvokedAsEventBridgeWould() {
        Template t = Template.load(new ByteArrayInputStream(TEMPLATE.getBytes(StandardCharsets.UTF_8)));
        Clock clock = Clock.fixed(Instant.parse("2026-04-30T14:59:00Z"), ZoneOffset.UTC);
        try (ScheduleRunner runner = new ScheduleRunner(t, new LocalGateway.HandlerRegistry(), clock)) {
            assertEquals(List.of("Every5", "Nightly"), runner.schedules().stream().map(Template.Schedule::event).toList());
            RECEIVED.clear();
            Object result = runner.fire(runner.schedules().get(1));
            assertEquals("done RetryFunction", result);
            assertEquals(1, RECEIVED.size());
            ScheduledEvent e = RECEIVED.get(0);
            assertEquals("Scheduled Event", e.getDetailType());
            assertEquals("aws.events", e.getSource());
            assertEquals(Instant.parse("2026-04-30T14:59:00Z").toEpochMilli(), e.getTime().getMillis());
            assertEquals("Asia/Tokyo", runner.schedules().get(1).timezone());
        }
    }
}
