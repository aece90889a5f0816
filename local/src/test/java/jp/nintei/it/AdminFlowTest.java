package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.nintei.adapter.http.Json;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The secretariat's day through the gateway: list and counts, one application, export, import, windows, audit. */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminFlowTest {
    private final LocalSystem system;
    private final int year;

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    private final String staff;

    AdminFlowTest(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year();
        this.staff = InApril.secretariatSignedIn(system, clock);
    }

    private Http.Response get(String path) { return Http.get(system.gateway().url() + path, staff); }

    @Test
    void listWithCountsDetailWithDocumentsAndAnExportThatReadsBack() throws Exception {
        Applicant a = new Applicant(system, TestMembers.create(system, false));
        assertEquals(200, a.save(0, "13", "27", "40").status());
        a.upload("振込=控え.pdf", "application/pdf", Samples.pdf());
        Http.Response submitted = a.submit(a.read().get("version").asLong());
        assertEquals(200, submitted.status(), submitted.body());

        JsonNode list = get("/api/admin/applications?year=" + year + "&application=new-primary&status=SUBMITTED").json();
        assertTrue(list.at("/counts/SUBMITTED").asInt() >= 7, list.get("counts").toString()); // 6 demo members + this one
        List<String> times = list.get("rows").valueStream().map(r -> r.get("submittedAt").asString()).toList();
        assertEquals(times.stream().sorted(java.util.Comparator.reverseOrder()).toList(), times, "newest submission first");
        JsonNode mine = list.get("rows").valueStream().filter(r -> r.get("memberNo").asString().equals(a.member.memberNo()))
                .findFirst().orElseThrow();
        assertEquals(a.member.name(), mine.get("name").asString());
        assertEquals("申請済", mine.get("statusLabel").asString());

        JsonNode detail = get("/api/admin/applications/new-primary/" + a.member.memberNo() + "?year=" + year).json();
        assertEquals(List.of("東京都", "大阪府", "福岡県"), detail.get("preferences").valueStream().map(JsonNode::asString).toList());
        String url = detail.at("/documents/0/url").asString();
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertTrue(new String(file.body(), StandardCharsets.US_ASCII).startsWith("%PDF-"));

        Http.Response export = get("/api/admin/export?year=" + year + "&application=new-primary");
        assertEquals(200, export.status());
        assertTrue(export.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertTrue(export.body().startsWith("\uFEFF"), "a BOM so that Excel reads UTF-8");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(export.body().substring(1))).getRecords();
        Map<String, CSVRecord> byMember = records.stream().collect(Collectors.toMap(r -> r.get("会員番号"), r -> r));
        CSVRecord row = byMember.get(a.member.memberNo());
        assertEquals(a.member.name(), row.get("氏名"));
        assertEquals("申請済", row.get("状態"));
        assertEquals("東京都", row.get("第一希望"));
        assertEquals("振込=控え.pdf", row.get("申請料支払い控え"), "a name in the middle is left alone");
        assertEquals(Samples.sha256(Samples.pdf()), row.get("SHA-256"));
        assertEquals("送信済", row.get("確認メール"));
        assertTrue(byMember.containsKey("10000002"), "demo submissions are exported too");

        // the demo's submitted applications carry a real receipt the secretariat can open
        JsonNode demo = get("/api/admin/applications/new-primary/10000002?year=" + year).json();
        HttpResponse<byte[]> receipt = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(demo.at("/documents/0/url").asString())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, receipt.statusCode());
        assertTrue(new String(receipt.body(), StandardCharsets.US_ASCII).startsWith("%PDF-"));
    }

    @Test
    void importingMembersReportsEveryBadRowAndIsIdempotent() throws Exception {
        String csv = "会員番号,氏名,ふりがな,メールアドレス,入会日,会費納入年度,セミナー受講,承認済症例数,症例報告書免除,筆記試験免除,専門医\r\n"
                + "５０００００01,取込 一郎,とりこみ いちろう,Ichiro.Import@example.jp,平成30年4月1日,\"" + (year - 1) + "," + year + "\",有,21,,,\r\n"
                + "50000002,取込 二郎,とりこみ じろう,not-an-address,2018/4/1,,無,0,,,\r\n"
                + "50000001,取込 重複,とりこみ,dup@example.jp,2018-04-01,,,,,,\r\n"
                + "=HYPERLINK(\"x\"),悪意,あくい,x@example.jp,2018-04-01,,,,,,\r\n"
                + "50000003,取込 三郎,とりこみ さぶろう,ichiro.import@example.jp,2018-04-01,,,,,,\r\n";
        byte[] sjis = csv.getBytes(Charset.forName("windows-31j"));
        Http.Response r = upload(sjis);
        assertEquals(200, r.status(), r.body());
        JsonNode report = r.json();
        assertEquals("Shift_JIS (CP932)", report.get("encoding").asString());
        assertEquals(5, report.get("rows").asInt());
        assertEquals(1, report.get("accepted").asInt());
        assertEquals(1, report.get("updated").asInt());
        assertEquals(1, report.get("accountsQueued").asInt());
        List<Integer> lines = report.get("rejected").valueStream().map(x -> x.get("line").asInt()).toList();
        assertEquals(List.of(3, 4, 5, 6), lines);
        assertTrue(report.at("/rejected/3/reason").asString().contains("2行目の会員と同じです"), report.toString());
        assertTrue(report.at("/rejected/0/reason").asString().contains("メールアドレス"), report.toString());
        assertTrue(report.at("/rejected/1/reason").asString().contains("重複"), report.toString());

        // the imported member's requirements read the new record
        JsonNode member = get("/api/admin/applications/new-primary/50000001?year=" + year).json();
        assertEquals("APPLICATION_NOT_FOUND", member.get("code").asString(), "a member without an application: 404 with a reason");

        // re-importing the same file changes nothing
        JsonNode again = upload(sjis).json();
        assertEquals(0, again.get("updated").asInt());
        assertEquals(1, again.get("unchanged").asInt());
        assertEquals(0, again.get("accountsQueued").asInt());

        // the accounts schedule creates the queued sign-in account and mails the invitation (a one-time 仮パスワード)
        var runner = system.schedules();
        runner.fire(runner.schedules().stream().filter(s -> s.function().equals("AccountsFunction")).findFirst().orElseThrow());
        try (var cognito = jp.nintei.adapter.aws.AwsClients.cognito()) {
            var user = cognito.adminGetUser(b -> b.userPoolId(system.identity().userPoolId()).username("50000001"));
            assertTrue(user.userAttributes().stream().anyMatch(a -> a.name().equals("email") && a.value().equals("ichiro.import@example.jp")),
                    user.userAttributes().toString());
        }

        // UTF-8 with a BOM, as Excel saves "CSV UTF-8"; a missing column is one clear line
        byte[] noColumn = ("\uFEFF会員番号,氏名\r\n50000009,欠け\r\n").getBytes(StandardCharsets.UTF_8);
        JsonNode missing = upload(noColumn).json();
        assertEquals("UTF-8 (BOM)", missing.get("encoding").asString());
        assertEquals(0, missing.get("accepted").asInt());
        assertEquals(1, missing.at("/rejected/0/line").asInt());
        assertTrue(missing.at("/rejected/0/reason").asString().contains("入会日"));

        JsonNode audit = get("/api/admin/audit?date=" + year + "-04-20").json();
        assertTrue(audit.get("entries").valueStream().anyMatch(e -> e.get("action").asString().equals("MEMBERS_IMPORTED")
                && e.get("actor").asString().equals(DemoData.SECRETARIAT_NO)));
    }

    @Test
    void changingAWindowIsAuditedAndTheMenuFollows() {
        JsonNode before = get("/api/admin/windows/" + year).json();
        assertEquals(year + "-04-30", before.at("/primary/closes").asString());
        try {
            Http.Response bad = Http.send("PUT", system.gateway().url() + "/api/admin/windows/" + year, staff,
                    Json.write(Json.object().put("primaryOpens", year + "-05-01").put("primaryCloses", year + "-04-01")));
            assertEquals(400, bad.status());
            Http.Response changed = Http.send("PUT", system.gateway().url() + "/api/admin/windows/" + year, staff,
                    Json.write(Json.object().put("primaryCloses", year + "年4月15日")));
            assertEquals(200, changed.status(), changed.body());
            assertEquals("受付期間：" + year + "年4月1日 0:00 ~ " + year + "年4月15日 23:59", changed.json().at("/primary/label").asString());
            // it is April 20 for the demo: 一次申請 is now closed for everyone
            String token = "Bearer " + Http.idToken(system.gateway().url(), "10000003", DemoData.PASSWORD);
            assertEquals("受付期間外です。", Http.get(system.gateway().url() + "/api/me", token).json().at("/menu/0/text").asString());
            JsonNode audit = get("/api/admin/audit?date=" + year + "-04-20").json();
            JsonNode entry = audit.get("entries").valueStream().filter(e -> e.get("action").asString().equals("WINDOWS_CHANGED"))
                    .findFirst().orElseThrow();
            assertTrue(entry.get("before").asString().contains("4月30日") && entry.get("after").asString().contains("4月15日"));
        } finally {
            Http.send("PUT", system.gateway().url() + "/api/admin/windows/" + year, staff,
                    Json.write(Json.object().put("primaryCloses", year + "-04-30")));
        }
    }

    @Test
    void facilitiesAndSupervisorsImportIntoTheDirectory() throws Exception {
        String csv = "認定番号,施設名称,ふりがな,認定種別,認定開始日,認定終了日\r\n"
                + "F9001,取込市民病院,とりこみしみんびょういん,基幹施設,2024/4/1,2029/3/31\r\n"
                + "F9002,逆転病院,ぎゃくてんびょういん,連携施設,2029/4/1,2024/3/31\r\n";
        JsonNode r = upload("facilities", csv.getBytes(Charset.forName("windows-31j"))).json();
        assertEquals(1, r.get("accepted").asInt(), r.toString());
        assertEquals(3, r.at("/rejected/0/line").asInt());
        try (var dynamo = jp.nintei.adapter.aws.AwsClients.dynamoDb()) {
            var d = new jp.nintei.adapter.dynamo.DynamoDirectoryStore(dynamo, jp.nintei.local.Bootstrap.TABLE).loadAll();
            assertEquals("基幹施設（新制度）", d.facilityRows("F9001").get(0).type());
            assertEquals(1, d.searchFacilities("とりこみ", 10).size());
        }
        assertEquals(404, upload("nothing", "a".getBytes(StandardCharsets.UTF_8)).status());
    }

    private Http.Response upload(byte[] file) throws Exception { return upload("members", file); }

    private Http.Response upload(String what, byte[] file) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(system.gateway().url() + "/api/admin/imports/" + what))
                .header("Authorization", staff).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Response(r.statusCode(), r.headers(), r.body());
    }
}
