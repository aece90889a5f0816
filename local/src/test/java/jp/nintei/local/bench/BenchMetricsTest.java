package jp.nintei.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.nintei.adapter.dynamo.Keys;
import jp.nintei.it.LocalStack;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The benchmarks' one metrics helper: percentiles as the reports print them, DynamoDB requests counted per call. */
@LocalStack
class BenchMetricsTest {
    @SuppressWarnings("unused")
    BenchMetricsTest(LocalSystem system) {} // the stand-ins run: the counting client talks to dynalite

    @Test
    void percentilesAreTheNearestRankBelow() {
        List<Double> ms = new ArrayList<>();
        for (int i = 100; i >= 1; i--) ms.add((double) i);
        double[] v = BenchMetrics.sorted(ms);
        assertEquals(50.0, BenchMetrics.p50(v));
        assertEquals(99.0, BenchMetrics.p99(v));
        assertEquals(1.0, BenchMetrics.percentile(v, 0));
    }

    @Test
    void eachCallsDynamoDbRequestsCountUnderItsPhaseAndThoseOutsideACallAreReportedApart() throws Exception {
        BenchMetrics metrics = BenchMetrics.byPhase();
        DynamoDbClient counting = metrics.countingDynamoDb();
        var key = Keys.key(Keys.member("99999990"), Keys.PROFILE);
        var handler = metrics.counted((APIGatewayV2HTTPEvent event, com.amazonaws.services.lambda.runtime.Context context) -> {
            counting.getItem(g -> g.tableName(Bootstrap.TABLE).key(key));
            counting.getItem(g -> g.tableName(Bootstrap.TABLE).key(key));
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
        });
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey("GET /api/me").build();
        metrics.phase("menu");
        handler.handleRequest(event, null);
        handler.handleRequest(event, null);
        counting.getItem(g -> g.tableName(Bootstrap.TABLE).key(key)); // outside a handler call

        assertEquals(2, metrics.calls("menu"));
        assertEquals(Map.of("GetItem", 4), metrics.requestsByOperation("menu"));
        assertEquals(2.0, metrics.perCall("menu"));
        assertEquals("GetItem 2.0", metrics.perCallByOperation("menu"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.printRequests(new PrintStream(out, true, StandardCharsets.UTF_8), "phase", 10, List.of("menu", "never called"));
        String report = out.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("  menu       GetItem               2         4      2.00"), report);
        assertTrue(report.contains("unexpected: (outside a route) | GetItem = 1"), report);
        assertTrue(!report.contains("never called"), report);
    }
}
