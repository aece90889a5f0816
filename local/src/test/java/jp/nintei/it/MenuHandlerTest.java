package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.Messages;
import jp.nintei.functions.menu.MenuHandler;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.LocalSystem;
import jp.nintei.service.MyPageService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;

/** GET /api/me driven by events/get-api-me.json against dynalite with the demo data, at chosen moments (JST). */
@LocalStack
class MenuHandlerTest {
    static final AtomicInteger DYNAMO_REQUESTS = new AtomicInteger();
    static final DynamoDbClient DYNAMO = AwsClients.dynamoDb(new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            DYNAMO_REQUESTS.incrementAndGet();
        }
    });

    private final int year;

    MenuHandlerTest(LocalSystem system) {
        this.year = system.demo().year();
    }

    @AfterAll
    static void closeClient() { DYNAMO.close(); }

    private static MenuHandler handlerAt(String jst) {
        return new MenuHandler(new MyPageService(new DynamoMemberStore(DYNAMO, Bootstrap.TABLE),
                LocalClock.fixedAt(jst)));
    }

    static APIGatewayV2HTTPEvent eventFor(String memberNo) {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/get-api-me.json");
        if (memberNo == null) {
            e.getRequestContext().setAuthorizer(null);
        } else {
            Map<String, String> claims = new HashMap<>(e.getRequestContext().getAuthorizer().getJwt().getClaims());
            claims.put("cognito:username", memberNo);
            e.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        }
        return e;
    }

    private JsonNode me(String memberNo, String jst) {
        APIGatewayV2HTTPResponse r = handlerAt(jst).handleRequest(eventFor(memberNo), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        return Json.parse(r.getBody());
    }

    private static JsonNode entry(JsonNode me, String kind) {
        for (JsonNode e : me.get("menu")) if (kind.equals(e.get("kind").asString())) return e;
        throw new AssertionError("no menu entry " + kind);
    }

    private String primaryWindow() { return "受付期間：" + year + "年4月1日 0:00 ~ " + year + "年4月30日 23:59"; }

    private String secondaryWindow() { return "受付期間：" + year + "年6月1日 0:00 ~ " + year + "年6月30日 23:59"; }

    @Test
    void freshApplicantInAprilSeesThePrimaryWindowAsALinkAndTheReasonsElsewhere() {
        JsonNode me = me("10000001", year + "-04-10T09:00:00");
        assertEquals("緩和 一郎", me.at("/applicant/name").asString());
        assertEquals("かんわ いちろう", me.at("/applicant/kana").asString());
        assertEquals("10000001", me.at("/applicant/memberNo").asString());
        assertEquals("ichiro@example.jp", me.at("/applicant/email").asString());
        JsonNode primary = entry(me, "new-primary");
        assertEquals("専門医新規申請（一次申請）", primary.get("label").asString());
        assertTrue(primary.get("usable").asBoolean());
        assertEquals(primaryWindow(), primary.get("text").asString());
        assertEquals(Messages.SECONDARY_UNAVAILABLE, entry(me, "new-secondary").get("text").asString());
        assertEquals(Messages.NOT_SPECIALIST, entry(me, "renewal").get("text").asString());
        assertEquals(primaryWindow(), entry(me, "transition-primary").get("text").asString());
        assertEquals(5, me.get("menu").size());
    }

    @Test
    void primarySubmittedInJuneOpensTheSecondary() {
        JsonNode me = me("10000002", year + "-06-10T09:00:00");
        assertEquals("SUBMITTED", entry(me, "new-primary").get("state").asString());
        assertEquals("申請済みです。", entry(me, "new-primary").get("text").asString());
        JsonNode secondary = entry(me, "new-secondary");
        assertTrue(secondary.get("usable").asBoolean());
        assertEquals(secondaryWindow(), secondary.get("text").asString());
        // 移行 has its own primary: not submitted, so its secondary stays closed
        assertEquals(Messages.SECONDARY_UNAVAILABLE, entry(me, "transition-secondary").get("text").asString());
    }

    @Test
    void withoutAPrimaryTheSecondaryStaysClosedInJune() {
        JsonNode me = me("10000001", year + "-06-10T09:00:00");
        assertFalse(entry(me, "new-secondary").get("usable").asBoolean());
        assertEquals(Messages.SECONDARY_UNAVAILABLE, entry(me, "new-secondary").get("text").asString());
        assertEquals(Messages.OUT_OF_WINDOW, entry(me, "new-primary").get("text").asString());
    }

    @Test
    void windowEdgesAreJudgedInJapanTime() {
        assertTrue(entry(me("10000001", year + "-04-30T23:59:59"), "new-primary").get("usable").asBoolean());
        assertFalse(entry(me("10000001", year + "-05-01T00:00:00"), "new-primary").get("usable").asBoolean());
        assertFalse(entry(me("10000001", year + "-03-31T23:59:59"), "new-primary").get("usable").asBoolean());
        assertTrue(entry(me("10000001", year + "-04-01T00:00:00"), "new-primary").get("usable").asBoolean());
    }

    @Test
    void lapsedAndActiveSpecialistsMayRenewInsideTheWindow() {
        assertTrue(entry(me("10000005", year + "-04-10T09:00:00"), "renewal").get("usable").asBoolean());
        assertTrue(entry(me("10000010", year + "-04-10T09:00:00"), "renewal").get("usable").asBoolean());
        assertEquals(Messages.OUT_OF_WINDOW, entry(me("10000005", year + "-11-25T09:00:00"), "renewal").get("text").asString());
    }

    @Test
    void anUnknownMemberGetsA404WithAJapaneseMessage() {
        APIGatewayV2HTTPResponse r = handlerAt(year + "-04-10T09:00:00").handleRequest(eventFor("99999999"), null);
        assertEquals(404, r.getStatusCode());
        JsonNode body = Json.parse(r.getBody());
        assertEquals("MEMBER_NOT_FOUND", body.get("code").asString());
        assertEquals(Messages.MEMBER_NOT_FOUND, body.get("message").asString());
    }

    @Test
    void withoutVerifiedClaimsTheAnswerIs401() {
        APIGatewayV2HTTPResponse r = handlerAt(year + "-04-10T09:00:00").handleRequest(eventFor(null), null);
        assertEquals(401, r.getStatusCode());
        assertEquals("UNAUTHORIZED", Json.parse(r.getBody()).get("code").asString());
    }

    @Test
    void thePageCostsExactlyOneDynamoDbRequest() {
        MenuHandler handler = handlerAt(year + "-06-10T09:00:00");
        handler.handleRequest(eventFor("10000002"), null); // warm-up
        DYNAMO_REQUESTS.set(0);
        APIGatewayV2HTTPResponse r = handler.handleRequest(eventFor("10000002"), null);
        assertEquals(200, r.getStatusCode());
        assertEquals(1, DYNAMO_REQUESTS.get());
    }

    @Test
    void theNoArgConstructorWiresTheRealClientsFromSettings() {
        APIGatewayV2HTTPResponse r = new MenuHandler().handleRequest(eventFor("10000003"), null);
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("緩和 三子", Json.parse(r.getBody()).at("/applicant/name").asString());
        assertEquals("no-store", r.getHeaders().get("Cache-Control"));
    }
}
