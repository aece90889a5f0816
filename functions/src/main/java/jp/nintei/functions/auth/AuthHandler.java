package jp.nintei.functions.auth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.cognito.CognitoIdentityProvider;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.adapter.http.ApiRequest;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.adapter.http.HttpFunction;
import jp.nintei.adapter.http.Json;
import jp.nintei.functions.support.Priming;
import jp.nintei.platform.Settings;
import jp.nintei.service.IdentityProvider;
import jp.nintei.service.SignInService;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /api/auth/login (ユーザーID = e-mail or 会員番号, and password) and POST /api/auth/refresh.
 * Public routes: they are how a token is obtained.
 */
public final class AuthHandler extends HttpFunction {
    private final SignInService signIn;
    @SuppressWarnings("unused") private final Priming priming;

    public AuthHandler() {
        DynamoMemberStore members = new DynamoMemberStore(AwsClients.dynamoDb(), Settings.require(Settings.TABLE_NAME));
        this.signIn = new SignInService(members,
                new CognitoIdentityProvider(AwsClients.cognito(), Settings.require(Settings.USER_POOL_CLIENT_ID)));
        this.priming = Priming.register("auth", () -> {
            Json.write(Json.parseObject("{\"userId\":\"a@example.com\",\"password\":\"x\"}"));
            members.findMemberNoByEmail("priming@invalid.example");
        });
    }

    public AuthHandler(SignInService signIn) {
        this.signIn = signIn;
        this.priming = null;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        ObjectNode body = Json.parseObject(request.body());
        return switch (request.routeKey()) {
            case "POST /api/auth/login" ->
                    ApiResponses.ok(tokens(signIn.signIn(Json.text(body, "userId"), Json.text(body, "password"))));
            case "POST /api/auth/refresh" -> ApiResponses.ok(tokens(signIn.refresh(Json.text(body, "refreshToken"))));
            default -> throw notFound();
        };
    }

    private static ObjectNode tokens(IdentityProvider.Tokens t) {
        return Json.object()
                .put("idToken", t.idToken())
                .put("accessToken", t.accessToken())
                .put("refreshToken", t.refreshToken())
                .put("expiresIn", t.expiresInSeconds());
    }
}
