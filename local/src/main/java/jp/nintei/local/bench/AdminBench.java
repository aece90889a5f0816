package jp.nintei.local.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.adapter.dynamo.DynamoDirectoryStore;
import jp.nintei.adapter.http.Json;
import jp.nintei.adapter.s3.S3DocumentStorage;
import jp.nintei.adapter.s3.S3ExportFiles;
import jp.nintei.adapter.ses.SesMailer;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.Member;
import jp.nintei.domain.SpecialistStatus;
import jp.nintei.domain.imports.MemberCsv;
import jp.nintei.functions.admin.AdminHandler;
import jp.nintei.functions.support.Components;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import jp.nintei.platform.Settings;
import jp.nintei.service.CaseActions;
import jp.nintei.service.ConfirmationMails;
import jp.nintei.service.DirectoryCache;
import jp.nintei.service.MailService;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark harness (not a test): the secretariat's routes through the local gateway over 5,000 submitted
 * 一次申請 — the list ({@code GET /api/admin/applications}, first page with a status filter and without, and every page
 * once), the Excel export ({@code GET /api/admin/export}) and the 会員情報 import of a 10,000-row CSV
 * ({@code POST /api/admin/imports/members}, then the same file again) — with p50/p99, the DynamoDB requests each
 * call makes (counted with an SDK {@link ExecutionInterceptor}) and the JVM's heap during the import.
 *
 * <p>Run: {@code mvn -q -o -pl local compile && mvn -q -o -pl local exec:java
 * -Dexec.mainClass=jp.nintei.local.bench.AdminBench -Dexec.args=100}
 */
public final class AdminBench {
    private AdminBench() {}

    static final String HANDLER = "jp.nintei.functions.admin.AdminHandler::handleRequest";
    static final int IMPORT_ROWS = 10000;

    /** Calls and their DynamoDB requests, by the phase the main thread is in. */
    static final BenchMetrics METRICS = BenchMetrics.byPhase();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        try (LocalSystem system = LocalSystem.start(0, false)) {
            int year = system.demo().year();
            wire(system, METRICS);
            String url = system.gateway().url();
            HttpClient http = HttpClient.newHttpClient();

            // ---- 5,000 members, each with a submitted 一次申請 with a registered 領収書 ----
            SubmittedPrimaries.load(year);

            String token = "Bearer " + login(url, DemoData.SECRETARIAT_NO);
            String list = url + "/api/admin/applications?year=" + year + "&application=new-primary";

            // warm-up: each list variant once
            METRICS.phase("warm-up");
            int allCount = Json.parse(get(http, list + "&status=ALL", token).body()).get("counts").get("ALL").asInt();
            int submittedCount = Json.parse(get(http, list + "&status=SUBMITTED", token).body()).get("counts").get("SUBMITTED").asInt();

            // ---- the list, first page ----
            METRICS.phase("list SUBMITTED");
            List<Double> listSubmitted = new ArrayList<>();
            int rowsSubmitted = 0;
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = get(http, list + "&status=SUBMITTED", token);
                listSubmitted.add((System.nanoTime() - t0) / 1e6);
                rowsSubmitted = Json.parse(r.body()).get("rows").size();
            }
            METRICS.phase("list ALL");
            List<Double> listAll = new ArrayList<>();
            int rowsAll = 0;
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = get(http, list + "&status=ALL", token);
                listAll.add((System.nanoTime() - t0) / 1e6);
                rowsAll = Json.parse(r.body()).get("rows").size();
            }

            // ---- every page once ----
            Paging pagingSubmitted = page(http, list + "&status=SUBMITTED", token, "paging SUBMITTED");
            Paging pagingAll = page(http, list + "&status=ALL", token, "paging ALL");

            // ---- the export ----
            METRICS.phase("export");
            List<Double> export = new ArrayList<>();
            int exportBytes = 0;
            int exportRows = 0;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = http.send(BenchHttp.request(url + "/api/admin/export?year=" + year + "&application=new-primary", token)
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                export.add((System.nanoTime() - t0) / 1e6);
                if (r.statusCode() != 200) throw new IllegalStateException("export " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
                exportBytes = r.body().length;
                exportRows = crlfLines(new String(r.body(), StandardCharsets.UTF_8)) - 1;
            }

            // ---- the member import: 10,000 rows, then the same file again ----
            byte[] csv = memberCsv(people(year, 30000001, IMPORT_ROWS, new Random(20260601L)), new Random(20260602L));
            HeapSampler heap = new HeapSampler();
            boolean hwmReset = resetPeakRss();
            heap.reset();
            METRICS.phase("import 1st");
            long t0 = System.nanoTime();
            HttpResponse<String> first = post(http, url + "/api/admin/imports/members", token, csv);
            double import1S = (System.nanoTime() - t0) / 1e9;
            heap.stop();
            Map<String, String> rss = rss();
            if (first.statusCode() != 200) throw new IllegalStateException("import " + first.statusCode() + " " + first.body());
            JsonNode report1 = Json.parse(first.body());

            METRICS.phase("import 2nd");
            t0 = System.nanoTime();
            HttpResponse<String> second = post(http, url + "/api/admin/imports/members", token, csv);
            double import2S = (System.nanoTime() - t0) / 1e9;
            if (second.statusCode() != 200) throw new IllegalStateException("re-import " + second.statusCode() + " " + second.body());
            JsonNode report2 = Json.parse(second.body());

            // ---- the table ----
            System.out.printf(Locale.ROOT, "%n事務局 API through the local gateway (HTTP, JWT check, AdminHandler, dynalite), year %d, "
                    + "%d applications in the list (%d 申請済)%n", year, allCount, submittedCount);
            System.out.printf(Locale.ROOT, "%-54s %6s %9s %9s %9s %8s%n", "operation", "n", "p50", "p99", "rows", "DDB/call");
            row("GET /api/admin/applications status=SUBMITTED p.1", listSubmitted, rowsSubmitted, "list SUBMITTED");
            row("GET /api/admin/applications status=ALL p.1", listAll, rowsAll, "list ALL");
            paging("every page, status=SUBMITTED", pagingSubmitted);
            paging("every page, status=ALL", pagingAll);
            double[] e = BenchMetrics.sorted(export);
            System.out.printf(Locale.ROOT, "%-54s %6d %7.0fms %7.0fms %9d %8.1f   (min %.0f ms, max %.0f ms, %,d bytes)%n",
                    "GET /api/admin/export (CSV)", e.length, BenchMetrics.p50(e), BenchMetrics.p99(e), exportRows, METRICS.perCall("export"),
                    e[0], e[e.length - 1], exportBytes);
            System.out.printf(Locale.ROOT, "%-54s %6d %8.1fs %9s %9d %8d%n", "POST /api/admin/imports/members (10,000 rows)", 1, import1S,
                    "", report1.get("rows").asInt(), METRICS.requests("import 1st"));
            System.out.printf(Locale.ROOT, "%-54s %6d %8.1fs %9s %9d %8d%n", "POST /api/admin/imports/members (same file again)", 1, import2S,
                    "", report2.get("rows").asInt(), METRICS.requests("import 2nd"));

            System.out.printf(Locale.ROOT, "%nImport reports%n");
            for (var x : List.of(Map.entry("1st", report1), Map.entry("2nd", report2))) {
                JsonNode r = x.getValue();
                System.out.printf(Locale.ROOT, "  %s: encoding %s, rows %d, accepted %d, rejected %d, updated %d, unchanged %d, accountsQueued %d%n",
                        x.getKey(), r.get("encoding").asString(), r.get("rows").asInt(), r.get("accepted").asInt(), r.get("rejected").size(),
                        r.get("updated").asInt(), r.get("unchanged").asInt(), r.get("accountsQueued").asInt());
                for (int i = 0; i < Math.min(3, r.get("rejected").size()); i++) {
                    System.out.printf(Locale.ROOT, "    rejected line %d: %s%n", r.get("rejected").get(i).get("line").asInt(),
                            r.get("rejected").get(i).get("reason").asString());
                }
            }
            System.out.printf(Locale.ROOT, "  CSV: %,d bytes (UTF-8 with BOM)%n", csv.length);
            System.out.printf(Locale.ROOT, "  JVM heap during the 1st import: before %,.0f MB, peak sampled every 50 ms %,.0f MB (+%,.0f MB), "
                            + "pool peaks summed %,.0f MB, max heap %,.0f MB, %d samples%n",
                    mb(heap.baseline), mb(heap.peak.get()), mb(heap.peak.get() - heap.baseline), mb(heap.poolPeaks()),
                    mb(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax()), heap.samples.get());
            System.out.printf(Locale.ROOT, "  process RSS after the 1st import: VmHWM %s (%s), VmRSS %s (whole JVM: Maven, gateway, S3Proxy; "
                    + "dynalite and cognito-local are separate node processes)%n", rss.getOrDefault("VmHWM", "?"),
                    hwmReset ? "peak reset before the import" : "peak since JVM start: clear_refs not writable", rss.getOrDefault("VmRSS", "?"));

            METRICS.printRequests(System.out, "phase", 18,
                    List.of("list SUBMITTED", "list ALL", "paging SUBMITTED", "paging ALL", "export", "import 1st", "import 2nd"));
        }
        System.exit(0);
    }

    // ---- wiring ----

    /**
     * AdminHandler as its no-arg constructor builds it, with a DynamoDB client {@code metrics} counts behind every store,
     * put in the gateway's place of the secretariat's routes.
     */
    static void wire(LocalSystem system, BenchMetrics metrics) {
        DynamoDbClient dynamo = metrics.countingDynamoDb();
        Clock clock = AppClock.process();
        String table = Bootstrap.TABLE;
        DynamoDirectoryStore directoryStore = new DynamoDirectoryStore(dynamo, table);
        DirectoryCache directory = new DirectoryCache(directoryStore::loadAll, Clock.systemUTC());
        DynamoApplicationStore applications = new DynamoApplicationStore(dynamo, table);
        SesMailer mailer = new SesMailer(AwsClients.ses(), Settings.require(Settings.SENDER_ADDRESS), null);
        AdminHandler h = new AdminHandler(AdminHandler.Services.wired(dynamo, table,
                new S3DocumentStorage(AwsClients.s3(), S3DocumentStorage.presigner(), Bootstrap.DOCUMENTS_BUCKET),
                new S3ExportFiles(AwsClients.s3(), S3DocumentStorage.presigner(), Bootstrap.DOCUMENTS_BUCKET), mailer,
                CaseActions.ConfirmationResend.through(new ConfirmationMails(applications, applications, directory),
                        new MailService(applications, mailer, clock)), directory, Components.site(), clock), directory);
        system.handlers().put(HANDLER, metrics.counted(h));
    }

    // ---- paging ----

    private record Paging(double ms, int pages, int rows, String phase) {}

    private static Paging page(HttpClient http, String list, String token, String name) {
        METRICS.phase(name);
        String cursor = null;
        int pages = 0;
        int rows = 0;
        long t0 = System.nanoTime();
        do {
            HttpResponse<String> r = get(http, list + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), token);
            JsonNode body = Json.parse(r.body());
            pages++;
            rows += body.get("rows").size();
            JsonNode next = body.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return new Paging((System.nanoTime() - t0) / 1e6, pages, rows, name);
    }

    // ---- generated members ----

    private static final String[] FAMILY = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
        "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部"};
    private static final String[] FAMILY_KANA = {"さとう", "すずき", "たかはし", "たなか", "いとう", "わたなべ", "やまもと",
        "なかむら", "こばやし", "かとう", "よしだ", "やまだ", "ささき", "やまぐち", "まつもと", "いのうえ", "きむら", "はやし",
        "さいとう", "しみず", "やまざき", "もり", "いけだ", "はしもと", "あべ"};
    private static final String[] FAMILY_ROMAJI = {"sato", "suzuki", "takahashi", "tanaka", "ito", "watanabe", "yamamoto",
        "nakamura", "kobayashi", "kato", "yoshida", "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue", "kimura", "hayashi",
        "saito", "shimizu", "yamazaki", "mori", "ikeda", "hashimoto", "abe"};
    private static final String[] GIVEN = {"健一", "美穂", "誠", "直樹", "裕子", "大輔", "恵", "隆", "由美", "浩", "智子",
        "拓也", "真由美", "和也", "陽子", "亮", "香織", "修", "彩", "翔太"};
    private static final String[] GIVEN_KANA = {"けんいち", "みほ", "まこと", "なおき", "ゆうこ", "だいすけ", "めぐみ", "たかし",
        "ゆみ", "ひろし", "ともこ", "たくや", "まゆみ", "かずや", "ようこ", "りょう", "かおり", "おさむ", "あや", "しょうた"};
    private static final String[] GIVEN_ROMAJI = {"kenichi", "miho", "makoto", "naoki", "yuko", "daisuke", "megumi", "takashi",
        "yumi", "hiroshi", "tomoko", "takuya", "mayumi", "kazuya", "yoko", "ryo", "kaori", "osamu", "aya", "shota"};
    private static final String[] DOMAINS = {"example.jp", "hosp.example.or.jp", "med.example.ac.jp", "example.ne.jp", "example.com"};

    static List<Member> people(int year, int firstNo, int count, Random rnd) {
        List<Member> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String no = Integer.toString(firstNo + i);
            int f = rnd.nextInt(FAMILY.length);
            int g = rnd.nextInt(GIVEN.length);
            String email = GIVEN_ROMAJI[g] + "." + FAMILY_ROMAJI[f] + "." + no.substring(no.length() - 5) + "@" + DOMAINS[rnd.nextInt(DOMAINS.length)];
            LocalDate joined = LocalDate.of(1995 + rnd.nextInt(Math.max(1, year - 1997)), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            boolean seminar = rnd.nextInt(10) != 0;
            out.add(new Member(no, FAMILY[f] + " " + GIVEN[g], FAMILY_KANA[f] + " " + GIVEN_KANA[g], email, joined,
                    Set.of(year - 1, year), seminar, 20, false, rnd.nextInt(20) == 0, SpecialistStatus.NONE));
        }
        return out;
    }

    /** The secretariat's Excel sheet saved as CSV UTF-8: BOM, CRLF, dates typed several ways. */
    static byte[] memberCsv(List<Member> members, Random rnd) {
        StringBuilder b = new StringBuilder(members.size() * 160);
        b.append('\uFEFF');
        b.append(String.join(",", MemberCsv.MEMBER_NO, MemberCsv.NAME, MemberCsv.KANA, MemberCsv.EMAIL, MemberCsv.JOINED_ON,
                MemberCsv.DUES, MemberCsv.SEMINAR, MemberCsv.CASE_REPORTS, MemberCsv.CASE_REPORT_EXEMPT,
                MemberCsv.WRITTEN_EXAM_EXEMPT, MemberCsv.SPECIALIST)).append("\r\n");
        for (Member m : members) {
            LocalDate j = m.joinedOn();
            String joined = switch (rnd.nextInt(10)) {
                case 0 -> j.getYear() >= 1990 && j.getYear() <= 2018 ? "平成" + (j.getYear() - 1988) + "年" + j.getMonthValue() + "月"
                        + j.getDayOfMonth() + "日" : j.getYear() + "年" + j.getMonthValue() + "月" + j.getDayOfMonth() + "日";
                case 1 -> j.getYear() + "年" + j.getMonthValue() + "月" + j.getDayOfMonth() + "日";
                default -> j.getYear() + "/" + j.getMonthValue() + "/" + j.getDayOfMonth();
            };
            String dues = m.duesPaidFiscalYears().stream().sorted().map(String::valueOf).reduce((a, c) -> a + "," + c).orElse("");
            b.append(m.memberNo()).append(',').append(m.name()).append(',').append(m.kana()).append(',').append(m.email()).append(',')
                    .append(joined).append(",\"").append(dues).append("\",").append(m.seminarCompleted() ? "有" : "無").append(',')
                    .append(m.approvedCaseReports()).append(',').append("無").append(',').append(m.writtenExamExempt() ? "有" : "無")
                    .append(',').append("").append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- memory ----

    /** Heap used, sampled every 50 ms on a daemon thread, from {@link #reset} to {@link #stop}. */
    static final class HeapSampler {
        final MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
        final AtomicLong peak = new AtomicLong();
        final AtomicInteger samples = new AtomicInteger();
        volatile long baseline;
        volatile boolean running;
        Thread thread;

        void reset() {
            System.gc();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
            baseline = bean.getHeapMemoryUsage().getUsed();
            peak.set(baseline);
            samples.set(0);
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    long used = bean.getHeapMemoryUsage().getUsed();
                    peak.accumulateAndGet(used, Math::max);
                    samples.incrementAndGet();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            peak.accumulateAndGet(bean.getHeapMemoryUsage().getUsed(), Math::max);
        }

        /** Sum of each heap pool's own peak since the reset (an upper bound: the pools peak at different moments). */
        long poolPeaks() {
            long sum = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
            }
            return sum;
        }
    }

    /** Linux: writing 5 to clear_refs resets VmHWM to the current RSS. */
    private static boolean resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, String> rss() {
        Map<String, String> out = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
                    out.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return out;
    }

    private static double mb(long bytes) { return bytes / (1024.0 * 1024.0); }

    // ---- report ----

    private static void row(String name, List<Double> ms, int rows, String p) {
        double[] v = BenchMetrics.sorted(ms);
        System.out.printf(Locale.ROOT, "%-54s %6d %7.2fms %7.2fms %9d %8.1f%n", name, v.length, BenchMetrics.p50(v), BenchMetrics.p99(v), rows,
                METRICS.perCall(p));
    }

    private static void paging(String name, Paging p) {
        System.out.printf(Locale.ROOT, "%-54s %6d %7.0fms %9s %9d %8.1f   (%d requests in all, %.1f ms per page)%n",
                name + " (" + p.pages() + " pages)", p.pages(), p.ms(), "", p.rows(), METRICS.perCall(p.phase()), METRICS.requests(p.phase()),
                p.ms() / p.pages());
    }

    private static int crlfLines(String s) {
        int n = 0;
        for (int i = s.indexOf("\r\n"); i >= 0; i = s.indexOf("\r\n", i + 2)) n++;
        return n;
    }

    // ---- HTTP ----

    private static String login(String url, String memberNo) { return BenchHttp.login(url, memberNo); }

    private static HttpResponse<String> get(HttpClient http, String url, String token) {
        HttpResponse<String> r = BenchHttp.send(http, BenchHttp.request(url, token).GET().build());
        if (r.statusCode() != 200) throw new IllegalStateException("GET " + url + ": " + r.statusCode() + " " + r.body());
        return r;
    }

    private static HttpResponse<String> post(HttpClient http, String url, String token, byte[] body) {
        return BenchHttp.send(http, BenchHttp.request(url, token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }
}
