package jp.nintei.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.nintei.platform.Log;
import jp.nintei.platform.Template;
import org.joda.time.DateTime;

/**
 * Runs the template's Schedule/ScheduleV2 events on the local stack: each enabled schedule invokes its
 * function in this JVM with an EventBridge "Scheduled Event", at the times its expression names.
 */
public final class ScheduleRunner implements AutoCloseable {
    private final List<Template.Schedule> schedules;
    private final Template template;
    private final LocalGateway.HandlerRegistry handlers;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "schedules");
        t.setDaemon(true);
        return t;
    });

    public ScheduleRunner(Template template, LocalGateway.HandlerRegistry handlers, Clock clock) {
        this.schedules = template.schedules().stream().filter(Template.Schedule::enabled).toList();
        this.template = template;
        this.handlers = handlers;
        this.clock = clock;
    }

    public List<Template.Schedule> schedules() { return schedules; }

    public ScheduleRunner start() {
        for (Template.Schedule s : schedules) arm(s, ScheduleExpression.parse(s.expression(), s.timezone()));
        return this;
    }

    private void arm(Template.Schedule s, ScheduleExpression expression) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = expression.next(now);
        long delay = Math.max(0, Duration.between(now, next).toMillis());
        executor.schedule(() -> {
            fire(s);
            arm(s, expression);
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Invokes one schedule's function now, as EventBridge would. */
    public Object fire(Template.Schedule s) {
        String input = input(s);
        if (input != null) return fireWithInput(s, input);
        ScheduledEvent event = new ScheduledEvent();
        event.setId(UUID.randomUUID().toString());
        event.setDetailType("Scheduled Event");
        event.setSource("aws.events");
        event.setAccount("000000000000");
        event.setRegion(Bootstrap.REGION);
        event.setTime(new DateTime(clock.millis()));
        event.setResources(List.of("arn:aws:events:local:000000000000:rule/" + s.function() + "-" + s.event()));
        event.setDetail(Map.of());
        long t0 = System.nanoTime();
        try {
            RequestHandler<ScheduledEvent, Object> h = handlers.get(s.handler());
            Object result = h.handleRequest(event, new LocalContext(s.function(), event.getId()));
            Log.info("schedule", Map.of("function", s.function(), "schedule", s.event(),
                    "durationMs", (System.nanoTime() - t0) / 1_000_000));
            return result;
        } catch (RuntimeException e) {
            Log.error("schedule", Map.of("function", s.function(), "event", s.event(), "error", e.getClass().getName()));
            return null;
        }
    }

    /** The schedule's {@code Input} (the payload EventBridge Scheduler sends instead of a Scheduled Event), or null. */
    private String input(Template.Schedule s) {
        Map<String, Object> events = Template.map(Template.map(template.resource(s.function()).get("Properties")).get("Events"));
        Object input = Template.map(Template.map(events.get(s.event())).get("Properties")).get("Input");
        return input == null ? null : input.toString();
    }

    /** An HTTP function's keep-active schedule: its Input is an API Gateway event (route key WARMUP). */
    private Object fireWithInput(Template.Schedule s, String input) {
        var json = jp.nintei.adapter.http.Json.parseObject(input);
        String requestId = json.path("requestContext").path("requestId").asString(UUID.randomUUID().toString());
        var event = com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.builder()
                .withVersion(json.path("version").asString("2.0")).withRouteKey(json.path("routeKey").asString(null))
                .withRawPath(json.path("rawPath").asString(null))
                .withRequestContext(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(json.path("requestContext").path("routeKey").asString(null)).withRequestId(requestId).build())
                .build();
        try {
            RequestHandler<Object, Object> h = handlers.get(s.handler());
            Object result = h.handleRequest(event, new LocalContext(s.function(), requestId));
            Log.info("schedule", Map.of("function", s.function(), "schedule", s.event()));
            return result;
        } catch (RuntimeException e) {
            Log.error("schedule", Map.of("function", s.function(), "event", s.event(), "error", e.getClass().getName()));
            return null;
        }
    }

    @Override
    public void close() { executor.shutdownNow(); }
}
