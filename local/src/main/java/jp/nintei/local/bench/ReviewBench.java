package jp.nintei.local.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.domain.Member;
import jp.nintei.domain.application.Document;
import jp.nintei.domain.application.DocumentPurpose;
import jp.nintei.domain.application.FileType;
import jp.nintei.domain.secondary.Achievement;
import jp.nintei.domain.secondary.IdentityDocuments;
import jp.nintei.domain.secondary.JulyProjection;
import jp.nintei.domain.secondary.Resume;
import jp.nintei.domain.secondary.TrainingRef;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.SecondaryStore;

/**
 * Benchmark harness (not a test): 書類審査 through the local gateway — opening one whole 二次申請's review screen
 * ({@code GET /api/admin/reviews/new-secondary/{memberNo}}) and the review list over 5,000 submitted 一次申請 (first
 * page, search by 会員番号, search by ふりがな), with p50/p99 and the DynamoDB requests per call.
 *
 * <p>Run: {@code mvn -q -pl local exec:java -Dexec.mainClass=jp.nintei.local.bench.ReviewBench -Dexec.args=200}
 */
public final class ReviewBench {
    private ReviewBench() {}

    /** Calls and their DynamoDB requests, by the call being measured. */
    static final BenchMetrics METRICS = BenchMetrics.byPhase();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (LocalSystem system = LocalSystem.start(0, false)) {
            int year = system.demo().year();
            AdminBench.wire(system, METRICS);
            String url = system.gateway().url();
            HttpClient http = HttpClient.newHttpClient();

            List<Member> applicants = SubmittedPrimaries.load(year);
            String reviewed = wholeSecondary(new DynamoApplicationStore(AwsClients.dynamoDb(), Bootstrap.TABLE), year);

            String token = "Bearer " + BenchHttp.login(url, DemoData.SECRETARIAT_NO);
            String screen = url + "/api/admin/reviews/new-secondary/" + reviewed + "?year=" + year;
            String list = url + "/api/admin/reviews?year=" + year + "&application=new-primary";
            Member someone = applicants.get(4321);
            String kana = someone.kana().split(" ")[0];
            String[][] cases = {
                {"GET review screen (二次申請, 6 documents)", screen},
                {"GET review list, 5,000 rows, first page", list},
                {"GET review list, q=会員番号", list + "&q=" + someone.memberNo()},
                {"GET review list, q=ふりがな (katakana, full width)", list + "&q=" + URLEncoder.encode(toKatakana(kana), StandardCharsets.UTF_8)},
            };
            METRICS.phase("warm-up");
            for (String[] c : cases) check(BenchHttp.send(http, "GET", c[1], token, null), c[0]);
            System.out.printf(Locale.ROOT, "%n書類審査 through the local gateway (HTTP, JWT check, AdminHandler, dynalite), n=%d%n", n);
            System.out.printf(Locale.ROOT, "%-52s %9s %9s %9s %10s%n", "call", "p50", "p99", "rows", "DDB/call");
            for (String[] c : cases) {
                METRICS.phase(c[0]);
                List<Double> ms = new ArrayList<>();
                int rows = 0;
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = BenchHttp.send(http, "GET", c[1], token, null);
                    ms.add((System.nanoTime() - t0) / 1e6);
                    check(r, c[0]);
                    var body = Json.parse(r.body());
                    rows = body.has("rows") ? body.get("total").asInt() : body.get("documents").size();
                }
                double[] v = BenchMetrics.sorted(ms);
                System.out.printf(Locale.ROOT, "%-52s %7.1fms %7.1fms %9d   %s%n", c[0], BenchMetrics.p50(v), BenchMetrics.p99(v), rows,
                        METRICS.perCallByOperation(c[0]));
            }
        }
        System.exit(0);
    }

    private static String toKatakana(String hiragana) {
        StringBuilder b = new StringBuilder();
        hiragana.codePoints().forEach(c -> b.appendCodePoint(c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c));
        return b.toString();
    }

    private static void check(HttpResponse<String> r, String what) {
        if (r.statusCode() != 200) throw new IllegalStateException(what + " " + r.statusCode() + " " + r.body());
    }

    /** 10000002's 二次申請, whole and submitted: 4 resume rows, 2 training entries, 3 業績, 6 documents. */
    private static String wholeSecondary(DynamoApplicationStore apps, int year) {
        String no = "10000002";
        ApplicationKey key = new ApplicationKey(no, year, ApplicationKind.NEW_SECONDARY);
        Instant now = Instant.now();
        List<String> ids = new ArrayList<>();
        DocumentPurpose[] purposes = {DocumentPurpose.TRAINING_CERTIFICATE, DocumentPurpose.ACHIEVEMENT_COPY, DocumentPurpose.ACHIEVEMENT_COPY,
            DocumentPurpose.MEDICAL_LICENSE, DocumentPurpose.COURSE_CERTIFICATE, DocumentPurpose.EXAM_PHOTO};
        long v = apps.saveSecondary(key, 0, new SecondaryStore.Change(null, null, null, null, false, JulyProjection.NONE), now);
        for (int i = 0; i < purposes.length; i++) {
            String id = String.format(Locale.ROOT, "%032x", 0xC0000000L + i);
            apps.addDocument(key, new Document(id, purposes[i], "書類" + i + (purposes[i] == DocumentPurpose.EXAM_PHOTO ? ".jpg" : ".pdf"),
                    200_000, purposes[i] == DocumentPurpose.EXAM_PHOTO ? FileType.JPEG : FileType.PDF, "ab".repeat(32),
                    Document.Status.PENDING, now), now);
            v = apps.registerDocument(key, id, 2, now);
            ids.add(id);
        }
        Resume resume = new Resume(List.of(new Resume.Row(year - 16 + "-04-01", "○○大学 医学部 入学"), new Resume.Row(year - 10 + "-03-31", "○○大学 医学部 卒業")),
                List.of(new Resume.Row(year - 10 + "-04-01", "○○病院 初期研修医"), new Resume.Row(year - 8 + "-04-01", "△△病院 緩和ケア科")),
                List.of(new Resume.Row(year - 10 + "-05-01", "医師免許取得")), 6);
        v = apps.saveSecondary(key, v, new SecondaryStore.Change(resume, null, null, null, null, null), now);
        List<TrainingRef> training = List.of(
                new TrainingRef("基幹施設（新制度）", "F0004", LocalDate.of(year - 3, 4, 1), "基幹施設（新制度）", YearMonth.of(year - 3, 4),
                        YearMonth.of(year - 2, 3), "S0004", LocalDate.of(year - 5, 4, 1), "研修指導者資格を有する認定医", ids.get(0)),
                new TrainingRef("基幹施設（新制度）", "F0004", LocalDate.of(year - 3, 4, 1), "基幹施設（新制度）", YearMonth.of(year - 2, 4),
                        YearMonth.of(year - 1, 3), "S0004", LocalDate.of(year - 5, 4, 1), "研修指導者資格を有する認定医", ids.get(0)));
        v = apps.saveSecondary(key, v, new SecondaryStore.Change(null, training, null, null, null, null), now);
        List<Achievement> achievements = List.of(
                new Achievement(Achievement.Kind.CONFERENCE_PRESENTATION, "緩和ケアにおける○○の検討", "緩和二郎", "日本緩和医療学会学術大会", year + "-06", null, ids.get(1)),
                new Achievement(Achievement.Kind.CASE_REPORT, "××の一例", "緩和二郎, 学会三郎", "緩和医療学 12(3):45-50", (year - 1) + "-10", Achievement.PUBLISHED, ids.get(2)));
        v = apps.saveSecondary(key, v, new SecondaryStore.Change(null, null, achievements, null, null, null), now);
        v = apps.saveSecondary(key, v, new SecondaryStore.Change(null, null, null, new IdentityDocuments(ids.get(3), ids.get(4), ids.get(5)), null, null), now);
        apps.submit(key, v, "S" + year + "-" + no, "m-s-" + no, now);
        return no;
    }
}
