package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jp.nintei.local.LocalSystem;
import jp.nintei.platform.Template;
import org.junit.jupiter.api.Test;

/**
 * The weekly keep-active schedule of each HTTP function, fired through the template's schedule as EventBridge
 * Scheduler would (its Input, not a Scheduled Event): the function answers the warm-up and runs its priming
 * path (its DynamoDB round trip shows in the recorded operations, so the policy-coverage check covers it too).
 */
@LocalStack
class KeepActiveTest {
    private final LocalSystem system;

    KeepActiveTest(LocalSystem system) { this.system = system; }

    @Test
    void everyHttpFunctionAnswersItsKeepActiveScheduleByPriming() throws Exception {
        Set<String> httpFunctions = system.template().routes().stream().map(Template.Route::function).collect(Collectors.toSet());
        List<Template.Schedule> keepActive = system.schedules().schedules().stream()
                .filter(s -> s.event().equals("KeepActive")).toList();
        assertEquals(httpFunctions, keepActive.stream().map(Template.Schedule::function).collect(Collectors.toSet()));
        for (Template.Schedule s : keepActive) {
            int before = AwsOperationRecorder.lines().size();
            Object answer = system.schedules().fire(s);
            assertTrue(answer instanceof APIGatewayV2HTTPResponse, s.function() + ": " + answer);
            APIGatewayV2HTTPResponse r = (APIGatewayV2HTTPResponse) answer;
            assertEquals(200, r.getStatusCode(), s.function() + " " + r.getBody());
            assertEquals("{\"warm\":true}", r.getBody(), s.function() + ": a warm-up runs no route");
            if (s.function().equals("MenuFunction")) {
                List<String> made = AwsOperationRecorder.lines().subList(before, AwsOperationRecorder.lines().size());
                assertFalse(made.stream().noneMatch(l -> l.contains("MenuHandler")), "the menu's priming round trip: " + made);
            }
        }
    }
}
