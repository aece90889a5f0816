package jp.nintei.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jp.nintei.adapter.http.Json;
import tools.jackson.databind.JsonNode;

/**
 * Runs in a fresh JVM (started by {@link ColdStart}): builds one handler, invokes it with an events/ fixture
 * as a given member, and prints one line of timings: JVM start → main, handler construction, first and
 * second response.
 */
public final class ColdProbe {
    private ColdProbe() {}

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String handlerClass = args[0];
        Path fixture = Path.of(args[1]);
        String memberNo = args[2];

        // the runtime deserialises the event before the handler runs: not part of the handler's time
        APIGatewayV2HTTPEvent firstEvent = event(fixture, memberNo);
        APIGatewayV2HTTPEvent secondEvent = event(fixture, memberNo);
        long t0 = System.nanoTime();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(handlerClass)
                        .getDeclaredConstructor().newInstance();
        long t1 = System.nanoTime();
        APIGatewayV2HTTPResponse first = handler.handleRequest(firstEvent, null);
        long t2 = System.nanoTime();
        APIGatewayV2HTTPResponse second = handler.handleRequest(secondEvent, null);
        long t3 = System.nanoTime();
        if (first.getStatusCode() != 200 || second.getStatusCode() != 200) {
            throw new IllegalStateException("handler answered " + first.getStatusCode() + ": " + first.getBody());
        }
        System.out.printf(java.util.Locale.ROOT, "PROBE {\"jvmToMainMs\":%d,\"initMs\":%.1f,\"firstMs\":%.1f,\"secondMs\":%.2f}%n",
                mainAt - jvmStart, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
    }

    /** The fixture, parsed by hand into the event type (the probe measures our code, not a test library). */
    static APIGatewayV2HTTPEvent event(Path fixture, String memberNo) throws java.io.IOException {
        JsonNode e = Json.parse(Files.readString(fixture));
        Map<String, String> claims = new HashMap<>();
        e.at("/requestContext/authorizer/jwt/claims").properties().forEach(x -> claims.put(x.getKey(), x.getValue().asString()));
        claims.put("cognito:username", memberNo);
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(e.at("/requestContext/http/method").asString())
                .withPath(e.at("/requestContext/http/path").asString()).build();
        var ctx = APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("probe")
                .withRouteKey(e.get("routeKey").asString()).withHttp(http)
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                        .build()).build();
        return APIGatewayV2HTTPEvent.builder().withRouteKey(e.get("routeKey").asString())
                .withRawPath(e.get("rawPath").asString()).withRequestContext(ctx).build();
    }
}
