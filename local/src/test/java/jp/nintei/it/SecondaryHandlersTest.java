package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.adapter.dynamo.DynamoDirectoryStore;
import jp.nintei.adapter.dynamo.Keys;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.ApplicationKind;
import jp.nintei.functions.directory.DirectoryHandler;
import jp.nintei.functions.secondary.SecondaryHandler;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.LocalSystem;
import jp.nintei.service.DirectoryCache;
import jp.nintei.service.MailService;
import jp.nintei.service.SecondaryApplicationService;
import jp.nintei.service.WindowCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/** 二次申請 and directory handlers from their events/ fixtures, counting DynamoDB requests per route. */
@LocalStack
class SecondaryHandlersTest {
    static final AtomicInteger REQUESTS = new AtomicInteger();
    static final DynamoDbClient DYNAMO = AwsClients.dynamoDb(new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
            REQUESTS.incrementAndGet();
        }
    });

    private final SecondaryHandler secondary;
    private final DirectoryHandler directory;
    private final String memberNo;
    private final int year;

    SecondaryHandlersTest(LocalSystem system) {
        this.year = system.demo().year();
        Clock june = LocalClock.fixedAt(year + "-06-12T12:00");
        var store = new DynamoApplicationStore(DYNAMO, Bootstrap.TABLE);
        var cache = new DirectoryCache(new DynamoDirectoryStore(DYNAMO, Bootstrap.TABLE)::loadAll, Clock.systemUTC());
        this.secondary = new SecondaryHandler(new SecondaryApplicationService(store, store, new MailService(store, m -> { }, june),
                new WindowCache(store::windows, Clock.systemUTC()), cache, june), cache);
        this.directory = new DirectoryHandler(cache);
        this.memberNo = TestMembers.withSubmittedPrimary(system, LocalDate.of(year - 6, 4, 1)).memberNo();
    }

    @AfterAll
    static void close() { DYNAMO.close(); }

    private APIGatewayV2HTTPEvent fixture(String name) { return Fixtures.forMember(name, memberNo); }

    private static JsonNode body(APIGatewayV2HTTPResponse r) { return Json.parse(r.getBody()); }

    @Test
    void readSaveAndSearchCostOneRequestOrNone() {
        assertEquals(200, secondary.handleRequest(fixture("get-api-applications-new-secondary.json"), null).getStatusCode());
        REQUESTS.set(0);
        APIGatewayV2HTTPResponse read = secondary.handleRequest(fixture("get-api-applications-new-secondary.json"), null);
        assertEquals(200, read.getStatusCode(), read.getBody());
        assertEquals(1, REQUESTS.get(), "GET /api/applications/new-secondary");

        // the first save creates the item after checking access; later saves are one conditional update
        APIGatewayV2HTTPResponse first = secondary.handleRequest(fixture("put-api-applications-new-secondary-sections-section.json"), null);
        assertEquals(200, first.getStatusCode(), first.getBody());
        APIGatewayV2HTTPEvent again = fixture("put-api-applications-new-secondary-sections-section.json");
        again.setBody(Json.write(Json.parseObject(again.getBody()).put("version", body(first).get("version").asLong())));
        REQUESTS.set(0);
        APIGatewayV2HTTPResponse second = secondary.handleRequest(again, null);
        assertEquals(200, second.getStatusCode(), second.getBody());
        assertEquals(1, REQUESTS.get(), "PUT /api/applications/new-secondary/sections/{section}");

        JsonNode resume = body(secondary.handleRequest(fixture("get-api-applications-new-secondary.json"), null)).at("/sections/resume");
        assertEquals("2010-04-01", resume.at("/data/education/0/date").asString());
        assertEquals("2016-03-31", resume.at("/data/education/1/date").asString()); // 平成28年3月31日
        assertEquals(5, resume.at("/data/experienceYears").asInt()); // ５年
        assertTrue(resume.get("complete").asBoolean(), resume.toString());

        directory.handleRequest(fixture("get-api-directory-facilities.json"), null);
        REQUESTS.set(0);
        APIGatewayV2HTTPResponse f = directory.handleRequest(fixture("get-api-directory-facilities.json"), null);
        APIGatewayV2HTTPResponse s = directory.handleRequest(fixture("get-api-directory-supervisors.json"), null);
        assertEquals(0, REQUESTS.get(), "searches are answered from the container's directory");
        assertTrue(body(f).get("items").valueStream().anyMatch(x -> x.get("name").asString().startsWith("札幌")));
        assertTrue(body(s).get("items").valueStream().allMatch(x -> x.get("kana").asString().startsWith("さとう")), s.getBody());
    }

    @Test
    void theYearsRequiredNumberOfAchievementsIsASetting() {
        var key = Keys.key(Keys.window(year), Keys.window(year));
        try {
            DYNAMO.updateItem(u -> u.tableName(Bootstrap.TABLE).key(key).updateExpression("SET #r = :two")
                    .expressionAttributeNames(Map.of("#r", DynamoApplicationStore.REQUIRED_ACHIEVEMENTS))
                    .expressionAttributeValues(Map.of(":two", AttributeValue.fromN("2"))));
            JsonNode view = body(secondary.handleRequest(fixture("get-api-applications-new-secondary.json"), null));
            assertTrue(view.at("/sections/achievements/problems").toString().contains("業績を2件以上登録してください。"), view.toString());
        } finally {
            DYNAMO.updateItem(u -> u.tableName(Bootstrap.TABLE).key(key).updateExpression("REMOVE #r")
                    .expressionAttributeNames(Map.of("#r", DynamoApplicationStore.REQUIRED_ACHIEVEMENTS)));
        }
    }

    /**
     * The item is ours: a section stored in a shape the store's mapping cannot read is a server fault (500, logged),
     * never answered as if the applicant's request were malformed (400 BAD_JSON / BAD_MONTH).
     */
    @Test
    void aStoredSectionThatCannotBeReadIsAServerFaultNotTheApplicantsMistake() {
        APIGatewayV2HTTPResponse first = secondary.handleRequest(fixture("put-api-applications-new-secondary-sections-section.json"), null);
        assertEquals(200, first.getStatusCode(), first.getBody());
        var key = Keys.key(Keys.member(memberNo), Keys.application(year, ApplicationKind.NEW_SECONDARY));
        try {
            for (String stored : new String[] {"{not json", "[{\"from\":\"2023年4月\"}]"}) {
                DYNAMO.updateItem(u -> u.tableName(Bootstrap.TABLE).key(key).updateExpression("SET #t = :t")
                        .expressionAttributeNames(Map.of("#t", "s2Training"))
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(stored))));
                APIGatewayV2HTTPResponse read = secondary.handleRequest(fixture("get-api-applications-new-secondary.json"), null);
                assertEquals(500, read.getStatusCode(), stored + " → " + read.getBody());
                assertEquals("INTERNAL_ERROR", body(read).get("code").asString());
            }
        } finally {
            // the other tests of this class read the same member: leave no unreadable section behind
            DYNAMO.updateItem(u -> u.tableName(Bootstrap.TABLE).key(key).updateExpression("REMOVE #t")
                    .expressionAttributeNames(Map.of("#t", "s2Training")));
        }
    }
}
