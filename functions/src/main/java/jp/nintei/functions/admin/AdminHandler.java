package jp.nintei.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import jp.nintei.adapter.dynamo.DynamoApplicationLists;
import jp.nintei.adapter.dynamo.DynamoAuditLog;
import jp.nintei.adapter.dynamo.DynamoCaseActionStore;
import jp.nintei.adapter.dynamo.DynamoDirectoryStore;
import jp.nintei.adapter.dynamo.DynamoExportStore;
import jp.nintei.adapter.dynamo.DynamoMemberImportStore;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.adapter.dynamo.DynamoReviewStore;
import jp.nintei.adapter.http.ApiRequest;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.adapter.http.Claims;
import jp.nintei.adapter.http.HttpFunction;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.ApplicationStatus;
import jp.nintei.domain.JapaneseText;
import jp.nintei.domain.Rejection;
import jp.nintei.domain.Site;
import jp.nintei.domain.WindowChange;
import jp.nintei.domain.directory.Directory;
import jp.nintei.functions.support.Components;
import jp.nintei.port.DocumentStorage;
import jp.nintei.port.ExportFiles;
import jp.nintei.port.Mailer;
import jp.nintei.service.ApplicationExport;
import jp.nintei.service.ApplicationQueries;
import jp.nintei.service.CaseActions;
import jp.nintei.service.ConfirmationMails;
import jp.nintei.service.DirectoryCache;
import jp.nintei.service.ExportService;
import jp.nintei.service.MemberImport;
import jp.nintei.service.ReviewService;
import jp.nintei.service.Windows;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * The secretariat's routes under /api/admin. The authorizer checks only the token: the {@code secretariat}
 * group is checked here, for every route, before anything is read.
 */
public final class AdminHandler extends HttpFunction {
    /**
     * The secretariat's services, each with every collaborator it needs: what the routes call.
     * {@link #wired} builds them on the single table as production does (the local benchmarks and tests too).
     */
    public record Services(ApplicationQueries queries, MemberImport imports, CaseActions actions, Windows windows,
                           ApplicationExport export, ExportService exports, ReviewService reviews) {
        public static Services wired(DynamoDbClient dynamo, String table, DocumentStorage storage, ExportFiles files, Mailer mailer,
                                     CaseActions.ConfirmationResend resend, Supplier<Directory> directory, Site site, Clock clock) {
            var lists = new DynamoApplicationLists(dynamo, table);
            var audit = new DynamoAuditLog(dynamo, table);
            var reviews = new DynamoReviewStore(dynamo, table);
            var export = new ApplicationExport(lists, reviews, directory);
            return new Services(new ApplicationQueries(lists, storage, audit, clock),
                    new MemberImport(new DynamoMemberImportStore(dynamo, table), new DynamoDirectoryStore(dynamo, table), audit, clock),
                    new CaseActions(new DynamoCaseActionStore(dynamo, table), lists, lists, audit, mailer, resend, site, clock),
                    new Windows(lists, new DynamoMemberStore(dynamo, table), audit, clock),
                    export, new ExportService(export, new DynamoExportStore(dynamo, table), files, clock),
                    new ReviewService(reviews, lists, audit, storage, mailer, directory, site, clock));
        }
    }

    private final ApplicationQueries queries;
    private final MemberImport imports;
    private final CaseActions actions;
    private final Windows windows;
    private final ApplicationExport export;
    private final ExportService exports;
    /** 書類審査 routes (/api/admin/reviews…) */
    private final ReviewRoutes reviews;

    public AdminHandler() { this(Components.directory()); }

    /** One directory cache for the whole handler: the review routes, the export and the resent mails read the same. */
    private AdminHandler(DirectoryCache directory) { this(production(directory), directory); }

    /** As deployed: the process's clients, the documents bucket for links and exports, SES for the mails. */
    private static Services production(DirectoryCache directory) {
        var applications = Components.applications();
        var mailer = Components.mailer();
        return Services.wired(Components.dynamoDb(), Components.table(), Components.documentStorage(), Components.exportFiles(), mailer,
                CaseActions.ConfirmationResend.through(new ConfirmationMails(applications, applications, directory),
                        Components.mail(applications, mailer)),
                directory, Components.site(), AppClock.process());
    }

    public AdminHandler(Services services, Supplier<Directory> directory) {
        this.queries = services.queries();
        this.imports = services.imports();
        this.actions = services.actions();
        this.windows = services.windows();
        this.export = services.export();
        this.exports = services.exports;
        this.reviews = new ReviewRoutes(services.reviews(), directory);
    }

    /** Larger CSV files than this are built in S3 only (Lambda's response limit is 6 MB, headers and JSON included). */
    static final int DIRECT_EXPORT_LIMIT = 5_000_000;

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        request.claims().requireGroup(Claims.SECRETARIAT);
        String actor = request.memberNo();
        Map<String, String> q = request.queryParameters();
        return switch (request.routeKey()) {
            case "GET /api/admin/applications" -> ApiResponses.ok(AdminJson.list(queries.list(year(q), kind(q.get("application")),
                    status(q.get("status")), q.get("cursor"))));
            case "GET /api/admin/applications/{application}/{memberNo}" -> ApiResponses.ok(AdminJson.detail(
                    queries.detail(year(q), kind(request.pathParameters().get("application")),
                            JapaneseText.normalize(request.pathParameters().get("memberNo")), actor)));
            case "GET /api/admin/export" -> {
                int year = year(q);
                ApplicationKind kind = kind(q.get("application"));
                byte[] csv = export.csv(year, kind);
                // Lambda answers at most 6 MB: a larger file goes only through S3 (POST /api/admin/exports)
                if (csv.length > DIRECT_EXPORT_LIMIT) {
                    throw Rejection.tooLarge("EXPORT_TOO_LARGE", null,
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
                yield ApiResponses.ok(AdminJson.export(exports.build(Json.text(b, "id"), year, kind(Json.text(b, "application")), actor)));
            }
            case "GET /api/admin/exports/{exportId}" ->
                    ApiResponses.ok(AdminJson.export(exports.status(request.pathParameters().get("exportId"))));
            case "GET /api/admin/windows/{year}" -> ApiResponses.ok(AdminJson.windows(windows.of(pathYear(request))));
            case "PUT /api/admin/windows/{year}" -> {
                ObjectNode b = Json.parseObject(request.body());
                Map<String, String> dates = new HashMap<>();
                for (String f : new String[] {"primaryOpens", "primaryCloses", "secondaryOpens", "secondaryCloses", "renewalOpens", "renewalCloses"}) {
                    String v = Json.text(b, f);
                    if (v != null) dates.put(f, v);
                }
                yield ApiResponses.ok(AdminJson.windows(windows.update(pathYear(request), WindowChange.typed(dates), actor)));
            }
            case "POST /api/admin/imports/members" -> {
                if (request.bodyBytes().length == 0) {
                    throw Rejection.invalid("EMPTY_FILE", "file", "CSVファイルが空です。ファイルを選んでください。");
                }
                yield ApiResponses.ok(AdminJson.imported(imports.importMembers(request.bodyBytes(), actor)));
            }
            case "GET /api/admin/followups" -> ApiResponses.ok(AdminJson.rows(queries.followUps(year(q), kind(q.get("application")))));
            case "POST /api/admin/applications/{application}/{memberNo}/{action}" -> {
                ObjectNode b = Json.parseObjectOrEmpty(request.body());
                int year = b.has("year") ? parseYear(Json.text(b, "year")) : year(q);
                ApplicationKind kind = kind(request.pathParameters().get("application"));
                String member = JapaneseText.normalize(request.pathParameters().get("memberNo"));
                yield switch (request.pathParameters().get("action")) {
                    case "extension" -> {
                        actions.extend(year, kind, member, Json.text(b, "until"), Json.text(b, "reason"), actor);
                        yield ApiResponses.ok(Json.object().put("extended", true));
                    }
                    case "reopen" -> {
                        actions.reopen(year, kind, member, Json.text(b, "until"), Json.text(b, "reason"), actor);
                        yield ApiResponses.ok(Json.object().put("reopened", true));
                    }
                    case "confirm" -> {
                        actions.confirm(year, kind, member, Json.text(b, "what"), Json.text(b, "note"), actor);
                        yield ApiResponses.ok(Json.object().put("confirmed", true));
                    }
                    case "resend-mail" -> ApiResponses.ok(Json.object().put("mailSent", actions.resendMail(year, kind, member, actor)));
                    default -> throw notFound();
                };
            }
            case "POST /api/admin/imports/{what}" -> {
                if (request.bodyBytes().length == 0) {
                    throw Rejection.invalid("EMPTY_FILE", "file", "CSVファイルが空です。ファイルを選んでください。");
                }
                yield ApiResponses.ok(AdminJson.directoryImported(imports.importDirectory(request.pathParameters().get("what"),
                        request.bodyBytes(), actor)));
            }
            case "GET /api/admin/audit" -> {
                LocalDate day = q.get("date") == null || q.get("date").isBlank() ? null
                        : jp.nintei.domain.secondary.JapaneseDate.parse(q.get("date"));
                if (q.get("date") != null && !q.get("date").isBlank() && day == null) {
                    throw Rejection.invalid("BAD_DATE", "date", "日付は 2026-04-10 の形式で入力してください。");
                }
                yield ApiResponses.ok(AdminJson.audit(queries.audit(day, q.get("memberNo"))));
            }
            default -> {
                if (reviews.handles(request.routeKey())) yield reviews.handle(request);
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
        if (n == null || !n.matches("20[0-9]{2}")) throw Rejection.invalid("BAD_YEAR", "year", "年度は 2026 のように西暦4桁で指定してください。");
        return Integer.parseInt(n);
    }

    private static ApplicationKind kind(String slug) {
        ApplicationKind k = ApplicationKind.fromSlug(slug == null ? "new-primary" : slug);
        if (k == null) throw Rejection.invalid("BAD_APPLICATION", "application", "申請種別が正しくありません。");
        return k;
    }

    private static ApplicationStatus status(String s) {
        if (s == null || s.isBlank() || s.equals("ALL")) return null;
        try {
            return ApplicationStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("BAD_STATUS", "status", "状態の指定が正しくありません。");
        }
    }
}
