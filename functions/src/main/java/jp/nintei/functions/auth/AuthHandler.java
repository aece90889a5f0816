package jp.nintei.functions.auth;

import jp.nintei.functions.support.Components;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import jp.nintei.adapter.cognito.CognitoIdentityProvider;
import jp.nintei.adapter.cognito.CognitoMemberAccounts;
import jp.nintei.adapter.dynamo.DynamoAccountStore;
import jp.nintei.adapter.dynamo.DynamoApplicationLists;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.adapter.http.ApiRequest;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.adapter.http.HttpFunction;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.account.PasswordPolicy;
import jp.nintei.functions.support.Priming;
import jp.nintei.platform.Settings;
import jp.nintei.port.IdentityProvider;
import jp.nintei.service.PasswordResetService;
import jp.nintei.service.SignInService;
import tools.jackson.databind.node.ObjectNode;

/**
 * Public routes (they are how a token is obtained, or a password): POST /api/auth/login (ユーザーID = e-mail or
 * 会員番号, and password; a first sign-in answers with the 「パスワードを設定してください」 step), /new-password
 * (that step), /refresh, /logout (revokes the refresh token), /password/forgot and /password/reset
 * (パスワードをお忘れの方).
 */
public final class AuthHandler extends HttpFunction {
    private final SignInService signIn;
    private final PasswordResetService reset;
    @SuppressWarnings("unused") private final Priming priming;

    public AuthHandler() {
        var dynamo = Components.dynamoDb();
        String table = Components.table();
        DynamoMemberStore members = new DynamoMemberStore(dynamo, table);
        DynamoAccountStore accounts = new DynamoAccountStore(dynamo, table);
        var cognito = Components.cognito();
        this.signIn = new SignInService(members,
                new CognitoIdentityProvider(cognito, Settings.require(Settings.USER_POOL_CLIENT_ID)), accounts);
        this.reset = new PasswordResetService(members, new DynamoApplicationLists(dynamo, table), accounts,
                new CognitoMemberAccounts(cognito, Settings.require(Settings.USER_POOL_ID)),
                Components.mailer(), java.time.Clock.systemUTC());
        this.priming = Priming.register("auth", () -> {
            Json.write(Json.parseObject("{\"userId\":\"a@example.com\",\"password\":\"x\"}"));
            members.findMemberNoByEmail("priming@invalid.example");
        });
    }

    public AuthHandler(SignInService signIn, PasswordResetService reset) {
        this.signIn = signIn;
        this.reset = reset;
        this.priming = null;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        ObjectNode body = Json.parseObject(request.body());
        return switch (request.routeKey()) {
            case "POST /api/auth/login" -> {
                SignInService.Outcome o = signIn.start(Json.text(body, "userId"), Json.text(body, "password"));
                yield ApiResponses.ok(o.tokens() != null ? tokens(o.tokens()) : Json.object()
                        .put("challenge", "NEW_PASSWORD_REQUIRED").put("username", o.challengeUsername())
                        .put("session", o.challengeSession()).put("policy", PasswordPolicy.DESCRIPTION));
            }
            case "POST /api/auth/new-password" -> ApiResponses.ok(tokens(signIn.completeNewPassword(
                    Json.text(body, "username"), Json.text(body, "session"), Json.text(body, "password"))));
            case "POST /api/auth/refresh" -> ApiResponses.ok(tokens(signIn.refresh(Json.text(body, "refreshToken"))));
            case "POST /api/auth/logout" -> {
                signIn.logout(Json.text(body, "refreshToken"));
                yield ApiResponses.ok(Json.object().put("loggedOut", true));
            }
            case "POST /api/auth/password/forgot" -> {
                reset.requestCode(Json.text(body, "userId"));
                yield ApiResponses.ok(Json.object().put("message", PasswordResetService.CODE_SENT).put("policy", PasswordPolicy.DESCRIPTION));
            }
            case "POST /api/auth/password/reset" -> {
                reset.reset(Json.text(body, "userId"), Json.text(body, "code"), Json.text(body, "password"));
                yield ApiResponses.ok(Json.object().put("message", "パスワードを設定しました。新しいパスワードでログインしてください。"));
            }
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
