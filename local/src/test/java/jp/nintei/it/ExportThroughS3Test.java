package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import jp.nintei.adapter.http.Json;
import jp.nintei.local.LocalSystem;
import jp.nintei.local.faults.Faults;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The CSV export is built into S3 and handed back as a short-lived link; it is complete or it is an error. */
@LocalStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportThroughS3Test {
    private final LocalSystem system;
    private final int year;

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    private final String staff;

    ExportThroughS3Test(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year();
        this.staff = InApril.secretariatSignedIn(system, clock);
    }

    @AfterEach
    void faultsOff() { Faults.clear(); }

    private Http.Response build(String id) {
        return Http.send("POST", system.gateway().url() + "/api/admin/exports", staff,
                Json.write(Json.object().put("id", id).put("year", year).put("application", "new-primary")));
    }

    private int submittedCount() {
        JsonNode list = Http.get(system.gateway().url() + "/api/admin/applications?year=" + year + "&application=new-primary", staff).json();
        return list.at("/counts/ALL").asInt();
    }

    private static HttpResponse<byte[]> download(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theExportIsWrittenToS3AndHandedBackAsAShortLivedLinkWithEveryRow() throws Exception {
        String id = UUID.randomUUID().toString();
        Http.Response r = build(id);
        assertEquals(200, r.status(), r.body());
        JsonNode job = r.json();
        assertEquals("READY", job.get("status").asString());
        String url = job.get("url").asString();
        assertTrue(url.contains("/exports/" + year + "/" + id + ".csv") && url.contains("X-Amz-Expires=300"), url);
        assertTrue(r.body().length() < 4096, "the answer is a link, never the file");

        HttpResponse<byte[]> file = download(url);
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("content-disposition").orElse("").startsWith("attachment"));
        String csv = new String(file.body(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"), "a BOM so that Excel reads UTF-8");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertEquals(submittedCount(), records.size(), "one row per application");
        assertEquals(records.size(), job.get("rows").asInt());
        assertEquals(file.body().length, job.get("bytes").asLong());

        // the page asks again (e.g. after a reload): the same job, a fresh link, no second file
        JsonNode again = Http.get(system.gateway().url() + "/api/admin/exports/" + id, staff).json();
        assertEquals("READY", again.get("status").asString());
        assertEquals(200, download(again.get("url").asString()).statusCode());
        JsonNode sameRequest = build(id).json();
        assertEquals("READY", sameRequest.get("status").asString());
        assertEquals(job.get("bytes").asLong(), sameRequest.get("bytes").asLong());

        // an applicant cannot see or start exports
        Applicant a = new Applicant(system, TestMembers.create(system, false));
        assertEquals(403, a.call("GET", "/api/admin/exports/" + id, null).status());
        assertNotEquals(200, Http.send("POST", system.gateway().url() + "/api/admin/exports", a.token,
                Json.write(Json.object().put("id", UUID.randomUUID().toString()))).status());
    }

    @Test
    void aBadJobIdIs400AndAnUnknownOne404InJapanese() {
        Http.Response bad = build("../../etc");
        assertEquals(400, bad.status());
        assertEquals("BAD_EXPORT_ID", bad.json().get("code").asString());
        Http.Response unknown = Http.get(system.gateway().url() + "/api/admin/exports/" + UUID.randomUUID(), staff);
        assertEquals(404, unknown.status());
        assertTrue(unknown.json().get("message").asString().contains("CSVを作成"));
    }

    @Test
    void whenDynamoDbLeavesKeysUnprocessedOnEveryTryTheExportIsAnErrorNeverAShortFile() {
        String id = UUID.randomUUID().toString();
        try (var f = Faults.on(Faults.dynamo("BatchGetItem", Faults.Kind.UNPROCESSED))) {
            Http.Response r = build(id);
            assertEquals(503, r.status(), r.body());
            assertTrue(r.json().get("message").asString().contains("失われていません"));
            // and the direct download (small years) the same: never 200 with rows missing
            Http.Response direct = Http.get(system.gateway().url() + "/api/admin/export?year=" + year + "&application=new-primary", staff);
            assertEquals(503, direct.status(), direct.body().length() > 300 ? direct.body().substring(0, 300) : direct.body());
        }
        JsonNode job = Http.get(system.gateway().url() + "/api/admin/exports/" + id, staff).json();
        assertEquals("FAILED", job.get("status").asString());
        assertTrue(job.get("message").asString().contains("もう一度"));
    }

    @Test
    void keysUnprocessedAFewTimesAreRetriedAndTheExportIsComplete() throws Exception {
        try (var f = Faults.on(Faults.dynamo("BatchGetItem", Faults.Kind.UNPROCESSED).times(6))) {
            Http.Response r = build(UUID.randomUUID().toString());
            assertEquals(200, r.status(), r.body());
            assertEquals(submittedCount(), r.json().get("rows").asInt());
            assertEquals(6, f.hits());
        }
    }

    @Test
    void aJobStartTheSdkRetriedAfterItLandedStillBuildsTheFile() {
        String id = UUID.randomUUID().toString();
        try (var f = Faults.on(Faults.dynamo("PutItem", Faults.Kind.LATE_ANSWER_AFTER_WRITE).about("EXPORT#" + id).times(1))) {
            Http.Response r = build(id);
            assertEquals(1, f.hits());
            assertEquals(200, r.status(), r.body());
            assertEquals("READY", r.json().get("status").asString(), "not a job left BUILDING forever");
        }
    }
}
