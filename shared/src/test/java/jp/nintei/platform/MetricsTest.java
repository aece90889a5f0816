package jp.nintei.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.nintei.adapter.http.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The EMF line is valid JSON that CloudWatch can read: every declared metric has its value at the top level. */
class MetricsTest {
    @Test
    void oneLogLineCarriesTheMetricsInEmbeddedMetricFormat() {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put(Metrics.MAIL_RETRY_SENT, 2);
        metrics.put(Metrics.MAIL_OLDEST_PENDING_MINUTES, 37);
        JsonNode line = Json.parse(Metrics.line("mail-retry", metrics, Map.of("durationMs", 12), Instant.ofEpochMilli(1_700_000_000_000L)));
        assertEquals("mail-retry", line.get("event").asString());
        assertEquals(12, line.get("durationMs").asInt());
        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals(1_700_000_000_000L, line.get("_aws").get("Timestamp").asLong());
        assertEquals("nintei", directive.get("Namespace").asString());
        assertEquals(1, directive.get("Dimensions").size());
        assertEquals(2, directive.get("Metrics").size());
        for (JsonNode m : directive.get("Metrics")) {
            String name = m.get("Name").asString();
            assertEquals(metrics.get(name).intValue(), line.get(name).asInt(), name + " needs its value beside the directive");
        }
        assertEquals("Count", directive.get("Metrics").get(0).get("Unit").asString());
    }
}
