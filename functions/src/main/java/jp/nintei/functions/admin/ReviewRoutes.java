package jp.nintei.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.function.Supplier;
import jp.nintei.adapter.http.ApiRequest;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.JapaneseText;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.directory.Directory;
import jp.nintei.service.ReviewService;
import tools.jackson.databind.node.ObjectNode;

/**
 * 書類審査 routes under /api/admin/reviews, served by the admin function (the group is checked there before
 * anything else): the list, one application's review screen, and mark / send-back / decide.
 */
final class ReviewRoutes {
    static final String LIST = "GET /api/admin/reviews";
    static final String SCREEN = "GET /api/admin/reviews/{application}/{memberNo}";
    static final String ACTION = "POST /api/admin/reviews/{application}/{memberNo}/{action}";

    private final ReviewService reviews;
    private final Supplier<Directory> directory;

    ReviewRoutes(ReviewService reviews, Supplier<Directory> directory) {
        this.reviews = reviews;
        this.directory = directory;
    }

    boolean handles(String routeKey) { return routeKey.equals(LIST) || routeKey.equals(SCREEN) || routeKey.equals(ACTION); }

    APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String actor = request.memberNo();
        Map<String, String> q = request.queryParameters();
        Map<String, String> p = request.pathParameters();
        return switch (request.routeKey()) {
            case LIST -> {
                int offset = 0;
                String o = JapaneseText.normalize(q.get("offset"));
                if (o != null && !o.isBlank()) {
                    if (!o.matches("[0-9]{1,6}")) throw Rejection.invalid("BAD_CURSOR", "offset", "ページの指定が正しくありません。一覧を最初から表示し直してください。");
                    offset = Integer.parseInt(o);
                }
                yield ApiResponses.ok(ReviewJson.list(reviews.list(year(q.get("year")), kind(q.get("application")), q.get("state"),
                        q.get("q"), offset)));
            }
            case SCREEN -> ApiResponses.ok(ReviewJson.screen(reviews.open(year(q.get("year")), kind(p.get("application")),
                    memberNo(p.get("memberNo")), actor), directory.get()));
            case ACTION -> {
                ObjectNode b = Json.parseObjectOrEmpty(request.body());
                int year = year(b.has("year") ? Json.text(b, "year") : q.get("year"));
                ApplicationKind kind = kind(p.get("application"));
                String member = memberNo(p.get("memberNo"));
                long version = reviewVersion(b);
                yield switch (p.get("action")) {
                    case "mark" -> ApiResponses.ok(ReviewJson.review(reviews.mark(year, kind, member, Json.text(b, "section"),
                            Json.text(b, "verdict"), Json.text(b, "note"), version, actor)));
                    case "send-back" -> ApiResponses.ok(ReviewJson.review(reviews.sendBack(year, kind, member, Json.text(b, "until"),
                            version, actor)));
                    case "decide" -> ApiResponses.ok(ReviewJson.review(reviews.decide(year, kind, member, Json.text(b, "result"),
                            Json.text(b, "reason"), version, actor)));
                    default -> throw Rejection.notFound("NOT_FOUND", null, "審査の操作が正しくありません。");
                };
            }
            default -> throw Rejection.notFound("NOT_FOUND", null, "ページが見つかりません。");
        };
    }

    private static long reviewVersion(ObjectNode b) {
        var v = b.get("reviewVersion");
        if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
            throw Rejection.invalid("VERSION_REQUIRED", "reviewVersion", "画面が古くなっています。再読み込みしてから操作してください。");
        }
        return v.asLong();
    }

    private static String memberNo(String raw) {
        String n = JapaneseText.normalize(raw);
        if (n == null || !n.matches("[0-9A-Za-z-]{1,20}")) throw Rejection.invalid("BAD_MEMBER_NO", "memberNo", "会員番号が正しくありません。");
        return n;
    }

    private static int year(String y) {
        if (y == null || y.isBlank()) return AppClock.now(AppClock.process()).getYear();
        String n = JapaneseText.normalize(y);
        if (n == null || !n.matches("20[0-9]{2}")) throw Rejection.invalid("BAD_YEAR", "year", "年度は 2026 のように西暦4桁で指定してください。");
        return Integer.parseInt(n);
    }

    private static ApplicationKind kind(String slug) {
        ApplicationKind k = ApplicationKind.fromSlug(slug == null ? "new-secondary" : slug);
        if (k == null || k.stage() == ApplicationKind.Stage.RENEWAL) {
            throw Rejection.invalid("BAD_APPLICATION", "application", "申請種別が正しくありません。");
        }
        return k;
    }
}
