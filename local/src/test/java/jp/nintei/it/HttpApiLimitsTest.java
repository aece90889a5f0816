package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import jp.nintei.local.HttpApiLimits;
import jp.nintei.local.LocalGateway;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.Test;

/**
 * The local gateway enforces API Gateway's and Lambda's limits, so a breach fails here and not in production:
 * 30 s integration timeout (503), a request body over 10 MB or an event over Lambda's 6 MB (413), an answer over
 * 6 MB (500). Each limit is tested on both sides of its edge, through the template's unauthenticated fallback
 * route, with a stand-in handler in a gateway of its own (the shared one keeps the real handlers).
 */
@LocalStack
class HttpApiLimitsTest {
    private static final int MB = 1024 * 1024;
    private final LocalSystem system;

    HttpApiLimitsTest(LocalSystem system) { this.system = system; }

    private LocalGateway gateway(Duration timeout, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> answer) throws Exception {
        var handlers = new LocalGateway.HandlerRegistry();
        String fallback = system.template().routes().stream().filter(r -> r.path().equals("/api/{proxy+}")).findFirst()
                .orElseThrow().handler();
        handlers.put(fallback, (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) (APIGatewayV2HTTPEvent e, Context c) -> answer.apply(e));
        return new LocalGateway(system.template(), system.root().resolve("web"), null, handlers)
                .limits(new HttpApiLimits(timeout, HttpApiLimits.AWS.maxRequestBytes(), HttpApiLimits.AWS.maxPayloadBytes()))
                .start(0);
    }

    private static APIGatewayV2HTTPResponse text(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(Map.of("Content-Type", "text/plain"))
                .withBody(body).build();
    }

    @Test
    void anIntegrationRunningPastTheTimeoutIs503AndAQuickOneAnswers() throws Exception {
        try (LocalGateway g = gateway(Duration.ofMillis(400), e -> {
            if (e.getRawPath().endsWith("slow")) {
                try { Thread.sleep(3_000); } catch (InterruptedException ie) { Thread.currentThread().interrupt(); }
            }
            return text(200, "done");
        })) {
            long t0 = System.nanoTime();
            Http.Response slow = Http.get(g.url() + "/api/slow", null);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(503, slow.status(), slow.body());
            assertEquals("INTEGRATION_TIMEOUT", slow.json().get("code").asString());
            assertTrue(ms < 2_500, "answered after " + ms + " ms: the gateway must not wait for the function");
            assertEquals(200, Http.get(g.url() + "/api/quick", null).status());
        }
    }

    @Test
    void anAnswerOver6MbIs500AndOneJustUnderPasses() throws Exception {
        try (LocalGateway g = gateway(Duration.ofSeconds(30), e -> text(200,
                "x".repeat(Integer.parseInt(e.getQueryStringParameters().get("n")))))) {
            Http.Response under = Http.get(g.url() + "/api/big?n=" + (6 * MB - 4096), null);
            assertEquals(200, under.status());
            assertEquals(6 * MB - 4096, under.body().length());
            Http.Response over = Http.get(g.url() + "/api/big?n=" + (6 * MB + 1), null);
            assertEquals(500, over.status());
            assertEquals("RESPONSE_TOO_LARGE", over.json().get("code").asString());
        }
    }

    @Test
    void requestsOver10MbOrEventsOverLambdas6MbAre413() throws Exception {
        try (LocalGateway g = gateway(Duration.ofSeconds(30), e -> text(200, String.valueOf(e.getBody().length())))) {
            Http.Response fine = Http.send("POST", g.url() + "/api/upload", null, "a".repeat(5 * MB));
            assertEquals(200, fine.status());
            assertEquals(String.valueOf(5 * MB), fine.body());
            Http.Response overLambda = Http.send("POST", g.url() + "/api/upload", null, "a".repeat(7 * MB));
            assertEquals(413, overLambda.status(), "a 7 MB body does not fit Lambda's 6 MB invoke payload");
            Http.Response overApi = Http.send("POST", g.url() + "/api/upload", null, "a".repeat(10 * MB + 1));
            assertEquals(413, overApi.status());
            assertEquals("REQUEST_TOO_LARGE", overApi.json().get("code").asString());
        }
    }

    @Test
    void theRunningSystemsGatewayEnforcesTheLimitsToo() {
        Http.Response r = Http.send("POST", system.gateway().url() + "/api/no-such-route", null, "a".repeat(10 * MB + 1));
        assertEquals(413, r.status(), "the fallback would answer 404: the limit comes first");
    }
}
