package jp.nintei.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.platform.Log;

/**
 * The limits API Gateway's HTTP API and Lambda put on every request, enforced by the local gateway so that a
 * breach fails in the tests, not in production: the integration times out after 30 s, a request body may be
 * 10 MB, and the function's answer (and the event it receives) may be 6 MB, as Lambda's synchronous invoke
 * allows. On AWS the caller then gets API Gateway's own answer; here the same status with our JSON shape.
 */
public record HttpApiLimits(Duration integrationTimeout, long maxRequestBytes, long maxPayloadBytes) {
    /** AWS: HTTP API integration timeout 30 s, payload 10 MB; Lambda synchronous invoke 6 MB each way. */
    public static final HttpApiLimits AWS = new HttpApiLimits(Duration.ofSeconds(30), 10L * 1024 * 1024, 6L * 1024 * 1024);

    private static final ExecutorService INVOKER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lambda-invoke");
        t.setDaemon(true);
        return t;
    });

    /** A request API Gateway refuses before the function runs (413), or null. */
    public APIGatewayV2HTTPResponse refuseRequest(long declaredLength, APIGatewayV2HTTPEvent event) {
        long body = bodyBytes(event.getBody(), Boolean.TRUE.equals(event.getIsBase64Encoded()));
        if (declaredLength > maxRequestBytes || body > maxRequestBytes) {
            return breach(413, "REQUEST_TOO_LARGE", "request body " + Math.max(declaredLength, body) + " B > " + maxRequestBytes + " B",
                    "送信するデータが大きすぎます（10 MB まで）。ファイルを分けて送ってください。");
        }
        long payload = payloadBytes(event);
        if (payload > maxPayloadBytes) {
            // Lambda refuses an invoke payload over 6 MB (RequestTooLargeException): the body travels inside the event
            return breach(413, "REQUEST_TOO_LARGE", "event " + payload + " B > " + maxPayloadBytes + " B (Lambda invoke payload)",
                    "送信するデータが大きすぎます。ファイルを分けて送ってください。");
        }
        return null;
    }

    /** Runs the handler as the integration would: at most {@link #integrationTimeout}, its answer at most 6 MB. */
    public APIGatewayV2HTTPResponse invoke(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                           APIGatewayV2HTTPEvent event, Context context) {
        Future<APIGatewayV2HTTPResponse> run = INVOKER.submit(() -> handler.handleRequest(event, context));
        APIGatewayV2HTTPResponse response;
        try {
            response = run.get(integrationTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            return breach(503, "INTEGRATION_TIMEOUT", event.getRouteKey() + " ran longer than " + integrationTimeout,
                    "処理に時間がかかりすぎました。しばらくしてからもう一度お試しください。");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
        long size = responseBytes(response);
        if (size > maxPayloadBytes) {
            // Lambda fails the invocation ("response payload size exceeded"); API Gateway answers 500
            return breach(500, "RESPONSE_TOO_LARGE", event.getRouteKey() + " answered " + size + " B > " + maxPayloadBytes + " B",
                    "データが大きすぎて返せませんでした。条件を絞ってもう一度お試しください。");
        }
        return response;
    }

    private static APIGatewayV2HTTPResponse breach(int status, String code, String detail, String message) {
        // loud in the log: a test that trips a limit here would fail the same way on AWS
        Log.error("aws-limit", Map.of("code", code, "detail", detail));
        return ApiResponses.error(status, code, null, message);
    }

    static long bodyBytes(String body, boolean base64) {
        if (body == null) return 0;
        if (base64) return (long) body.length() * 3 / 4;
        return body.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Roughly the JSON Lambda carries: the body as sent (base64 stays base64) plus headers and a fixed frame. */
    static long payloadBytes(APIGatewayV2HTTPEvent e) {
        long n = 1024 + (e.getBody() == null ? 0 : e.getBody().getBytes(StandardCharsets.UTF_8).length);
        if (e.getHeaders() != null) for (var h : e.getHeaders().entrySet()) n += h.getKey().length() + h.getValue().length() + 6;
        return n;
    }

    static long responseBytes(APIGatewayV2HTTPResponse r) {
        long n = 64 + (r.getBody() == null ? 0 : r.getBody().getBytes(StandardCharsets.UTF_8).length);
        if (r.getHeaders() != null) for (var h : r.getHeaders().entrySet()) n += h.getKey().length() + h.getValue().length() + 6;
        return n;
    }
}
