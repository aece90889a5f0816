package jp.nintei.local.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.adapter.http.Json;
import jp.nintei.adapter.s3.S3DocumentStorage;
import jp.nintei.adapter.ses.SesMailer;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.domain.application.FileType;
import jp.nintei.functions.documents.DocumentsHandler;
import jp.nintei.functions.menu.MenuHandler;
import jp.nintei.functions.primary.PrimaryHandler;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalGateway;
import jp.nintei.local.LocalSystem;
import jp.nintei.platform.Settings;
import jp.nintei.service.DocumentService;
import jp.nintei.service.MailService;
import jp.nintei.service.MyPageService;
import jp.nintei.service.PrimaryApplicationService;
import jp.nintei.service.WindowCache;
import jp.nintei.port.ApplicationKey;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Benchmark harness (not a test): p50/p99 of 一次申請 save and submit through the local gateway next to one raw
 * {@code UpdateItem} on the same dynalite, and the DynamoDB requests each route makes (counted with an SDK
 * {@link ExecutionInterceptor}).
 *
 * <p>Run: {@code mvn -q -DskipTests install && mvn -q -pl local exec:java -Dexec.mainClass=jp.nintei.local.bench.PrimaryBench -Dexec.args=300}
 */
public final class PrimaryBench {
    private PrimaryBench() {}

    /** Requests per route key, counted while the route's handler runs (one gateway thread per request). */
    /** Calls and their DynamoDB requests, by route. */
    static final BenchMetrics METRICS = BenchMetrics.byRoute();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        try (LocalSystem system = LocalSystem.start(0, false)) {
            int year = system.demo().year();
            AppClock.shiftForLocalRun(LocalGateway.clockAt(year + "-04-10T10:00"));
            DynamoDbClient counting = METRICS.countingDynamoDb();
            wire(system, counting);
            String url = system.gateway().url();
            DynamoDbClient raw = AwsClients.dynamoDb();

            // members with a complete draft but for the preferences
            List<String> tokens = new ArrayList<>();
            DynamoMemberStore members = new DynamoMemberStore(raw, Bootstrap.TABLE);
            DynamoApplicationStore apps = new DynamoApplicationStore(raw, Bootstrap.TABLE);
            int members0 = 40000001;
            int count = Math.max(20, n / 5);
            for (int i = 0; i < count; i++) {
                String no = Integer.toString(members0 + i);
                members.putMember(new Member(no, "計測 " + i, "けいそく", "b" + no + "@example.jp", LocalDate.of(year - 5, 4, 1),
                        Set.of(year), true, 20, false, false, SpecialistStatus.NONE));
                system.aws();
                try (var cognito = AwsClients.cognito()) {
                    cognito.adminCreateUser(b -> b.userPoolId(system.identity().userPoolId()).username(no)
                            .messageAction(MessageActionType.SUPPRESS));
                    cognito.adminSetUserPassword(b -> b.userPoolId(system.identity().userPoolId()).username(no)
                            .password(DemoData.PASSWORD).permanent(true));
                }
                ApplicationKey key = new ApplicationKey(no, year, ApplicationKind.NEW_PRIMARY);
                Document d = new Document(String.format("%032x", i + 1), DocumentPurpose.FEE_RECEIPT, "receipt.pdf", 1000,
                        FileType.PDF, "0".repeat(64), Document.Status.PENDING, Instant.now());
                apps.addDocument(key, d, Instant.now());
                apps.registerDocument(key, d.id(), 1, Instant.now());
                tokens.add("Bearer " + login(url, no));
            }

            HttpClient http = HttpClient.newHttpClient();
            // warm-up: every route once
            send(http, "GET", url + "/api/me", tokens.get(0), null);
            send(http, "GET", url + "/api/applications/new-primary", tokens.get(0), null);
            METRICS.clear();

            // save: n PUTs spread over the members, each with its current version
            Map<String, Long> versions = new HashMap<>();
            List<Double> save = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String token = tokens.get(i % tokens.size());
                long v = versions.computeIfAbsent(token, t -> Json.parse(send(http, "GET", url + "/api/applications/new-primary", t, null).body())
                        .get("version").asLong());
                String prefs = i % 2 == 0 ? "[\"13\",\"14\",\"27\"]" : "[\"01\",\"02\",\"03\"]";
                long t0 = System.nanoTime();
                HttpResponse<String> r = send(http, "PUT", url + "/api/applications/new-primary", token,
                        "{\"version\":" + v + ",\"preferences\":" + prefs + "}");
                save.add((System.nanoTime() - t0) / 1e6);
                if (r.statusCode() != 200) throw new IllegalStateException("save " + r.statusCode() + " " + r.body());
                versions.put(token, Json.parse(r.body()).get("version").asLong());
            }
            // submit: every member once (real SES stand-in)
            List<Double> submit = new ArrayList<>();
            for (String token : tokens) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = send(http, "POST", url + "/api/applications/new-primary/submit", token,
                        "{\"version\":" + versions.get(token) + "}");
                submit.add((System.nanoTime() - t0) / 1e6);
                if (r.statusCode() != 200) throw new IllegalStateException("submit " + r.statusCode() + " " + r.body());
            }
            List<Double> read = new ArrayList<>();
            List<Double> me = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String token = tokens.get(i % tokens.size());
                long t0 = System.nanoTime();
                send(http, "GET", url + "/api/applications/new-primary", token, null);
                read.add((System.nanoTime() - t0) / 1e6);
                t0 = System.nanoTime();
                send(http, "GET", url + "/api/me", token, null);
                me.add((System.nanoTime() - t0) / 1e6);
            }
            // the floor: one raw conditional UpdateItem on the same dynalite
            List<Double> rawUpdate = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long v = i;
                long t0 = System.nanoTime();
                raw.updateItem(u -> u.tableName(Bootstrap.TABLE)
                        .key(Map.of("PK", AttributeValue.fromS("BENCH"), "SK", AttributeValue.fromS("RAW")))
                        .updateExpression("SET #v = :next, #p = :p")
                        .conditionExpression("attribute_not_exists(#v) OR #v = :v")
                        .expressionAttributeNames(Map.of("#v", "version", "#p", "pref1"))
                        .expressionAttributeValues(v == 0
                                ? Map.of(":next", AttributeValue.fromN("1"), ":p", AttributeValue.fromS("13"), ":v", AttributeValue.fromN("0"))
                                : Map.of(":next", AttributeValue.fromN(Long.toString(v + 1)), ":p", AttributeValue.fromS("13"),
                                        ":v", AttributeValue.fromN(Long.toString(v)))));
                rawUpdate.add((System.nanoTime() - t0) / 1e6);
            }

            System.out.printf(Locale.ROOT, "%n一次申請 latency through the local gateway (HTTP, JWT check, handler, dynalite), %d members%n", tokens.size());
            System.out.printf(Locale.ROOT, "%-46s %6s %9s %9s%n", "operation", "n", "p50", "p99");
            row("PUT /api/applications/new-primary (save)", save);
            row("POST /api/applications/new-primary/submit", submit);
            row("GET /api/applications/new-primary (read)", read);
            row("GET /api/me (menu)", me);
            row("raw UpdateItem on the same dynalite", rawUpdate);
            METRICS.printRequests(System.out, "route", 46, METRICS.keys());
            AppClock.shiftForLocalRun(null);
        }
        System.exit(0);
    }

    private static void row(String name, List<Double> ms) {
        double[] v = BenchMetrics.sorted(ms);
        System.out.printf(Locale.ROOT, "%-46s %6d %7.2fms %7.2fms%n", name, v.length, BenchMetrics.p50(v), BenchMetrics.p99(v));
    }

    /** The gateway's handlers, wired like production but with the counting DynamoDB client. */
    private static void wire(LocalSystem system, DynamoDbClient dynamo) {
        Clock clock = AppClock.process();
        DynamoApplicationStore store = new DynamoApplicationStore(dynamo, Bootstrap.TABLE);
        WindowCache windows = new WindowCache(store::windows, Clock.systemUTC());
        MailService mail = new MailService(store, new SesMailer(AwsClients.ses(), Settings.require(Settings.SENDER_ADDRESS), null), clock);
        LocalGateway.HandlerRegistry h = system.handlers();
        PrimaryHandler primary = new PrimaryHandler(new PrimaryApplicationService(store, mail, windows, clock));
        DocumentsHandler documents = new DocumentsHandler(new DocumentService(store,
                new S3DocumentStorage(AwsClients.s3(), S3DocumentStorage.presigner(), Bootstrap.DOCUMENTS_BUCKET), windows, clock));
        MenuHandler menu = new MenuHandler(new MyPageService(new DynamoMemberStore(dynamo, Bootstrap.TABLE), clock));
        h.put("jp.nintei.functions.primary.PrimaryHandler::handleRequest", METRICS.counted(primary));
        h.put("jp.nintei.functions.documents.DocumentsHandler::handleRequest", METRICS.counted(documents));
        h.put("jp.nintei.functions.menu.MenuHandler::handleRequest", METRICS.counted(menu));
    }

    private static String login(String url, String memberNo) { return BenchHttp.login(url, memberNo); }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String token, String body) {
        return BenchHttp.send(http, method, url, token, body);
    }
}
