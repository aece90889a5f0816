package jp.nintei.functions.secondary;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import jp.nintei.adapter.http.ApiRequest;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.adapter.http.HttpFunction;
import jp.nintei.adapter.http.Json;
import jp.nintei.adapter.json.SectionJson;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.functions.primary.ApplicationJson;
import jp.nintei.functions.support.Components;
import jp.nintei.functions.support.Priming;
import jp.nintei.service.DirectoryCache;
import jp.nintei.service.SecondaryApplicationService;
import tools.jackson.databind.node.ObjectNode;

/**
 * 二次申請 of the signed-in member: GET (requirements and every section), PUT (top page: 手続き中 and the July
 * boxes), PUT …/sections/{section} (登録 of one section), POST …/submit (irreversible).
 */
public final class SecondaryHandler extends HttpFunction {
    private final SecondaryApplicationService service;
    private final java.util.function.Supplier<jp.nintei.domain.directory.Directory> directory;
    @SuppressWarnings("unused") private final Priming priming;

    public SecondaryHandler() {
        var store = Components.applications();
        DirectoryCache cache = Components.directory();
        this.service = Components.secondary(store, cache);
        this.directory = cache;
        this.priming = Priming.register("secondary", () -> {
            cache.get();
            store.loadSecondary(new jp.nintei.port.ApplicationKey("0000000000", 2000, ApplicationKind.NEW_SECONDARY));
        });
    }

    public SecondaryHandler(SecondaryApplicationService service,
                            java.util.function.Supplier<jp.nintei.domain.directory.Directory> directory) {
        this.service = service;
        this.directory = directory;
        this.priming = null;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String member = request.memberNo();
        // the routes name the application literally (new-secondary, transition-secondary): literal paths win over
        // /api/applications/{application} in the HTTP API, so 一次申請's function never sees them
        String route = request.routeKey();
        ApplicationKind kind = route.contains("/transition-secondary") ? ApplicationKind.TRANSITION_SECONDARY : ApplicationKind.NEW_SECONDARY;
        String base = "/api/applications/" + kind.slug();
        String action = route.replace(base, "");
        return switch (action) {
            case "GET " -> ApiResponses.ok(SecondaryJson.view(service.read(member, kind), directory.get()));
            case "PUT " -> {
                ObjectNode b = Json.parseObject(request.body());
                // a text where the July boxes belong would untick all four: refused, nothing changes
                if (b.has("july") && !b.get("july").isObject() && !b.get("july").isNull()) throw SectionJson.badShape("july");
                long v = service.saveTop(member, kind, ApplicationJson.version(b), b.path("duesInProcess").asBoolean(false),
                        SectionJson.july(b.get("july")));
                yield ApiResponses.ok(Json.object().put("version", v));
            }
            case "PUT /sections/{section}" -> {
                ObjectNode b = Json.parseObject(request.body());
                long version = ApplicationJson.version(b);
                long v = service.saveSection(member, kind, SectionRequest.read(request.pathParameters().get("section"), b), version);
                yield ApiResponses.ok(Json.object().put("version", v));
            }
            case "POST /submit" -> {
                ObjectNode b = Json.parseObject(request.body());
                yield ApiResponses.ok(SecondaryJson.view(service.submit(member, kind, ApplicationJson.version(b)), directory.get()));
            }
            default -> throw notFound();
        };
    }
}
