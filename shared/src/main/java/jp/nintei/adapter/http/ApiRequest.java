package jp.nintei.adapter.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** An HTTP API (payload 2.0) request, with the caller's verified claims. */
public record ApiRequest(String routeKey, String method, String path, Map<String, String> pathParameters,
                         Map<String, String> queryParameters, Map<String, String> headers, String body,
                         Claims claims, String requestId, byte[] bodyBytes) {

    public static ApiRequest of(APIGatewayV2HTTPEvent event) {
        var ctx = event.getRequestContext();
        String method = ctx != null && ctx.getHttp() != null ? ctx.getHttp().getMethod() : "GET";
        String path = ctx != null && ctx.getHttp() != null ? ctx.getHttp().getPath() : event.getRawPath();
        String body = event.getBody();
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null && event.getIsBase64Encoded()) {
            // an uploaded file (e.g. a Shift_JIS CSV) keeps its bytes; the text form is for JSON bodies
            bytes = Base64.getDecoder().decode(body);
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        Map<String, String> claims = ctx != null && ctx.getAuthorizer() != null && ctx.getAuthorizer().getJwt() != null
                ? ctx.getAuthorizer().getJwt().getClaims() : null;
        return new ApiRequest(event.getRouteKey(), method, path, nz(event.getPathParameters()),
                nz(event.getQueryStringParameters()), nz(event.getHeaders()), body, Claims.of(claims),
                ctx != null ? ctx.getRequestId() : null, bytes);
    }

    private static Map<String, String> nz(Map<String, String> m) { return m == null ? Map.of() : m; }

    /** The caller's 会員番号, from the token only. 401 when there is no verified token. */
    public String memberNo() { return claims.requireMemberNo(); }
}
