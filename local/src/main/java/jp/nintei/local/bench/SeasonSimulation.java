package jp.nintei.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoMemberImportStore;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalGateway;
import jp.nintei.local.LocalSystem;
import jp.nintei.local.faults.Faults;
import jp.nintei.platform.RouteTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A season on the local stack (a harness, not a timed test): N applicants file 一次申請 in April and 二次申請 in
 * June, each deadline with everyone in its last hour, AWS faults injected through {@link Faults} for the middle
 * third of each rush (DynamoDB throttling, unprocessed batch keys, writes answered late after they landed, SES
 * down, S3 answering 403 for a missing key), then the mail retry, the close and the reminders. Requests go
 * through the template's route table to the same handler instances the local gateway uses, with the claims the
 * JWT authorizer would pass (cognito-local cannot hold 10,000 sign-ins in reasonable time); uploads are real
 * presigned PUTs to S3Proxy. An applicant whose request answers 5xx tries again, as a person would.
 *
 * <p>Prints: submitted, lost, doubled, confirmation mails per submission, 5xx answers, throughput as a ratio of
 * the raw UpdateItem rate on the same dynalite with the same number of threads, p50/p99 per step, and the
 * export of the 二次申請 through S3 (time, size, heap).
 *
 * <p>Run: {@code mvn -q -DskipTests install && mvn -q -pl local exec:java
 * -Dexec.mainClass=jp.nintei.local.bench.SeasonSimulation -Dexec.args="10000 8"} (N applicants, client threads).
 * The handlers' JSON log lines go to a file (printed at the start), the figures to the terminal.
 */
public final class SeasonSimulation {
    private static final String PRIMARY = "/api/applications/new-primary";
    private static final String SECONDARY = "/api/applications/new-secondary";
    private static final int FIRST_MEMBER = 60000001;

    private final LocalSystem system;
    private final RouteTable routes;
    private final int year;
    private final int threads;
    private final HttpClient s3 = HttpClient.newHttpClient();
    private final Map<String, List<Double>> latency = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger fiveHundreds = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger(); // 500 (a defect), not 503 (try again)
    private final AtomicInteger gaveUp = new AtomicInteger();
    private final PrintStream out;

    private SeasonSimulation(LocalSystem system, int threads, PrintStream out) {
        this.system = system;
        this.routes = new RouteTable(system.template().routes());
        this.year = system.demo().year();
        this.threads = threads;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        PrintStream terminal = System.out;
        Path log = Files.createTempFile("nintei-season-", ".log");
        System.setOut(new PrintStream(new FileOutputStream(log.toFile()), false, StandardCharsets.UTF_8));
        terminal.println("handler logs: " + log);
        try (LocalSystem system = LocalSystem.start(0, false)) {
            new SeasonSimulation(system, threads, terminal).run(n);
        } finally {
            Faults.clear();
            AppClock.shiftForLocalRun(null);
        }
        System.exit(0);
    }

    /** What one applicant's client knows: the answers it got. */
    private static final class Applicant {
        final String memberNo;
        boolean primarySubmitted;
        boolean secondarySubmitted;
        String receipt;

        Applicant(String memberNo) { this.memberNo = memberNo; }
    }

    private void run(int n) throws Exception {
        long started = System.nanoTime();
        List<Applicant> applicants = seed(n);
        double raw = rawUpdateRate(Math.min(4000, Math.max(1000, n)));
        out.printf(Locale.ROOT, "seeded %d members; raw conditional UpdateItem on this dynalite with %d threads: %.0f/s%n", n, threads, raw);

        // ---- April: drafts early, reminders 7 days and 1 day before, the rush in the last hour
        at(year + "-03-31T23:50");
        season();
        at(year + "-04-10T10:00");
        parallel(applicants, a -> step(a, "一次 save (early draft)", "PUT", PRIMARY, prefs(0)));
        at(year + "-04-24T00:00");
        season();
        at(year + "-04-30T00:00");
        season();
        at(year + "-04-30T23:00");
        RushResult april = rush(applicants, this::primary, "一次");
        at(year + "-05-01T00:00");
        mailRetryUntilEmpty();
        season(); // the close: 未提出 and the summary
        at(year + "-05-01T00:15");
        season();

        // ---- June: 二次申請 for everyone who submitted 一次
        List<Applicant> eligible = applicants.stream().filter(a -> a.primarySubmitted).toList();
        at(year + "-06-01T00:00");
        season();
        at(year + "-06-30T23:00");
        RushResult june = rush(eligible, this::secondary, "二次");
        at(year + "-07-01T00:00");
        mailRetryUntilEmpty();
        season();

        // ---- what the store and the mail stand-in hold
        Outcome primaryOutcome = outcome(applicants, "NEW_PRIMARY", a -> a.primarySubmitted);
        Outcome secondaryOutcome = outcome(eligible, "NEW_SECONDARY", a -> a.secondarySubmitted);
        Map<String, Integer> confirmations = confirmationMails();
        int primaryMails = 0;
        int secondaryMails = 0;
        int notOne = 0;
        for (Applicant a : applicants) {
            int p = confirmations.getOrDefault("P|" + a.memberNo, 0);
            int s = confirmations.getOrDefault("S|" + a.memberNo, 0);
            primaryMails += p;
            secondaryMails += s;
            if (p != (a.primarySubmitted ? 1 : 0)) notOne++;
            if (s != (a.secondarySubmitted ? 1 : 0)) notOne++;
        }

        ExportFigures export = exportSecondary();
        // the floor again, on the table as the season left it (and the machine as busy as it is now)
        double rawAfter = rawUpdateRate(Math.min(4000, Math.max(1000, n)));

        out.printf(Locale.ROOT, "%n== season simulation: N = %d applicants, %d client threads, %.0f s in all ==%n", n, threads,
                (System.nanoTime() - started) / 1e9);
        out.printf(Locale.ROOT, "一次申請: submitted %d (clients told 200: %d), lost %d, doubled %d, still draft/未提出 %d%n",
                primaryOutcome.submitted, primaryOutcome.believed, primaryOutcome.lost, primaryOutcome.doubled, primaryOutcome.notSubmitted);
        out.printf(Locale.ROOT, "二次申請: submitted %d (clients told 200: %d), lost %d, doubled %d, still draft/未提出 %d%n",
                secondaryOutcome.submitted, secondaryOutcome.believed, secondaryOutcome.lost, secondaryOutcome.doubled,
                secondaryOutcome.notSubmitted);
        out.printf(Locale.ROOT, "confirmation mails: 一次 %d, 二次 %d for %d + %d submissions; applicants with other than exactly one per submission: %d%n",
                primaryMails, secondaryMails, primaryOutcome.submitted, secondaryOutcome.submitted, notOne);
        out.printf(Locale.ROOT, "answers: %d requests, 5xx %d (of which 500: %d), applicants who gave up after 6 tries: %d%n",
                requests.get(), fiveHundreds.get(), serverErrors.get(), gaveUp.get());
        double floor = (raw + rawAfter) / 2;
        out.printf(Locale.ROOT, "raw conditional UpdateItem, %d threads: %.0f/s before the season, %.0f/s after it (mean %.0f/s)%n",
                threads, raw, rawAfter, floor);
        out.printf(Locale.ROOT, "throughput: 一次 rush %.0f req/s (%.1f applicants/s) = %.2f × raw UpdateItem; 二次 rush %.0f req/s (%.1f applicants/s) "
                        + "= %.2f × raw UpdateItem (faults on for the middle third; injected: %d)%n",
                april.rate, april.applicants, april.rate / floor, june.rate, june.applicants, june.rate / floor,
                april.faultHits + june.faultHits);
        out.printf(Locale.ROOT, "%n%-40s %7s %9s %9s%n", "step", "n", "p50", "p99");
        latency.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            double[] v;
            synchronized (e.getValue()) {
                v = BenchMetrics.sorted(e.getValue());
            }
            out.printf(Locale.ROOT, "%-40s %7d %7.1fms %7.1fms%n", e.getKey(), v.length, BenchMetrics.p50(v), BenchMetrics.p99(v));
        });
        out.printf(Locale.ROOT, "%nexport of %d 二次申請 through S3: %.1f s, %d rows, %.1f MB, heap used by the export ≈ %.0f MB (peak heap %.0f MB)%n",
                secondaryOutcome.submitted, export.seconds, export.rows, export.bytes / 1e6, export.heapMb, export.peakHeapMb);
    }

    // ------------------------------------------------------------ the applicants' steps

    private void primary(Applicant a) {
        JsonNode read = step(a, "一次 read", "GET", PRIMARY, null);
        if (read == null) return;
        JsonNode saved = step(a, "一次 save", "PUT", PRIMARY, prefs(read.get("version").asLong()));
        if (saved == null) return;
        // one in fifty presses 登録 before the upload finished (on AWS: S3 403 for the missing key)
        String doc = upload(a, PRIMARY, "FEE_RECEIPT", "振込控え.pdf", "application/pdf", Uploads.PDF_1, Math.abs(a.memberNo.hashCode()) % 50 == 0);
        if (doc == null) return;
        JsonNode ready = step(a, "一次 read", "GET", PRIMARY, null);
        if (ready == null) return;
        JsonNode submitted = step(a, "一次 submit", "POST", PRIMARY + "/submit", Json.object().put("version", ready.get("version").asLong()));
        if (submitted != null && "SUBMITTED".equals(Json.text(submitted, "status"))) {
            a.primarySubmitted = true;
            a.receipt = Json.text(submitted, "receiptNo");
        }
    }

    private void secondary(Applicant a) {
        JsonNode v = step(a, "二次 read", "GET", SECONDARY, null);
        if (v == null) return;
        ObjectNode resume = Json.object().put("version", v.get("version").asLong());
        resume.putArray("education").addObject().put("date", "2010/4/1").put("text", "○○大学 医学部 入学");
        resume.putArray("career").addObject().put("date", "2016-04-01").put("text", "○○病院 初期研修医");
        resume.putArray("qualifications").addObject().put("date", "2016年5月1日").put("text", "医師免許取得");
        resume.put("experienceYears", "5");
        if (step(a, "二次 section save", "PUT", SECONDARY + "/sections/resume", resume) == null) return;
        String cert = upload(a, SECONDARY, "TRAINING_CERTIFICATE", "研修修了証明書.pdf", "application/pdf", Uploads.PDF_1, false);
        if (cert == null || (v = step(a, "二次 read", "GET", SECONDARY, null)) == null) return;
        ObjectNode training = Json.object().put("version", v.get("version").asLong());
        training.putArray("entries").addObject().put("category", "基幹施設（新制度）").put("facilityNo", "F0004")
                .put("facilityFrom", (year - 3) + "-04-01").put("facilityType", "基幹施設（新制度）").put("from", (year - 3) + "-04")
                .put("to", (year - 1) + "-03").put("supervisorNo", "S0004").put("supervisorFrom", (year - 5) + "-04-01")
                .put("qualification", "研修指導者資格を有する認定医").put("certificateId", cert);
        if (step(a, "二次 section save", "PUT", SECONDARY + "/sections/training", training) == null) return;
        String copy = upload(a, SECONDARY, "ACHIEVEMENT_COPY", "抄録.pdf", "application/pdf", Uploads.PDF_2, false);
        if (copy == null || (v = step(a, "二次 read", "GET", SECONDARY, null)) == null) return;
        ObjectNode achievements = Json.object().put("version", v.get("version").asLong());
        achievements.putArray("items").addObject().put("kind", "CONFERENCE_PRESENTATION").put("title", "緩和ケアにおける○○の検討")
                .put("authors", "試験太郎").put("venue", "日本緩和医療学会学術大会").put("date", year + "年6月").put("copyId", copy);
        if (step(a, "二次 section save", "PUT", SECONDARY + "/sections/achievements", achievements) == null) return;
        String license = upload(a, SECONDARY, "MEDICAL_LICENSE", "医師免許.pdf", "application/pdf", Uploads.PDF_1, false);
        String course = license == null ? null : upload(a, SECONDARY, "COURSE_CERTIFICATE", "受講証.png", "image/png", Uploads.PNG, false);
        String photo = course == null ? null : upload(a, SECONDARY, "EXAM_PHOTO", "写真.jpg", "image/jpeg", Uploads.PHOTO, false);
        if (photo == null || (v = step(a, "二次 read", "GET", SECONDARY, null)) == null) return;
        if (step(a, "二次 section save", "PUT", SECONDARY + "/sections/identity", Json.object().put("version", v.get("version").asLong())
                .put("licenseId", license).put("courseId", course).put("photoId", photo)) == null) return;
        if ((v = step(a, "二次 read", "GET", SECONDARY, null)) == null) return;
        ObjectNode top = Json.object().put("version", v.get("version").asLong()).put("duesInProcess", false);
        top.putObject("july").put("experience", false).put("training", false).put("achievements", false).put("course", false);
        if (step(a, "二次 save (July boxes)", "PUT", SECONDARY, top) == null) return;
        if ((v = step(a, "二次 read", "GET", SECONDARY, null)) == null) return;
        JsonNode submitted = step(a, "二次 submit", "POST", SECONDARY + "/submit", Json.object().put("version", v.get("version").asLong()));
        if (submitted != null && "SUBMITTED".equals(Json.text(submitted, "status"))) a.secondarySubmitted = true;
    }

    private static ObjectNode prefs(long version) {
        ObjectNode b = Json.object().put("version", version);
        b.putArray("preferences").add("13").add("14").add("27");
        return b;
    }

    /** Slot, presigned PUT to S3, 登録; returns the document id. */
    private String upload(Applicant a, String app, String purpose, String name, String type, byte[] content, boolean registerTooEarly) {
        JsonNode slot = step(a, "upload slot", "POST", app + "/documents", Json.object().put("purpose", purpose).put("fileName", name)
                .put("size", content.length).put("contentType", type).put("sha256", Uploads.sha256(content)));
        if (slot == null) return null;
        String id = slot.at("/document/id").asString();
        if (registerTooEarly) {
            APIGatewayV2HTTPResponse early = call(a.memberNo, "POST", app + "/documents/" + id, null, false);
            if (early.getStatusCode() != 409) {
                throw new IllegalStateException("登録 before the upload answered " + early.getStatusCode() + " " + early.getBody());
            }
        }
        long t0 = System.nanoTime();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(slot.at("/upload/url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        for (var h : slot.at("/upload/headers").properties()) put.header(h.getKey(), h.getValue().asString());
        try {
            int status = s3.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) throw new IllegalStateException("S3 PUT " + status);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        record("S3 PUT (presigned)", t0);
        return step(a, "upload register", "POST", app + "/documents/" + id, null) == null ? null : id;
    }

    /** One request, tried again (up to six times, with a pause) when it answers 5xx; null when it never succeeded. */
    private JsonNode step(Applicant a, String name, String method, String path, JsonNode body) {
        for (int attempt = 0; attempt < 6; attempt++) {
            long t0 = System.nanoTime();
            APIGatewayV2HTTPResponse r = call(a.memberNo, method, path, body == null ? null : Json.write(body), false);
            record(name, t0);
            int status = r.getStatusCode();
            if (status < 300) return Json.parse(r.getBody());
            if (status < 500) throw new IllegalStateException(name + " for " + a.memberNo + ": " + status + " " + r.getBody());
            sleep(100L << attempt);
        }
        gaveUp.incrementAndGet();
        return null;
    }

    /** The request as the gateway would pass it: route from template.yaml, claims of the verified token. */
    private APIGatewayV2HTTPResponse call(String memberNo, String method, String path, String body, boolean secretariat) {
        RouteTable.Found found = (RouteTable.Found) routes.match(method, path);
        Map<String, String> claims = new HashMap<>(Map.of("cognito:username", memberNo, "token_use", "id"));
        if (secretariat) claims.put("cognito:groups", "[secretariat]");
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(UUID.randomUUID().toString())
                .withRouteKey(method + " " + found.route().path())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build()).build());
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + found.route().path())
                .withRawPath(path).withHeaders(Map.of("content-type", "application/json"))
                .withPathParameters(found.pathParameters().isEmpty() ? null : found.pathParameters())
                .withBody(body).withIsBase64Encoded(false).withRequestContext(context.build()).build();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> h = system.handlers().get(found.route().handler());
        APIGatewayV2HTTPResponse r = h.handleRequest(event, null);
        requests.incrementAndGet();
        if (r.getStatusCode() >= 500) fiveHundreds.incrementAndGet();
        if (r.getStatusCode() == 500) serverErrors.incrementAndGet();
        return r;
    }

    private void record(String step, long t0) {
        List<Double> l = latency.computeIfAbsent(step, k -> Collections.synchronizedList(new ArrayList<>()));
        l.add((System.nanoTime() - t0) / 1e6);
    }

    // ------------------------------------------------------------ the rush, with faults for its middle third

    private record RushResult(double rate, double applicants, int faultHits) {}

    private RushResult rush(List<Applicant> applicants, java.util.function.Consumer<Applicant> flow, String label) throws Exception {
        int third = applicants.size() / 3;
        AtomicInteger done = new AtomicInteger();
        Faults.Switch[] faults = new Faults.Switch[1];
        int before = requests.get();
        long t0 = System.nanoTime();
        parallel(applicants, a -> {
            int i = done.incrementAndGet();
            if (i == third) {
                synchronized (faults) {
                    faults[0] = Faults.on(
                            Faults.dynamo("UpdateItem", Faults.Kind.THROTTLE).probability(0.03),
                            Faults.dynamo("BatchGetItem", Faults.Kind.UNPROCESSED).probability(0.2),
                            Faults.dynamo("UpdateItem", Faults.Kind.LATE_ANSWER_AFTER_WRITE).probability(0.02),
                            Faults.ses(Faults.Kind.SERVER_ERROR), // SES down for this third: the mail waits in the outbox
                            Faults.s3("GetObject", Faults.Kind.ACCESS_DENIED_FOR_MISSING));
                }
            }
            if (i == 2 * third) {
                synchronized (faults) {
                    if (faults[0] != null) faults[0].close();
                }
            }
            flow.accept(a);
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        int hits;
        synchronized (faults) {
            hits = faults[0] == null ? 0 : faults[0].hits();
            if (faults[0] != null) faults[0].close();
        }
        out.printf(Locale.ROOT, "%s rush: %d applicants in %.1f s%n", label, applicants.size(), seconds);
        return new RushResult((requests.get() - before) / seconds, applicants.size() / seconds, hits);
    }

    private void parallel(List<Applicant> applicants, java.util.function.Consumer<Applicant> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> f = new ArrayList<>();
            for (Applicant a : applicants) f.add(pool.submit(() -> work.accept(a)));
            for (Future<?> x : f) x.get();
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------ schedules

    private void at(String jst) { AppClock.shiftForLocalRun(LocalGateway.clockAt(jst)); }

    private void season() {
        RequestHandler<Object, Object> h = system.handlers().get("jp.nintei.functions.schedule.SeasonHandler::handleRequest");
        h.handleRequest(null, null);
    }

    private void mailRetryUntilEmpty() {
        RequestHandler<Object, Map<String, Integer>> h = system.handlers().get("jp.nintei.functions.mail.MailRetryHandler::handleRequest");
        // the retry leaves a minute's grace to the submitting handler: the clock is a few minutes past the rush
        for (int round = 0; round < 1000; round++) {
            Map<String, Integer> r = h.handleRequest(null, null);
            if (r.get("sent") == 0 && r.getOrDefault("audited", 0) == 0) return;
        }
    }

    // ------------------------------------------------------------ setup and checks

    private List<Applicant> seed(int n) {
        List<Member> members = new ArrayList<>();
        List<Applicant> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String no = Integer.toString(FIRST_MEMBER + i);
            members.add(new Member(no, "模擬 " + i, "もぎ", "sim" + no + "@example.jp", LocalDate.of(year - 6, 4, 1),
                    Set.of(year - 1, year), true, 20, false, false, SpecialistStatus.NONE));
            out.add(new Applicant(no));
        }
        try (DynamoDbClient dynamo = AwsClients.dynamoDb()) {
            DynamoMemberImportStore admin = new DynamoMemberImportStore(dynamo, Bootstrap.TABLE);
            for (int from = 0; from < n; from += 1000) {
                admin.upsertMembers(members.subList(from, Math.min(n, from + 1000)), Map.of(), Set.of());
            }
        }
        return out;
    }

    /** Raw conditional UpdateItems per second on the same dynalite, {@code threads} at a time, each on its own item. */
    private double rawUpdateRate(int total) throws Exception {
        String run = UUID.randomUUID().toString(); // fresh items: the floor is measured twice
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (DynamoDbClient dynamo = AwsClients.dynamoDb()) {
            AtomicInteger next = new AtomicInteger();
            long t0 = System.nanoTime();
            List<Future<?>> f = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                f.add(pool.submit(() -> {
                    long version = 0;
                    while (next.incrementAndGet() <= total) {
                        long v = version++;
                        dynamo.updateItem(u -> u.tableName(Bootstrap.TABLE)
                                .key(Map.of("PK", AttributeValue.fromS("BENCH#" + run + "#" + thread), "SK", AttributeValue.fromS("RAW")))
                                .updateExpression("SET #v = :next").conditionExpression("attribute_not_exists(#v) OR #v = :v")
                                .expressionAttributeNames(Map.of("#v", "version"))
                                .expressionAttributeValues(Map.of(":next", AttributeValue.fromN(Long.toString(v + 1)),
                                        ":v", AttributeValue.fromN(Long.toString(v)))));
                    }
                }));
            }
            for (Future<?> x : f) x.get();
            return total / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Outcome(int submitted, int believed, int lost, int doubled, int notSubmitted) {}

    /** Reads every application item: SUBMITTED in the store vs what the client was told, SUBMITTED events in its history. */
    private Outcome outcome(List<Applicant> applicants, String kind, java.util.function.Predicate<Applicant> believed) {
        int submitted = 0;
        int lost = 0;
        int doubled = 0;
        int notSubmitted = 0;
        int told = 0;
        try (DynamoDbClient dynamo = AwsClients.dynamoDb()) {
            List<Map<String, AttributeValue>> keys = applicants.stream().map(a -> Map.of(
                    "PK", AttributeValue.fromS("MEMBER#" + a.memberNo), "SK", AttributeValue.fromS("APP#" + year + "#" + kind))).toList();
            Map<String, Map<String, AttributeValue>> items = new HashMap<>();
            for (var i : jp.nintei.adapter.dynamo.DynamoBatch.get(dynamo, Bootstrap.TABLE, keys,
                    software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().consistentRead(true).build())) {
                items.put(i.get("PK").s().substring("MEMBER#".length()), i);
            }
            for (Applicant a : applicants) {
                var item = items.get(a.memberNo);
                boolean stored = item != null && "SUBMITTED".equals(item.get("status").s());
                long events = item == null || !item.containsKey("history") ? 0
                        : item.get("history").l().stream().filter(e -> "SUBMITTED".equals(e.m().get("event").s())).count();
                if (believed.test(a)) told++;
                if (stored) submitted++;
                else notSubmitted++;
                if (believed.test(a) && !stored) lost++;
                if (events > 1) doubled++;
            }
        }
        return new Outcome(submitted, told, lost, doubled, notSubmitted);
    }

    /** Confirmation mails in the SES stand-in by 会員番号 ("P|no" for 一次, "S|no" for 二次). */
    private Map<String, Integer> confirmationMails() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(system.aws().endpoints().ses() + "/store")).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode mail : Json.parse(r.body()).path("emails")) {
            String text = mail.toString();
            int at = text.indexOf("sim" + FIRST_MEMBER / 10_000_000);
            if (at < 0) continue;
            String no = text.substring(at + 3, at + 11);
            // a confirmation names its 受付番号 (P… for 一次, S… for 二次); reminders name none
            if (text.contains("S" + year + "-" + no)) out.merge("S|" + no, 1, Integer::sum);
            else if (text.contains("P" + year + "-" + no)) out.merge("P|" + no, 1, Integer::sum);
        }
        return out;
    }

    private record ExportFigures(double seconds, int rows, long bytes, double heapMb, double peakHeapMb) {}

    /** The secretariat's export of this year's 二次申請, through S3, timed, with the heap it took. */
    private ExportFigures exportSecondary() throws Exception {
        System.gc();
        long heapBefore = usedHeap();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        long t0 = System.nanoTime();
        APIGatewayV2HTTPResponse r = call(DemoData.SECRETARIAT_NO, "POST", "/api/admin/exports", Json.write(Json.object()
                .put("id", UUID.randomUUID().toString()).put("year", year).put("application", "new-secondary")), true);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        if (r.getStatusCode() != 200) throw new IllegalStateException("export " + r.getStatusCode() + " " + r.getBody());
        JsonNode job = Json.parse(r.getBody());
        HttpResponse<byte[]> file = s3.send(HttpRequest.newBuilder(URI.create(job.get("url").asString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (file.statusCode() != 200 || file.body().length != job.get("bytes").asLong()) throw new IllegalStateException("export file");
        return new ExportFigures(seconds, job.get("rows").asInt(), job.get("bytes").asLong(), (peak - heapBefore) / 1e6, peak / 1e6);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The files the applicants upload: real PDF, PNG and JPEG bytes. */
    static final class Uploads {
        static final byte[] PDF_1 = pdf(1);
        static final byte[] PDF_2 = pdf(2);
        static final byte[] PNG = image("png", 120, 80);
        static final byte[] PHOTO = image("jpeg", 300, 400);

        private Uploads() {}

        private static byte[] pdf(int pages) {
            try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new ByteArrayOutputStream()) {
                for (int i = 0; i < pages; i++) doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] image(String format, int w, int h) {
            var img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(new java.awt.Color(11, 107, 99));
            g.fillOval(w / 4, h / 6, w / 2, h / 2);
            g.dispose();
            try (var out = new ByteArrayOutputStream()) {
                javax.imageio.ImageIO.write(img, format, out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static String sha256(byte[] b) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
