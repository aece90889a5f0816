package jp.nintei.adapter.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.nintei.domain.Messages;
import jp.nintei.domain.Rejection;
import jp.nintei.platform.Log;
import jp.nintei.platform.WarmUp;
import jp.nintei.port.StoreUnavailable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The frame every HTTP function shares: dispatch on the route, turn a client's mistake into its 4xx JSON,
 * an unexpected failure into a 500 JSON without details, and log one structured line per request.
 */
public abstract class HttpFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (WarmUp.ROUTE_KEY.equals(event.getRouteKey())) return warmUp();
        long started = System.nanoTime();
        ApiRequest request = ApiRequest.of(event);
        APIGatewayV2HTTPResponse response;
        String code = null;
        try {
            response = handle(request);
        } catch (jp.nintei.domain.Rejection e) {
            code = e.code();
            response = ApiResponses.error(e);
        } catch (tools.jackson.core.JacksonException e) {
            // a body of the wrong shape somewhere a reader did not expect: the client's mistake, never a 500
            code = "BAD_JSON";
            response = ApiResponses.error(400, code, null, Messages.BAD_JSON);
        } catch (AwsServiceException e) {
            // throttled or failing on AWS's side after the SDK's own retries: temporary, and every write is
            // conditional or retry-safe, so nothing was half-done; anything else (a denied call) is our defect
            boolean temporary = e.isThrottlingException() || e.statusCode() >= 500;
            code = e.isThrottlingException() ? "THROTTLED" : temporary ? "AWS_UNAVAILABLE" : "AWS_ERROR";
            logFailure(request, e);
            response = temporary
                    ? ApiResponses.error(503, code, null, Messages.TEMPORARILY_UNAVAILABLE)
                    : ApiResponses.error(500, "INTERNAL_ERROR", null, Messages.INTERNAL_ERROR);
        } catch (SdkClientException | StoreUnavailable e) {
            // no answer from AWS (connection dropped, timed out) or a batch left unfinished after its retries
            code = "UNAVAILABLE";
            logFailure(request, e);
            response = ApiResponses.error(503, code, null, Messages.TEMPORARILY_UNAVAILABLE);
        } catch (RuntimeException e) {
            code = "INTERNAL_ERROR";
            logFailure(request, e);
            response = ApiResponses.error(500, code, null, Messages.INTERNAL_ERROR);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", request.requestId());
        fields.put("route", request.routeKey());
        fields.put("status", response.getStatusCode());
        fields.put("durationMs", (System.nanoTime() - started) / 1_000_000.0);
        if (code != null) fields.put("code", code);
        Log.info("request", fields);
        return response;
    }

    /** The keep-active schedule's invocation: the priming path, never a route (see {@link WarmUp}). */
    private APIGatewayV2HTTPResponse warmUp() {
        long started = System.nanoTime();
        boolean primed = false;
        try {
            primed = WarmUp.run(getClass());
        } catch (RuntimeException e) {
            // like priming before the snapshot: a failure here must not fail the invocation (the version stays active)
            Log.warn("warmup", Map.of("error", e.getClass().getName()));
        }
        Log.info("warmup", Map.of("primed", primed, "durationMs", (System.nanoTime() - started) / 1_000_000));
        return ApiResponses.json(200, jp.nintei.adapter.http.Json.object().put("warm", true));
    }

    /** Check the route, call a service, map the result. */
    protected abstract APIGatewayV2HTTPResponse handle(ApiRequest request);

    protected static Rejection notFound() { return Rejection.notFound("NOT_FOUND", null, Messages.NOT_FOUND); }

    private static void logFailure(ApiRequest request, Exception e) {
        // type and origin only: SDK messages can carry keys with member numbers, never names or mail
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("requestId", request.requestId());
        f.put("route", request.routeKey());
        f.put("error", e.getClass().getName());
        f.put("at", at == null ? null : at.toString());
        Log.error("unhandled", f);
    }
}
