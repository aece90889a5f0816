package jp.nintei.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BinaryOperator;
import jp.nintei.adapter.aws.AwsClients;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every benchmark measures, in one place: latency percentiles (p50/p99), and the DynamoDB requests each
 * handler call makes, counted with an SDK {@link ExecutionInterceptor} on a DynamoDB client the benchmark wires
 * behind the handler instead of the production one.
 *
 * <p>A call is counted under a key the benchmark chooses from the current phase and the route key (by phase,
 * by route, or both); the DynamoDB requests it makes are counted under that key and their operation. Requests
 * made outside a handler call (loading data, a cache built ahead) are counted apart and printed as unexpected.
 */
final class BenchMetrics {
    static final String OUTSIDE = "(outside a route)";

    private final BinaryOperator<String> callKey;
    private final ThreadLocal<String> route = new ThreadLocal<>();
    private volatile String phase = "";
    /** key → calls; "key | operation" → DynamoDB requests. */
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    /** @param callKey (phase, route key) → the key a call and its requests are counted under */
    BenchMetrics(BinaryOperator<String> callKey) { this.callKey = callKey; }

    static BenchMetrics byPhase() { return new BenchMetrics((phase, route) -> phase); }

    static BenchMetrics byRoute() { return new BenchMetrics((phase, route) -> route); }

    static BenchMetrics byPhaseAndRoute() { return new BenchMetrics((phase, route) -> phase + " | " + route); }

    /** The phase the benchmark's main thread is in; calls from now on count under it. */
    void phase(String name) { phase = name; }

    /** A DynamoDB client like production's, counting every request it sends. */
    DynamoDbClient countingDynamoDb() {
        return AwsClients.dynamoDb(new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
                String r = route.get();
                String key = r == null ? OUTSIDE : callKey.apply(phase, r);
                requests.computeIfAbsent(key + " | " + a.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicInteger())
                        .incrementAndGet();
            }
        });
    }

    /** The handler, counting its calls and marking its thread so the DynamoDB requests count under the call. */
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> counted(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> h) {
        return (event, context) -> {
            route.set(event.getRouteKey());
            calls.computeIfAbsent(callKey.apply(phase, event.getRouteKey()), k -> new AtomicInteger()).incrementAndGet();
            try {
                return h.handleRequest(event, context);
            } finally {
                route.remove();
            }
        };
    }

    /** Forgets every count (after a warm-up). */
    void clear() {
        calls.clear();
        requests.clear();
    }

    int calls(String key) {
        AtomicInteger c = calls.get(key);
        return c == null ? 0 : c.get();
    }

    /** operation → DynamoDB requests of the calls under {@code key}, by operation name. */
    Map<String, Integer> requestsByOperation(String key) {
        Map<String, Integer> byOp = new TreeMap<>();
        requests.forEach((k, v) -> {
            if (k.startsWith(key + " | ") && k.indexOf(" | ", key.length() + 3) < 0) byOp.put(k.substring(key.length() + 3), v.get());
        });
        return byOp;
    }

    int requests(String key) { return requestsByOperation(key).values().stream().mapToInt(Integer::intValue).sum(); }

    /** DynamoDB requests per call under {@code key}; 0 without calls. */
    double perCall(String key) {
        int c = calls(key);
        return c == 0 ? 0 : requests(key) / (double) c;
    }

    /** e.g. {@code GetItem 1.0  Query 2.0}: the requests per call of each operation, for one table column. */
    String perCallByOperation(String key) {
        int c = calls(key);
        StringBuilder b = new StringBuilder();
        requestsByOperation(key).forEach((op, x) -> b.append(op).append(' ')
                .append(String.format(Locale.ROOT, "%.1f", c == 0 ? 0 : x / (double) c)).append("  "));
        return b.toString().trim();
    }

    /** Every key with calls, sorted. */
    List<String> keys() { return calls.keySet().stream().sorted().toList(); }

    /**
     * The table "DynamoDB requests per call": one line per key (in the order given, keys without calls left
     * out) and operation, then every request made outside a handler call.
     */
    void printRequests(PrintStream out, String keyHeader, int keyWidth, Collection<String> keys) {
        String line = "  %-" + keyWidth + "s %-16s %6d %9d %9.2f%n";
        out.printf(Locale.ROOT, "%nDynamoDB requests per call (SDK ExecutionInterceptor)%n");
        out.printf(Locale.ROOT, "  %-" + keyWidth + "s %-16s %6s %9s %9s%n", keyHeader, "operation", "calls", "requests", "per call");
        for (String key : keys) {
            int c = calls(key);
            if (c == 0) continue;
            Map<String, Integer> byOp = requestsByOperation(key);
            if (byOp.isEmpty()) byOp.put("(none)", 0);
            byOp.forEach((op, count) -> out.printf(Locale.ROOT, line, key, op, c, count, count / (double) c));
        }
        requests.keySet().stream().filter(k -> k.startsWith(OUTSIDE)).sorted()
                .forEach(k -> out.printf(Locale.ROOT, "  unexpected: %s = %d%n", k, requests.get(k).get()));
    }

    // ---- latency ----

    /** The samples in milliseconds, sorted (a copy: the caller's list may still grow). */
    static double[] sorted(Collection<Double> ms) { return ms.stream().mapToDouble(Double::doubleValue).sorted().toArray(); }

    /** The nearest-rank-below percentile of sorted samples, {@code p} in [0, 1]. */
    static double percentile(double[] sorted, double p) { return sorted[(int) Math.floor(p * (sorted.length - 1))]; }

    static double p50(double[] sorted) { return percentile(sorted, 0.5); }

    static double p99(double[] sorted) { return percentile(sorted, 0.99); }
}
