package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.adapter.http.Json;
import jp.nintei.adapter.s3.S3DocumentStorage;
import jp.nintei.domain.Messages;
import jp.nintei.functions.documents.DocumentsHandler;
import jp.nintei.functions.primary.PrimaryHandler;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.LocalSystem;
import jp.nintei.service.DocumentService;
import jp.nintei.service.MailService;
import jp.nintei.service.PrimaryApplicationService;
import jp.nintei.service.WindowCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;

/** The 一次申請 and document handlers driven by their events/ fixtures, counting DynamoDB requests. */
@LocalStack
class PrimaryHandlersTest {
    static final AtomicInteger REQUESTS = new AtomicInteger();
    static final DynamoDbClient DYNAMO = AwsClients.dynamoDb(new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
            REQUESTS.incrementAndGet();
        }
    });

    private final PrimaryHandler primary;
    private final DocumentsHandler documents;
    private final String memberNo;

    PrimaryHandlersTest(LocalSystem system) {
        Clock april = LocalClock.fixedAt(system.demo().year() + "-04-15T12:00");
        var store = new DynamoApplicationStore(DYNAMO, Bootstrap.TABLE);
        var windows = new WindowCache(store::windows, Clock.systemUTC());
        var mail = new MailService(store, m -> { }, april);
        this.primary = new PrimaryHandler(new PrimaryApplicationService(store, mail, windows, april));
        this.documents = new DocumentsHandler(new DocumentService(store,
                new S3DocumentStorage(AwsClients.s3(), S3DocumentStorage.presigner(), Bootstrap.DOCUMENTS_BUCKET), windows, april));
        this.memberNo = TestMembers.create(system, false).memberNo();
    }

    @AfterAll
    static void close() { DYNAMO.close(); }

    private APIGatewayV2HTTPEvent fixture(String name) { return Fixtures.forMember(name, memberNo); }

    private static JsonNode body(APIGatewayV2HTTPResponse r) { return Json.parse(r.getBody()); }

    @Test
    void readAndSaveCostOneDynamoDbRequestEach() {
        APIGatewayV2HTTPResponse read = primary.handleRequest(fixture("get-api-applications-application.json"), null);
        assertEquals(200, read.getStatusCode(), read.getBody());

        REQUESTS.set(0);
        primary.handleRequest(fixture("get-api-applications-application.json"), null);
        assertEquals(1, REQUESTS.get(), "GET /api/applications/{application}");

        REQUESTS.set(0);
        APIGatewayV2HTTPResponse saved = primary.handleRequest(fixture("put-api-applications-application.json"), null);
        assertEquals(200, saved.getStatusCode(), saved.getBody());
        assertEquals(1, REQUESTS.get(), "PUT /api/applications/{application}");
        assertEquals(1, body(saved).get("version").asLong());

        JsonNode after = body(primary.handleRequest(fixture("get-api-applications-application.json"), null));
        assertEquals("13", after.at("/preferences/0").asString());
        assertEquals("14", after.at("/preferences/1").asString()); // 神奈川県 as typed
        assertEquals("27", after.at("/preferences/2").asString()); // full-width ２７

        APIGatewayV2HTTPResponse submit = primary.handleRequest(fixture("post-api-applications-application-submit.json"), null);
        assertEquals(422, submit.getStatusCode());
        assertEquals("FEE_RECEIPT_REQUIRED", body(submit).at("/problems/0/code").asString());
    }

    @Test
    void documentRoutesAnswerFromTheirFixtures() {
        APIGatewayV2HTTPResponse slot = documents.handleRequest(fixture("post-api-applications-application-documents.json"), null);
        assertEquals(201, slot.getStatusCode(), slot.getBody());
        JsonNode s = body(slot);
        assertTrue(s.at("/upload/url").asString().contains("/applications/"));
        assertTrue(s.at("/upload/url").asString().contains("/" + memberNo + "/"));
        assertEquals("PENDING", s.at("/document/status").asString());

        // the fixtures name a document this member does not have
        for (String f : new String[] {"post-api-applications-application-documents-documentId.json",
                "get-api-applications-application-documents-documentId.json",
                "delete-api-applications-application-documents-documentId.json"}) {
            APIGatewayV2HTTPResponse r = documents.handleRequest(fixture(f), null);
            assertEquals(404, r.getStatusCode(), f);
            assertEquals(Messages.DOCUMENT_NOT_FOUND, body(r).get("message").asString());
        }
    }

    @Test
    void brokenBodiesAndOtherApplicationsAreClear4xx() {
        APIGatewayV2HTTPEvent broken = fixture("put-api-applications-application.json");
        broken.setBody("{\"version\": ");
        APIGatewayV2HTTPResponse r = primary.handleRequest(broken, null);
        assertEquals(400, r.getStatusCode());
        assertEquals("BAD_JSON", body(r).get("code").asString());

        APIGatewayV2HTTPEvent secondary = fixture("get-api-applications-application.json");
        secondary.setPathParameters(Map.of("application", "new-secondary"));
        APIGatewayV2HTTPResponse s = primary.handleRequest(secondary, null);
        assertEquals(404, s.getStatusCode());
        assertEquals(Messages.NOT_THIS_APPLICATION, body(s).get("message").asString());

        APIGatewayV2HTTPEvent noVersion = fixture("post-api-applications-application-submit.json");
        noVersion.setBody("{}");
        assertEquals(400, primary.handleRequest(noVersion, null).getStatusCode());
    }
}
