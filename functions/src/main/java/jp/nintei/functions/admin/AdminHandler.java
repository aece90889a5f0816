package jp.nintei.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoAdminStore;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.adapter.http.ApiException;
import jp.nintei.adapter.http.ApiRequest;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.adapter.http.Claims;
import jp.nintei.adapter.http.HttpFunction;
import jp.nintei.adapter.http.Json;
import jp.nintei.adapter.s3.S3DocumentStorage;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.JapaneseText;
import jp.nintei.functions.support.Components;
import jp.nintei.platform.Settings;
import jp.nintei.service.AdminService;
import jp.nintei.service.ExportService;
import tools.jackson.databind.node.ObjectNode;

/**
 * The secretariat's routes under /api/admin. The authorizer checks only the token: the {@code secretariat}
 * group is checked here, for every route, before anything is read.
 */
public final class AdminHandler extends HttpFunction {
    private final AdminService admin;
    /** 書類審査 routes (/api/admin/reviews…), null where a test wires the admin service alone */
    private final ReviewRoutes reviews;
    private final ExportService exports;

    public AdminHandler() {
        var dynamo = AwsClients.dynamoDb();
        String table = Settings.require(Settings.TABLE_NAME);
        this.admin = new AdminService(new DynamoAdminStore(dynamo, table), new DynamoMemberStore(dynamo, table),
                new S3DocumentStorage(AwsClients.s3(), S3DocumentStorage.presigner(), Settings.require(Settings.DOCUMENTS_BUCKET)),
                null /* accounts are created by AccountsFunction from the import's queue */, Components.directory(),
                new jp.nintei.adapter.dynamo.DynamoDirectoryStore(dynamo, table), AppClock.process());
        var applications = Components.applications();
        var mailer = new jp.nintei.adapter.ses.SesMailer(AwsClients.ses(), Settings.require(Settings.SENDER_ADDRESS),
                Settings.find(Settings.SES_CONFIGURATION_SET).orElse(null));
        this.admin.withMail(mailer, Components.mail(applications),
                new jp.nintei.service.ConfirmationMails(applications, applications, Components.directory()));
        this.reviews = reviewRoutes(dynamo, table, mailer, Components.directory(), AppClock.process());
        this.admin.withReviews(new jp.nintei.adapter.dynamo.DynamoReviewStore(dynamo, table));
        this.exports = new ExportService(admin, new jp.nintei.adapter.dynamo.DynamoExportStore(dynamo, table),
                new jp.nintei.adapter.s3.S3ExportFiles(AwsClients.s3(), S3DocumentStorage.presigner(), Settings.require(Settings.DOCUMENTS_BUCKET)),
                AppClock.process());
    }

    public AdminHandler(AdminService admin) { this(admin, (ReviewRoutes) null, (ExportService) null); }

    public AdminHandler(AdminService admin, jp.nintei.service.ReviewService reviews,
                        java.util.function.Supplier<jp.nintei.domain.directory.Directory> directory) {
        this(admin, reviews == null ? null : new ReviewRoutes(reviews, directory), null);
    }

    /** With the export jobs (tests that build the file through S3). */
    public AdminHandler(AdminService admin, ExportService exports) { this(admin, null, exports); }

    private AdminHandler(AdminService admin, ReviewRoutes reviews, ExportService exports) {
        this.admin = admin;
        this.reviews = reviews;
        this.exports = exports;
    }

    /** The review service as production wires it (also used by the local benchmarks with their own client). */
    static ReviewRoutes reviewRoutes(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table,
                                     jp.nintei.service.Mailer mailer,
                                     java.util.function.Supplier<jp.nintei.domain.directory.Directory> directory, java.time.Clock clock) {
        var store = new jp.nintei.adapter.dynamo.DynamoReviewStore(dynamo, table);
        var service = new jp.nintei.service.ReviewService(store, new DynamoAdminStore(dynamo, table),
                new S3DocumentStorage(AwsClients.s3(), S3DocumentStorage.presigner(), Settings.require(Settings.DOCUMENTS_BUCKET)),
                mailer, directory, clock);
        return new ReviewRoutes(service, directory);
    }

    /** Larger CSV files than this are built in S3 only (Lambda's response limit is 6 MB, headers and JSON included). */
    static final int DIRECT_EXPORT_LIMIT = 5_000_000;

    private ExportService exports() {
        if (exports == null) throw notFound();
        return exports;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.claims().requireGroup(Claims.SECRETARIAT);
        String actor = request.memberNo();
        Map<String, String> q = request.queryParameters();
        return switch (request.routeKey()) {
            case "GET /api/admin/applications" -> ApiResponses.ok(AdminJson.list(admin.list(year(q), kind(q.get("application")),
                    status(q.get("status")), q.get("cursor"))));
            case "GET /api/admin/applications/{application}/{memberNo}" -> ApiResponses.ok(AdminJson.detail(
                    admin.detail(year(q), kind(request.pathParameters().get("application")),
                            JapaneseText.normalize(request.pathParameters().get("memberNo")), actor)));
            case "GET /api/admin/export" -> {
                int year = year(q);
                ApplicationKind kind = kind(q.get("application"));
                byte[] csv = admin.export(year, kind);
                // Lambda answers at most 6 MB: a larger file goes only through S3 (POST /api/admin/exports)
                if (csv.length > DIRECT_EXPORT_LIMIT) {
                    throw new ApiException(413, "EXPORT_TOO_LARGE", null,
                            "件数が多いため、直接ダウンロードできません。「CSVを作成」ボタンから作成してダウンロードしてください。");
                }
                String name = year + "_" + kind.label() + ".csv";
                yield APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                        .withHeaders(Map.of("Content-Type", "text/csv; charset=utf-8", "Cache-Control", "no-store",
                                "Content-Disposition", "attachment; filename=\"export.csv\"; filename*=UTF-8''"
                                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")))
                        .withBody(new String(csv, StandardCharsets.UTF_8)).build();
            }
            case "POST /api/admin/exports" -> {
                ObjectNode b = Json.parseObject(request.body());
                int year = b.has("year") ? parseYear(Json.text(b, "year")) : year(q);
                yield ApiResponses.ok(AdminJson.export(exports().build(Json.text(b, "id"), year, kind(Json.text(b, "application")), actor)));
            }
            case "GET /api/admin/exports/{exportId}" ->
                    ApiResponses.ok(AdminJson.export(exports().status(request.pathParameters().get("exportId"))));
            case "GET /api/admin/windows/{year}" -> ApiResponses.ok(AdminJson.windows(admin.windows(pathYear(request))));
            case "PUT /api/admin/windows/{year}" -> {
                ObjectNode b = Json.parseObject(request.body());
                Map<String, String> dates = new HashMap<>();
                for (String f : new String[] {"primaryOpens", "primaryCloses", "secondaryOpens", "secondaryCloses", "renewalOpens", "renewalCloses"}) {
                    String v = Json.text(b, f);
                    if (v != null && !v.isBlank()) dates.put(f, v);
                }
                yield ApiResponses.ok(AdminJson.windows(admin.updateWindows(pathYear(request), dates, actor)));
            }
            case "POST /api/admin/imports/members" -> {
                if (request.bodyBytes().length == 0) {
                    throw new ApiException(400, "EMPTY_FILE", "file", "CSVファイルが空です。ファイルを選んでください。");
                }
                yield ApiResponses.ok(AdminJson.imported(admin.importMembers(request.bodyBytes(), actor)));
            }
            case "GET /api/admin/followups" -> ApiResponses.ok(AdminJson.rows(admin.followUps(year(q), kind(q.get("application")))));
            case "POST /api/admin/applications/{application}/{memberNo}/{action}" -> {
                ObjectNode b = Json.parseObjectOrEmpty(request.body());
                int year = b.has("year") ? parseYear(Json.text(b, "year")) : year(q);
                ApplicationKind kind = kind(request.pathParameters().get("application"));
                String member = JapaneseText.normalize(request.pathParameters().get("memberNo"));
                yield switch (request.pathParameters().get("action")) {
                    case "extension" -> {
                        admin.extend(year, kind, member, Json.text(b, "until"), Json.text(b, "reason"), actor);
                        yield ApiResponses.ok(Json.object().put("extended", true));
                    }
                    case "reopen" -> {
                        admin.reopen(year, kind, member, Json.text(b, "until"), Json.text(b, "reason"), actor);
                        yield ApiResponses.ok(Json.object().put("reopened", true));
                    }
                    case "confirm" -> {
                        admin.confirm(year, kind, member, Json.text(b, "what"), Json.text(b, "note"), actor);
                        yield ApiResponses.ok(Json.object().put("confirmed", true));
                    }
                    case "resend-mail" -> ApiResponses.ok(Json.object().put("mailSent", admin.resendMail(year, kind, member, actor)));
                    default -> throw notFound();
                };
            }
            case "POST /api/admin/imports/{what}" -> {
                if (request.bodyBytes().length == 0) {
                    throw new ApiException(400, "EMPTY_FILE", "file", "CSVファイルが空です。ファイルを選んでください。");
                }
                yield ApiResponses.ok(AdminJson.directoryImported(admin.importDirectory(request.pathParameters().get("what"),
                        request.bodyBytes(), actor)));
            }
            case "GET /api/admin/audit" -> {
                LocalDate day = q.get("date") == null || q.get("date").isBlank() ? null
                        : jp.nintei.domain.secondary.JapaneseDate.parse(q.get("date"));
                if (q.get("date") != null && !q.get("date").isBlank() && day == null) {
                    throw new ApiException(400, "BAD_DATE", "date", "日付は 2026-04-10 の形式で入力してください。");
                }
                yield ApiResponses.ok(AdminJson.audit(admin.audit(day, q.get("memberNo"))));
            }
            default -> {
                if (reviews != null && reviews.handles(request.routeKey())) yield reviews.handle(request);
                throw notFound();
            }
        };
    }

    private int year(Map<String, String> q) {
        String y = q.get("year");
        if (y == null || y.isBlank()) return AppClock.now(AppClock.process()).getYear();
        return parseYear(y);
    }

    private static int pathYear(ApiRequest r) { return parseYear(r.pathParameters().get("year")); }

    private static int parseYear(String y) {
        String n = JapaneseText.normalize(y);
        if (n == null || !n.matches("20[0-9]{2}")) throw new ApiException(400, "BAD_YEAR", "year", "年度は 2026 のように西暦4桁で指定してください。");
        return Integer.parseInt(n);
    }

    private static ApplicationKind kind(String slug) {
        ApplicationKind k = ApplicationKind.fromSlug(slug == null ? "new-primary" : slug);
        if (k == null) throw new ApiException(400, "BAD_APPLICATION", "application", "申請種別が正しくありません。");
        return k;
    }

    private static ApplicationStatus status(String s) {
        if (s == null || s.isBlank() || s.equals("ALL")) return null;
        try {
            return ApplicationStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "BAD_STATUS", "status", "状態の指定が正しくありません。");
        }
    }
}
