package jp.nintei.functions.primary;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import jp.nintei.adapter.http.ApiRequest;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.adapter.http.HttpFunction;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Messages;
import jp.nintei.domain.Rejection;
import jp.nintei.functions.support.Components;
import jp.nintei.functions.support.Priming;
import jp.nintei.service.PrimaryApplicationService;
import jp.nintei.port.ApplicationStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 一次申請 of the signed-in member: GET (read), PUT (save the draft), POST …/submit (irreversible). The
 * application comes from the path ({@code new-primary}); the member only from the token.
 */
public final class PrimaryHandler extends HttpFunction {
    private final PrimaryApplicationService service;
    @SuppressWarnings("unused") private final Priming priming;

    public PrimaryHandler() {
        ApplicationStore store = Components.applications();
        this.service = Components.primary(store);
        this.priming = Priming.register("primary", () -> {
            Json.write(Json.parseObject("{\"version\":0,\"preferences\":[\"01\",null,null]}"));
            store.load(new jp.nintei.port.ApplicationKey("0000000000", 2000, ApplicationKind.NEW_PRIMARY));
        });
    }

    public PrimaryHandler(PrimaryApplicationService service) {
        this.service = service;
        this.priming = null;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        ApplicationKind kind = ApplicationKind.fromSlug(request.pathParameters().get("application"));
        if (kind == null || kind.stage() != ApplicationKind.Stage.PRIMARY) {
            throw new Rejection(Rejection.Kind.NOT_FOUND, "NOT_FOUND", null, Messages.NOT_THIS_APPLICATION);
        }
        String member = request.memberNo();
        return switch (request.routeKey()) {
            case "GET /api/applications/{application}" -> ApiResponses.ok(ApplicationJson.view(service.read(member, kind)));
            case "PUT /api/applications/{application}" -> {
                ObjectNode body = Json.parseObject(request.body());
                long version = ApplicationJson.version(body);
                List<String> prefs = new ArrayList<>();
                JsonNode p = body.get("preferences");
                // a text or an object where the list belongs would save three blanks over the saved choices
                if (p == null || !p.isArray()) throw jp.nintei.adapter.json.SectionJson.badShape("preferences");
                // anything but a text or a number is not a prefecture: the rules answer UNKNOWN_PREFECTURE
                if (p != null && p.isArray()) for (JsonNode x : p) prefs.add(x.isNull() ? null : x.isValueNode() ? x.asString() : "?");
                long saved = service.save(member, kind, version, prefs);
                yield ApiResponses.ok(Json.object().put("version", saved));
            }
            case "POST /api/applications/{application}/submit" -> {
                long version = ApplicationJson.version(Json.parseObject(request.body()));
                yield ApiResponses.ok(ApplicationJson.view(service.submit(member, kind, version)));
            }
            default -> throw notFound();
        };
    }
}
