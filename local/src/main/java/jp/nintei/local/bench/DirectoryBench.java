package jp.nintei.local.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoDirectoryStore;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.Facility;
import jp.nintei.domain.Supervisor;
import jp.nintei.domain.directory.Directory;
import jp.nintei.functions.directory.DirectoryHandler;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.LocalSystem;
import jp.nintei.service.DirectoryCache;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Benchmark harness (not a test): p50/p99 of the 施設名称 / 指導者 search popups
 * ({@code GET /api/directory/facilities?q=}, {@code GET /api/directory/supervisors?q=}) through the local gateway,
 * first over the demo directory, then over 2,000 facility rows and 5,000 supervisor rows (the sizes the
 * in-memory {@link Directory} is built for), and the DynamoDB requests each route makes (counted with an SDK
 * {@link ExecutionInterceptor}): the first search of a fresh cache loads the directory with paginated Query
 * requests, every later one is answered from memory.
 *
 * <p>Run: {@code mvn -q -o -pl local compile && mvn -q -o -pl local exec:java
 * -Dexec.mainClass=jp.nintei.local.bench.DirectoryBench -Dexec.args=300}
 */
public final class DirectoryBench {
    private DirectoryBench() {}

    static final String HANDLER = "jp.nintei.functions.directory.DirectoryHandler::handleRequest";
    static final String FACILITIES = "GET /api/directory/facilities";
    static final String SUPERVISORS = "GET /api/directory/supervisors";

    /** Calls and their DynamoDB requests, by "phase | route". */
    static final BenchMetrics METRICS = BenchMetrics.byPhaseAndRoute();
    /** Set by the cache's loader: how long the last load took and how many rows it held. */
    static volatile double lastLoadMs;
    static volatile int lastLoadRows;

    /** As typed on a phone: kana or kanji, half-width katakana, full-width digits, with or without a space. */
    static final List<String> FACILITY_QUERIES = List.of("札幌", "ｻｯﾎﾟﾛ", "さっぽろ", "大学病院", "がん", "F0001", "ｆ０００１",
            "だいがく", "名古屋", "せきじゅうじ", "医療センター", "ｲﾘｮｳ", "ふくおか しりつ", "横浜", "F1500", "ホスピス");
    static final List<String> SUPERVISOR_QUERIES = List.of("さとう", "サトウ ケン", "S0001", "けんいち", "佐藤", "ｽｽﾞｷ",
            "たなか　み", "渡辺 誠", "やまだ", "さと", "S1234", "ｓ２０００", "こばやし まこと", "高橋", "ﾅｶﾑﾗ", "みほ");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        try (LocalSystem system = LocalSystem.start(0, false)) {
            int year = system.demo().year();
            DynamoDbClient counting = METRICS.countingDynamoDb();
            DynamoDirectoryStore countingStore = new DynamoDirectoryStore(counting, Bootstrap.TABLE);
            String url = system.gateway().url();
            HttpClient http = HttpClient.newHttpClient();
            String token = "Bearer " + login(url, "10000002");

            // ---- phase A: the demo directory ----
            wire(system, countingStore);
            METRICS.phase("A cold");
            double coldA = timed(http, url, SUPERVISORS, "さとう", token).ms;
            double loadA = lastLoadMs;
            int rowsA = lastLoadRows;
            METRICS.phase("warm-up");
            for (String q : FACILITY_QUERIES) search(http, url, FACILITIES, q, token);
            for (String q : SUPERVISOR_QUERIES) search(http, url, SUPERVISORS, q, token);
            METRICS.phase("A");
            Map<String, List<Double>> latA = run(http, url, token, n);
            Map<String, List<Integer>> hitsA = HITS;

            // ---- phase B: 2,000 facility rows and 5,000 supervisor rows ----
            METRICS.phase("load");
            List<Facility> facilities = facilities(year, 2000);
            List<Supervisor> supervisors = supervisors(year, 5000);
            DynamoDirectoryStore raw = new DynamoDirectoryStore(AwsClients.dynamoDb(), Bootstrap.TABLE);
            int threads = 8;
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> puts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int part = t;
                puts.add(pool.submit(() -> {
                    for (int i = part; i < facilities.size(); i += threads) raw.putFacility(facilities.get(i));
                    for (int i = part; i < supervisors.size(); i += threads) raw.putSupervisor(supervisors.get(i));
                }));
            }
            for (Future<?> f : puts) f.get();
            pool.shutdown();
            double putMs = (System.nanoTime() - t0) / 1e6;

            wire(system, countingStore); // a new cache: the next search loads everything
            METRICS.phase("B cold");
            double coldB = timed(http, url, SUPERVISORS, "さとう", token).ms;
            double loadB = lastLoadMs;
            int rowsB = lastLoadRows;
            METRICS.phase("B");
            Map<String, List<Double>> latB = run(http, url, token, n);
            Map<String, List<Integer>> hitsB = HITS;

            System.out.printf(Locale.ROOT, "%nDirectory search through the local gateway (HTTP, JWT check, handler, in-memory Directory), "
                    + "%d queries mixed over both popups, after one warm-up pass%n", FACILITY_QUERIES.size() + SUPERVISOR_QUERIES.size());
            System.out.printf(Locale.ROOT, "%-58s %6s %9s %9s %7s%n", "operation", "n", "p50", "p99", "items");
            System.out.printf(Locale.ROOT, "%-58s %6d %7.2fms %9s %7s%n", "A first search, cold cache (" + rowsA + " rows)", 1, coldA, "", "");
            row("A " + FACILITIES, latA.get(FACILITIES), hitsA.get(FACILITIES));
            row("A " + SUPERVISORS, latA.get(SUPERVISORS), hitsA.get(SUPERVISORS));
            System.out.printf(Locale.ROOT, "%-58s %6d %7.2fms %9s %7s%n", "B first search, cold cache (" + rowsB + " rows)", 1, coldB, "", "");
            row("B " + FACILITIES, latB.get(FACILITIES), hitsB.get(FACILITIES));
            row("B " + SUPERVISORS, latB.get(SUPERVISORS), hitsB.get(SUPERVISORS));

            System.out.printf(Locale.ROOT, "%nLoads%n");
            System.out.printf(Locale.ROOT, "  %-56s %9.0fms%n", String.format(Locale.ROOT, "putItem of %d facility + %d supervisor rows (%d threads)",
                    facilities.size(), supervisors.size(), threads), putMs);
            System.out.printf(Locale.ROOT, "  %-56s %9.1fms%n", "A cache load (DynamoDirectoryStore.loadAll, " + rowsA + " rows)", loadA);
            System.out.printf(Locale.ROOT, "  %-56s %9.1fms%n", "B cache load (DynamoDirectoryStore.loadAll, " + rowsB + " rows)", loadB);

            List<String> keys = new ArrayList<>();
            for (String p : List.of("A cold", "A", "B cold", "B")) for (String route : List.of(FACILITIES, SUPERVISORS)) keys.add(p + " | " + route);
            METRICS.printRequests(System.out, "phase | route", 46, keys);
        }
        System.exit(0);
    }

    /** n searches alternating between the popups, cycling through each popup's queries. */
    private static Map<String, List<Double>> run(HttpClient http, String url, String token, int n) {
        HITS = new LinkedHashMap<>();
        Map<String, List<Double>> lat = new LinkedHashMap<>();
        lat.put(FACILITIES, new ArrayList<>());
        lat.put(SUPERVISORS, new ArrayList<>());
        for (int i = 0; i < n; i++) {
            boolean facility = i % 2 == 0;
            String route = facility ? FACILITIES : SUPERVISORS;
            List<String> queries = facility ? FACILITY_QUERIES : SUPERVISOR_QUERIES;
            String q = queries.get((i / 2) % queries.size());
            lat.get(route).add(timed(http, url, route, q, token).ms);
        }
        return lat;
    }

    static Map<String, List<Integer>> HITS = new LinkedHashMap<>();

    private record Timed(double ms, int items) {}

    private static Timed timed(HttpClient http, String url, String route, String q, String token) {
        long t0 = System.nanoTime();
        int items = search(http, url, route, q, token);
        Timed t = new Timed((System.nanoTime() - t0) / 1e6, items);
        HITS.computeIfAbsent(route, k -> new ArrayList<>()).add(items);
        return t;
    }

    private static int search(HttpClient http, String url, String route, String q, String token) {
        HttpResponse<String> r = send(http, "GET", url + route.substring(4) + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                token, null);
        if (r.statusCode() != 200) throw new IllegalStateException(route + " q=" + q + ": " + r.statusCode() + " " + r.body());
        return Json.parse(r.body()).get("items").size();
    }

    private static void row(String name, List<Double> ms, List<Integer> items) {
        double[] v = BenchMetrics.sorted(ms);
        double meanItems = items.stream().mapToInt(Integer::intValue).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-58s %6d %7.2fms %7.2fms %7.1f%n", name, v.length, BenchMetrics.p50(v), BenchMetrics.p99(v), meanItems);
    }

    /** A new DirectoryCache and handler (so the next search loads the whole directory), counting its requests. */
    private static void wire(LocalSystem system, DynamoDirectoryStore store) {
        DirectoryCache cache = new DirectoryCache(() -> {
            long t0 = System.nanoTime();
            Directory d = store.loadAll();
            lastLoadMs = (System.nanoTime() - t0) / 1e6;
            lastLoadRows = d.size();
            return d;
        }, Clock.systemUTC());
        DirectoryHandler h = new DirectoryHandler(cache);
        system.handlers().put(HANDLER, METRICS.counted(h));
    }

    // ---- generated master data ----

    private static final String[] FAMILY = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
        "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部",
        "石川", "山下", "中島", "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本"};
    private static final String[] FAMILY_KANA = {"さとう", "すずき", "たかはし", "たなか", "いとう", "わたなべ", "やまもと",
        "なかむら", "こばやし", "かとう", "よしだ", "やまだ", "ささき", "やまぐち", "まつもと", "いのうえ", "きむら", "はやし",
        "さいとう", "しみず", "やまざき", "もり", "いけだ", "はしもと", "あべ", "いしかわ", "やました", "なかじま", "いしい",
        "おがわ", "まえだ", "おかだ", "はせがわ", "ふじた", "ごとう", "こんどう", "むらかみ", "えんどう", "あおき", "さかもと"};
    private static final String[] GIVEN = {"健一", "美穂", "誠", "直樹", "裕子", "大輔", "恵", "隆", "由美", "浩", "智子",
        "拓也", "真由美", "和也", "陽子", "亮", "香織", "修", "彩", "翔太", "綾", "剛", "舞", "聡", "明美"};
    private static final String[] GIVEN_KANA = {"けんいち", "みほ", "まこと", "なおき", "ゆうこ", "だいすけ", "めぐみ", "たかし",
        "ゆみ", "ひろし", "ともこ", "たくや", "まゆみ", "かずや", "ようこ", "りょう", "かおり", "おさむ", "あや", "しょうた",
        "あや", "つよし", "まい", "さとし", "あけみ"};
    private static final String[] PLACES = {"札幌", "旭川", "函館", "青森", "盛岡", "仙台", "秋田", "山形", "福島", "郡山",
        "水戸", "つくば", "宇都宮", "前橋", "高崎", "さいたま", "川越", "千葉", "船橋", "柏", "新宿", "世田谷", "八王子", "横浜",
        "川崎", "相模原", "新潟", "富山", "金沢", "福井", "甲府", "長野", "松本", "岐阜", "静岡", "浜松", "名古屋", "豊橋",
        "津", "大津", "京都", "大阪", "堺", "神戸", "姫路", "奈良", "和歌山", "鳥取", "松江", "岡山", "倉敷", "広島", "福山",
        "山口", "徳島", "高松", "松山", "高知", "福岡", "北九州", "久留米", "佐賀", "長崎", "熊本", "大分", "宮崎", "鹿児島", "那覇"};
    private static final String[] PLACE_KANA = {"さっぽろ", "あさひかわ", "はこだて", "あおもり", "もりおか", "せんだい", "あきた",
        "やまがた", "ふくしま", "こおりやま", "みと", "つくば", "うつのみや", "まえばし", "たかさき", "さいたま", "かわごえ", "ちば",
        "ふなばし", "かしわ", "しんじゅく", "せたがや", "はちおうじ", "よこはま", "かわさき", "さがみはら", "にいがた", "とやま",
        "かなざわ", "ふくい", "こうふ", "ながの", "まつもと", "ぎふ", "しずおか", "はままつ", "なごや", "とよはし", "つ", "おおつ",
        "きょうと", "おおさか", "さかい", "こうべ", "ひめじ", "なら", "わかやま", "とっとり", "まつえ", "おかやま", "くらしき",
        "ひろしま", "ふくやま", "やまぐち", "とくしま", "たかまつ", "まつやま", "こうち", "ふくおか", "きたきゅうしゅう", "くるめ",
        "さが", "ながさき", "くまもと", "おおいた", "みやざき", "かごしま", "なは"};
    private static final String[] AREA = {"", "東", "西", "南", "北", "中央"};
    private static final String[] AREA_KANA = {"", "ひがし", "にし", "みなみ", "きた", "ちゅうおう"};
    private static final String[] KINDS = {"市立病院", "赤十字病院", "大学病院", "医療センター", "がんセンター", "総合病院",
        "済生会病院", "労災病院", "記念病院", "ホスピス", "緩和ケアクリニック", "協立病院", "中央病院", "徳洲会病院"};
    private static final String[] KINDS_KANA = {"しりつびょういん", "せきじゅうじびょういん", "だいがくびょういん", "いりょうせんたー",
        "がんせんたー", "そうごうびょういん", "さいせいかいびょういん", "ろうさいびょういん", "きねんびょういん", "ほすぴす",
        "かんわけあくりにっく", "きょうりつびょういん", "ちゅうおうびょういん", "とくしゅうかいびょういん"};

    /** {@code rows} facility rows (F1001…): 5-year 認定期間; every 6th facility has two rows (認定研修施設, then 基幹/連携). */
    static List<Facility> facilities(int year, int rows) {
        Random rnd = new Random(20260401L);
        List<Facility> out = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; out.size() < rows; i++) {
            String no = String.format(Locale.ROOT, "F%04d", 1001 + i);
            String name;
            String kana;
            do {
                int p = rnd.nextInt(PLACES.length);
                int a = rnd.nextInt(AREA.length);
                int k = rnd.nextInt(KINDS.length);
                name = PLACES[p] + AREA[a] + KINDS[k];
                kana = PLACE_KANA[p] + AREA_KANA[a] + KINDS_KANA[k];
            } while (!names.add(name));
            String type = i % 3 == 0 ? Facility.CORE : i % 3 == 1 ? Facility.AFFILIATED : Facility.ACCREDITED;
            LocalDate from = LocalDate.of(year - 4 + rnd.nextInt(5), 4, 1);
            if (i % 6 == 0 && out.size() + 2 <= rows) {
                LocalDate old = from.minusYears(5);
                out.add(new Facility(no, name, kana, Facility.ACCREDITED, old, from.minusDays(1)));
                out.add(new Facility(no, name, kana, i % 12 == 0 ? Facility.CORE : Facility.AFFILIATED, from,
                        from.plusYears(5).minusDays(1)));
            } else {
                out.add(new Facility(no, name, kana, type, from, from.plusYears(5).minusDays(1)));
            }
        }
        return out;
    }

    /**
     * {@code rows} supervisor rows (S1001…): 5-year 資格期間; every 8th supervisor has two rows (専門医, then 指導医); a
     * few names written with the ideographic space, as imported spreadsheets have them.
     */
    static List<Supervisor> supervisors(int year, int rows) {
        Random rnd = new Random(20260402L);
        String[] quals = {Supervisor.INSTRUCTOR, Supervisor.SPECIALIST, Supervisor.PROVISIONAL_INSTRUCTOR,
            Supervisor.CERTIFIED_WITH_TRAINER};
        List<Supervisor> out = new ArrayList<>();
        for (int i = 0; out.size() < rows; i++) {
            String no = String.format(Locale.ROOT, "S%04d", 1001 + i);
            int f = rnd.nextInt(FAMILY.length);
            int g = rnd.nextInt(GIVEN.length);
            String space = i % 10 == 0 ? "　" : " ";
            String name = FAMILY[f] + space + GIVEN[g];
            String kana = FAMILY_KANA[f] + space + GIVEN_KANA[g];
            LocalDate from = LocalDate.of(year - 4 + rnd.nextInt(5), 4, 1);
            if (i % 8 == 0 && out.size() + 2 <= rows) {
                out.add(new Supervisor(no, name, kana, Supervisor.SPECIALIST, from.minusYears(5), from.minusDays(1)));
                out.add(new Supervisor(no, name, kana, Supervisor.INSTRUCTOR, from, from.plusYears(5).minusDays(1)));
            } else {
                out.add(new Supervisor(no, name, kana, quals[rnd.nextInt(quals.length)], from, from.plusYears(5).minusDays(1)));
            }
        }
        return out;
    }

    private static String login(String url, String memberNo) { return BenchHttp.login(url, memberNo); }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String token, String body) {
        return BenchHttp.send(http, method, url, token, body);
    }
}
