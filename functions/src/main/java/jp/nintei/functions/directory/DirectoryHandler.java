package jp.nintei.functions.directory;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import jp.nintei.adapter.http.ApiRequest;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.adapter.http.HttpFunction;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.Facility;
import jp.nintei.domain.Supervisor;
import jp.nintei.domain.directory.Directory;
import jp.nintei.functions.support.Components;
import jp.nintei.functions.support.Priming;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GET /api/directory/facilities?q= and /api/directory/supervisors?q=: the 施設名称 and 指導者 search popups. The
 * master data is held in memory per container, so a search as the applicant types costs no DynamoDB request.
 */
public final class DirectoryHandler extends HttpFunction {
    static final int LIMIT = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu年M月d日");

    private final Supplier<Directory> directory;
    @SuppressWarnings("unused") private final Priming priming;

    public DirectoryHandler() {
        this.directory = Components.directory();
        // the snapshot holds the loaded directory: the first search after a restore needs no query
        this.priming = Priming.register("directory", () -> directory.get().searchSupervisors("さとう", LIMIT));
    }

    public DirectoryHandler(Supplier<Directory> directory) {
        this.directory = directory;
        this.priming = null;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.memberNo(); // signed-in members only (the authorizer checked the token)
        String q = request.queryParameters().getOrDefault("q", "");
        ObjectNode body = Json.object().put("query", q);
        ArrayNode items = body.putArray("items");
        switch (request.routeKey()) {
            case "GET /api/directory/facilities" -> {
                for (Facility f : directory.get().searchFacilities(q, LIMIT)) {
                    items.addObject().put("facilityNo", f.facilityNo()).put("name", f.name()).put("kana", f.kana())
                            .put("type", f.type()).put("validFrom", f.validFrom().toString()).put("validTo", f.validTo().toString())
                            .put("period", DAY.format(f.validFrom()) + "～" + DAY.format(f.validTo()));
                }
            }
            case "GET /api/directory/supervisors" -> {
                for (Supervisor s : directory.get().searchSupervisors(q, LIMIT)) {
                    items.addObject().put("supervisorNo", s.supervisorNo()).put("name", s.name()).put("kana", s.kana())
                            .put("qualification", s.qualification()).put("validFrom", s.validFrom().toString())
                            .put("validTo", s.validTo().toString())
                            .put("period", DAY.format(s.validFrom()) + "～" + DAY.format(s.validTo()));
                }
            }
            default -> throw notFound();
        }
        return ApiResponses.ok(body);
    }
}
