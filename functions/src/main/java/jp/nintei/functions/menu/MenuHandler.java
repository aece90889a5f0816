package jp.nintei.functions.menu;

import jp.nintei.functions.support.Components;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.format.DateTimeFormatter;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.adapter.http.ApiRequest;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.adapter.http.HttpFunction;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.Member;
import jp.nintei.domain.MenuEntry;
import jp.nintei.functions.support.Priming;
import jp.nintei.service.MyPageService;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** GET /api/me: 申請者情報 and the 専門医 menu of the signed-in member (one DynamoDB round trip). */
public final class MenuHandler extends HttpFunction {
    static final DateTimeFormatter NOW_LABEL = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm");

    private final MyPageService myPages;
    @SuppressWarnings("unused") private final Priming priming;

    public MenuHandler() {
        this.myPages = new MyPageService(new DynamoMemberStore(Components.dynamoDb(), Components.table()),
                AppClock.process());
        this.priming = Priming.register("menu", this::prime);
    }

    public MenuHandler(MyPageService myPages) {
        this.myPages = myPages;
        this.priming = null;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        if (!"GET /api/me".equals(request.routeKey())) throw notFound();
        return ApiResponses.ok(toJson(myPages.myPage(request.memberNo())));
    }

    static ObjectNode toJson(MyPageService.MyPage page) {
        Member m = page.member();
        ObjectNode body = Json.object();
        body.putObject("applicant")
                .put("memberNo", m.memberNo())
                .put("name", m.name())
                .put("kana", m.kana())
                .put("email", m.email());
        body.put("year", page.year());
        body.put("now", page.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toOffsetDateTime().toString());
        body.put("nowLabel", NOW_LABEL.format(page.now()));
        ArrayNode menu = body.putArray("menu");
        for (MenuEntry e : page.menu()) {
            menu.addObject()
                    .put("kind", e.kind().slug())
                    .put("label", e.kind().label())
                    .put("state", e.state().name())
                    .put("usable", e.usable())
                    .put("text", e.text())
                    .put("window", e.windowLabel());
        }
        return body;
    }

    private void prime() {
        Json.write(toJson(samplePage()));
        try {
            myPages.myPage("0000000000");
        } catch (jp.nintei.domain.Rejection expected) {
            // no such member: the round trip itself is what warms the client
        }
    }

    private static MyPageService.MyPage samplePage() {
        var now = AppClock.now(AppClock.system());
        Member m = new Member("0", "-", "-", "-", null, null, false, 0, false, false, null);
        return new MyPageService.MyPage(m, now.getYear(), now, jp.nintei.domain.Menu.entries(m,
                jp.nintei.domain.YearWindows.defaults(now.getYear()), java.util.List.of(), now));
    }
}
