package jp.nintei.functions.accounts;

import jp.nintei.functions.support.Components;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.ZoneId;
import jp.nintei.adapter.http.ApiRequest;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.adapter.http.Claims;
import jp.nintei.adapter.http.HttpFunction;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.JapaneseText;
import jp.nintei.service.MemberAccountService;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The secretariat's view of members' sign-in accounts (GET /api/admin/accounts, 50 a page; {@code ?problems=1}
 * for 作成失敗・招待期限切れ・不達 only) and 招待を再送 (POST /api/admin/accounts/{memberNo}/resend-invitation).
 * The {@code secretariat} group is checked here, for every route.
 */
public final class AccountAdminHandler extends HttpFunction {
    private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private final MemberAccountService accounts;

    public AccountAdminHandler() {
        this.accounts = Components.memberAccounts();
    }

    public AccountAdminHandler(MemberAccountService accounts) { this.accounts = accounts; }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.claims().requireGroup(Claims.SECRETARIAT);
        return switch (request.routeKey()) {
            case "GET /api/admin/accounts" -> {
                var q = request.queryParameters();
                MemberAccountService.ListView v = accounts.list(q.get("cursor"), "1".equals(q.get("problems")));
                ArrayNode rows = Json.MAPPER.createArrayNode();
                v.rows().forEach(r -> rows.add(row(r)));
                ObjectNode out = Json.object();
                out.set("rows", rows);
                out.put("nextCursor", v.nextCursor());
                yield ApiResponses.ok(out);
            }
            case "POST /api/admin/accounts/{memberNo}/resend-invitation" -> ApiResponses.ok(row(accounts.resendInvitation(
                    JapaneseText.normalize(request.pathParameters().get("memberNo")), request.memberNo())));
            default -> throw notFound();
        };
    }

    private static ObjectNode row(MemberAccountService.Row r) {
        ObjectNode o = Json.object();
        var a = r.account();
        if (a == null) return o;
        o.put("memberNo", a.memberNo());
        o.put("name", r.member() == null ? null : r.member().name());
        o.put("email", a.email());
        o.put("state", a.state().name());
        o.put("stateLabel", r.stateLabel());
        o.put("reason", a.reason());
        o.put("invitedAt", time(a.invitedAt()));
        o.put("validTo", time(a.validTo()));
        o.put("mailState", a.mailState() == null ? null : a.mailState().name());
        o.put("mailProblem", a.mailProblem());
        return o;
    }

    /** JST, as the secretariat reads it: 2026-04-20 10:00. */
    private static String time(java.time.Instant t) {
        return t == null ? null : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(t.atZone(JST));
    }
}
