package jp.nintei.adapter.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON responses; personal data is never cached by a browser or proxy. */
public final class ApiResponses {
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "application/json; charset=utf-8",
            "Cache-Control", "no-store");

    private ApiResponses() {}

    public static APIGatewayV2HTTPResponse ok(JsonNode body) { return json(200, body); }

    public static APIGatewayV2HTTPResponse json(int status, JsonNode body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(HEADERS)
                .withBody(Json.write(body)).build();
    }

    public static APIGatewayV2HTTPResponse error(int status, String code, String field, String message) {
        ObjectNode body = Json.object().put("code", code);
        if (field != null) body.put("field", field);
        body.put("message", message);
        return json(status, body);
    }

    public static APIGatewayV2HTTPResponse error(jp.nintei.domain.Rejection e) {
        ObjectNode body = Json.object().put("code", e.code());
        if (e.field() != null) body.put("field", e.field());
        body.put("message", e.getMessage());
        if (!e.problems().isEmpty()) {
            var list = body.putArray("problems");
            for (var p : e.problems()) {
                ObjectNode o = list.addObject().put("code", p.code());
                if (p.field() != null) o.put("field", p.field());
                o.put("message", p.message());
            }
        }
        return json(HttpStatus.of(e.kind()), body);
    }
}
