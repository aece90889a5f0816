package jp.nintei.functions.fallback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;
import jp.nintei.adapter.http.ApiRequest;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.adapter.http.HttpFunction;
import jp.nintei.domain.Messages;
import jp.nintei.platform.RouteTable;
import jp.nintei.platform.Template;

/**
 * ANY /api/{proxy+}: whatever no other route takes. Answers 405 (with Allow) when the path exists under
 * another method, else 404, as JSON with a Japanese message. The routes come from the template.yaml the jar
 * carries, so the table is never written twice.
 */
public final class FallbackHandler extends HttpFunction {
    private final RouteTable routes;

    public FallbackHandler() {
        this(new RouteTable(Template.fromClasspath().routes()).withoutCatchAll());
    }

    public FallbackHandler(RouteTable routes) { this.routes = routes; }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        if (routes.match(request.method(), request.path()) instanceof RouteTable.MethodNotAllowed m) {
            APIGatewayV2HTTPResponse r = ApiResponses.error(405, "METHOD_NOT_ALLOWED", null, Messages.METHOD_NOT_ALLOWED);
            Map<String, String> headers = new HashMap<>(r.getHeaders());
            headers.put("Allow", String.join(", ", m.allowed()));
            r.setHeaders(headers);
            return r;
        }
        return ApiResponses.error(404, "NOT_FOUND", null, Messages.NOT_FOUND);
    }
}
