package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.adapter.ses.SesMailer;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.adapter.http.Json;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.LocalSystem;
import jp.nintei.service.MailService;
import jp.nintei.port.Mailer;
import jp.nintei.service.PrimaryApplicationService;
import jp.nintei.service.WindowCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Issue 12's server-side rough edges, as a new user meets them through the local gateway. */
@LocalStack
class RoughEdgesTest {
    static final String SECONDARY = "/api/applications/new-secondary";
    private final LocalSystem system;
    private final int year;

    RoughEdgesTest(LocalSystem system) {
        this.system = system;
        this.year = system.demo().year();
    }

    @RegisterExtension
    final LocalClock clock = new LocalClock();

    private void at(String jst) { clock.at(year + "-" + jst); }

    private Applicant secondaryApplicant() {
        at("06-10T09:00");
        return new Applicant(system, TestMembers.withSubmittedPrimary(system, LocalDate.of(year - 6, 4, 1)));
    }

    private static ObjectNode resume(long version) {
        ObjectNode b = Json.object().put("version", version);
        b.putArray("education").addObject().put("date", "2010/4/1").put("text", "大\uFA10医科大学 医学部 入学");
        b.putArray("career").addObject().put("date", "2016-04-01").put("text", "○○病院 初期研修医");
        b.putArray("qualifications").addObject().put("date", "2016-05-01").put("text", "医師免許取得");
        b.put("experienceYears", 5);
        return b;
    }

    @Test
    void aPaperSavedWithoutItsStatusNeverLocksTheApplicantOut() {
        Applicant a = secondaryApplicant();
        ObjectNode body = Json.object().put("version", 0);
        // 掲載状況 (status) left empty, as the page lets one 登録 it
        body.putArray("items").addObject().put("kind", "ORIGINAL_ARTICLE").put("title", "緩和ケアの研究").put("authors", "試験太郎")
                .put("venue", "緩和医療学会誌 1巻").put("date", "2025-04");
        assertEquals(200, a.call("PUT", SECONDARY + "/sections/achievements", body).status());
        Http.Response read = a.call("GET", SECONDARY, null);
        assertEquals(200, read.status(), read.body());
        JsonNode problems = read.json().at("/sections/achievements/problems");
        assertTrue(problems.toString().contains("業績1：掲載済か採択済・印刷中かを選んでください。"), problems.toString());
        Http.Response submit = a.call("POST", SECONDARY + "/submit", Json.object().put("version", read.json().get("version").asLong()));
        assertEquals(422, submit.status(), submit.body());
    }

    @Test
    void wrongJsonShapesAre400AndNothingChanges() {
        Applicant a = secondaryApplicant();
        assertEquals(200, a.call("PUT", SECONDARY + "/sections/resume", resume(0)).status());
        JsonNode before = a.get(SECONDARY);
        long v = before.get("version").asLong();
        List<ObjectNode> bad = new ArrayList<>();
        bad.add(resume(v).put("education", "○○大学"));
        ObjectNode objectRows = resume(v);
        objectRows.putObject("career").put("date", "2016-04-01");
        bad.add(objectRows);
        ObjectNode stringRow = resume(v);
        ((ArrayNode) stringRow.get("qualifications")).add("医師免許");
        bad.add(stringRow);
        ObjectNode listText = resume(v);
        ((ObjectNode) listText.get("education").get(0)).putArray("text").add("入学");
        bad.add(listText);
        ObjectNode missing = resume(v);
        missing.remove("career");
        bad.add(missing);
        for (ObjectNode b : bad) {
            Http.Response r = a.call("PUT", SECONDARY + "/sections/resume", b);
            assertEquals(400, r.status(), b + " → " + r.body());
            assertEquals("BAD_SHAPE", r.json().get("code").asString());
        }
        for (String section : List.of("training", "achievements")) {
            String list = section.equals("training") ? "entries" : "items";
            Http.Response r = a.call("PUT", SECONDARY + "/sections/" + section, Json.object().put("version", v).put(list, "x"));
            assertEquals(400, r.status(), r.body());
            ObjectNode obj = Json.object().put("version", v);
            obj.putObject(list);
            assertEquals(400, a.call("PUT", SECONDARY + "/sections/" + section, obj).status());
        }
        ObjectNode identity = Json.object().put("version", v);
        identity.putObject("licenseId").put("id", "x");
        assertEquals(400, a.call("PUT", SECONDARY + "/sections/identity", identity).status());
        assertEquals(400, a.call("PUT", SECONDARY, Json.object().put("version", v).put("july", "all")).status());
        JsonNode after = a.get(SECONDARY);
        assertEquals(v, after.get("version").asLong(), "nothing was saved");
        assertEquals(before.at("/sections/resume/data"), after.at("/sections/resume/data"));
        assertEquals("大\uFA10医科大学 医学部 入学", after.at("/sections/resume/data/education/0/text").asString(),
                "free text is stored as typed: 塚 (U+FA10) stays");

        // 一次申請: a text or an object where the list of 希望地 belongs
        at("04-10T09:00");
        Applicant p = new Applicant(system, TestMembers.create(system, false));
        assertEquals(200, p.save(0, "13", "14", "11").status());
        for (ObjectNode b : List.of(Json.object().put("version", 1).put("preferences", "13"),
                Json.object().put("version", 1).set("preferences", Json.object().put("0", "13")))) {
            Http.Response r = p.call("PUT", Applicant.APP, (ObjectNode) b);
            assertEquals(400, r.status(), r.body());
            assertEquals("BAD_SHAPE", r.json().get("code").asString());
        }
        assertEquals(List.of("13", "14", "11"), p.read().get("preferences").valueStream().map(JsonNode::asString).toList());
    }

    @Test
    void monthsAndDatesOutsidePlausibleRangesAreRefused() {
        Applicant a = secondaryApplicant();
        for (String[] fromTo : new String[][] {{"999999999-12", year + "-03"}, {(year - 2) + "-04", "999999999-12"},
                {"0001-01", year + "-03"}, {(year - 2) + "-04", (year + 5) + "-01"}}) {
            ObjectNode b = Json.object().put("version", 0);
            b.putArray("entries").addObject().put("category", "基幹施設（新制度）").put("from", fromTo[0]).put("to", fromTo[1]);
            Http.Response r = a.call("PUT", SECONDARY + "/sections/training", b);
            assertEquals(400, r.status(), String.join("～", fromTo) + " → " + r.body());
            assertEquals("MONTH_OUT_OF_RANGE", r.json().get("code").asString());
        }
        for (String date : List.of("0001-01-01", "1899-04-01")) {
            ObjectNode b = resume(0);
            ((ObjectNode) b.get("education").get(0)).put("date", date);
            Http.Response r = a.call("PUT", SECONDARY + "/sections/resume", b);
            assertEquals(400, r.status(), date + " → " + r.body());
            assertEquals("DATE_TOO_EARLY", r.json().get("code").asString());
            assertEquals("education[0].date", r.json().get("field").asString());
        }
    }

    @Test
    void theLosingRequestOfADoubleSubmitAnswersTheTrueMailState() throws Exception {
        at("04-10T09:00");
        Applicant a = new Applicant(system, TestMembers.create(system, false));
        a.save(0, "13", "14", "11");
        a.upload("振込控え （4月）.pdf", "application/pdf", Samples.pdf());
        JsonNode draft = a.read();
        assertEquals("振込控え （4月）.pdf", draft.at("/documents/0/fileName").asString(), "the file name is kept as typed");
        long version = draft.get("version").asLong();
        try (DynamoDbClient dynamo = AwsClients.dynamoDb()) {
            DynamoApplicationStore store = new DynamoApplicationStore(dynamo, Bootstrap.TABLE);
            Mailer ses = new SesMailer(AwsClients.ses(), Bootstrap.SENDER, null);
            // SES takes its time: the losing request reads the item while the winner is still sending
            Mailer slow = mail -> {
                try {
                    Thread.sleep(600);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ses.send(mail);
            };
            PrimaryApplicationService service = new PrimaryApplicationService(store, new MailService(store, slow, AppClock.process()),
                    new WindowCache(store::windows, java.time.Clock.systemUTC()), AppClock.process());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<PrimaryApplicationService.View>> both = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    both.add(pool.submit(() -> {
                        start.await();
                        return service.submit(a.member.memberNo(), ApplicationKind.NEW_PRIMARY, version);
                    }));
                }
                start.countDown();
                for (Future<PrimaryApplicationService.View> f : both) assertEquals(Boolean.TRUE, f.get().mailSent());
            } finally {
                pool.shutdownNow();
            }
        }
        List<JsonNode> mails = SesStore.mailsTo(system, a.member.email());
        assertEquals(1, mails.size());
        String mail = mails.get(0).toString();
        assertFalse(mail.contains("メールID"), "the mail id is in the header only: " + mail);
        assertTrue(mail.contains("振込控え （4月）.pdf"), mail);
    }
}
