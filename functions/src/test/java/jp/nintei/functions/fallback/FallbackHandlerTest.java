package jp.nintei.functions.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.Messages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FallbackHandlerTest {
    private final FallbackHandler handler = new FallbackHandler();

    @Test
    void unknownApiPathIsAJson404InJapanese() {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/any-api-proxy.json");
        APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
        assertEquals(404, r.getStatusCode());
        assertEquals("application/json; charset=utf-8", r.getHeaders().get("Content-Type"));
        JsonNode body = Json.parse(r.getBody());
        assertEquals("NOT_FOUND", body.get("code").asString());
        assertEquals(Messages.NOT_FOUND, body.get("message").asString());
    }

    @Test
    void knownPathWithAnotherMethodIs405WithAllow() {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/any-api-proxy.json");
        e.getRequestContext().getHttp().setMethod("DELETE");
        e.getRequestContext().getHttp().setPath("/api/me");
        APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
        assertEquals(405, r.getStatusCode());
        assertEquals("GET", r.getHeaders().get("Allow"));
        assertEquals("METHOD_NOT_ALLOWED", Json.parse(r.getBody()).get("code").asString());
    }

    @Test
    void getOnThePostOnlyLoginRouteIs405() {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/any-api-proxy.json");
        e.getRequestContext().getHttp().setPath("/api/auth/login");
        APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
        assertEquals(405, r.getStatusCode());
        assertEquals("POST", r.getHeaders().get("Allow"));
    }
}
