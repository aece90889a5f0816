package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.Messages;
import jp.nintei.functions.auth.AuthHandler;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/auth/login and /api/auth/refresh, driven by events/, against cognito-local and dynalite. */
@LocalStack
class AuthHandlerTest {
    private final AuthHandler handler;

    AuthHandlerTest(LocalSystem system) {
        this.handler = new AuthHandler();
    }

    private APIGatewayV2HTTPResponse login(String body) {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/post-api-auth-login.json");
        if (body != null) e.setBody(body);
        return handler.handleRequest(e, null);
    }

    private static String loginBody(String userId, String password) {
        return Json.write(Json.object().put("userId", userId).put("password", password));
    }

    @Test
    void theFixtureSignsInWithAFullWidthMemberNumber() {
        APIGatewayV2HTTPResponse r = login(null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        JsonNode body = Json.parse(r.getBody());
        assertEquals("10000001", Tokens.payload(body.get("idToken").asString()).get("cognito:username").asString());
        assertNotNull(body.get("refreshToken"));
    }

    @Test
    void anEmailAddressAsTypedOnAPhoneResolvesToTheMemberNumber() {
        APIGatewayV2HTTPResponse r = login(loginBody("　ＪＩＲＯ＠example.jp ", DemoData.PASSWORD));
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("10000002", Tokens.payload(Json.parse(r.getBody()).get("idToken").asString())
                .get("cognito:username").asString());
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountAreTheSameAnswer() {
        APIGatewayV2HTTPResponse wrong = login(loginBody("10000001", "not-the-password"));
        APIGatewayV2HTTPResponse unknown = login(loginBody("12345678", DemoData.PASSWORD));
        APIGatewayV2HTTPResponse unknownMail = login(loginBody("nobody@example.jp", DemoData.PASSWORD));
        assertEquals(401, wrong.getStatusCode());
        assertEquals("LOGIN_FAILED", Json.parse(wrong.getBody()).get("code").asString());
        assertEquals(Messages.LOGIN_FAILED, Json.parse(wrong.getBody()).get("message").asString());
        assertEquals(wrong.getBody(), unknown.getBody());
        assertEquals(wrong.getBody(), unknownMail.getBody());
        assertEquals(401, unknownMail.getStatusCode());
    }

    @Test
    void missingFieldsAndBrokenBodiesAreClear400s() {
        APIGatewayV2HTTPResponse blank = login(loginBody("　", "x"));
        assertEquals(400, blank.getStatusCode());
        assertEquals("userId", Json.parse(blank.getBody()).get("field").asString());
        APIGatewayV2HTTPResponse noPassword = login(loginBody("10000001", ""));
        assertEquals("PASSWORD_REQUIRED", Json.parse(noPassword.getBody()).get("code").asString());
        APIGatewayV2HTTPResponse broken = login("{not json");
        assertEquals(400, broken.getStatusCode());
        assertEquals(Messages.BAD_JSON, Json.parse(broken.getBody()).get("message").asString());
    }

    @Test
    void aRefreshTokenGivesNewTokensAndGarbageAsksToSignInAgain() {
        String refresh = Json.parse(login(null).getBody()).get("refreshToken").asString();
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/post-api-auth-refresh.json");
        e.setBody(Json.write(Json.object().put("refreshToken", refresh)));
        APIGatewayV2HTTPResponse r = handler.handleRequest(e, null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("10000001", Tokens.payload(Json.parse(r.getBody()).get("idToken").asString())
                .get("cognito:username").asString());

        APIGatewayV2HTTPResponse bad = handler.handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/post-api-auth-refresh.json"), null);
        assertEquals(401, bad.getStatusCode());
        assertEquals("SESSION_EXPIRED", Json.parse(bad.getBody()).get("code").asString());
    }
}
