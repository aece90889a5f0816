package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.dynamo.DynamoApplicationStore;
import jp.nintei.adapter.dynamo.DynamoDirectoryStore;
import jp.nintei.adapter.http.Json;
import jp.nintei.adapter.s3.S3DocumentStorage;
import jp.nintei.adapter.s3.S3ExportFiles;
import jp.nintei.adapter.ses.SesMailer;
import jp.nintei.domain.AppClock;
import jp.nintei.functions.admin.AdminHandler;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.LocalSystem;
import jp.nintei.service.CaseActions;
import jp.nintei.service.ConfirmationMails;
import jp.nintei.service.DirectoryCache;
import jp.nintei.service.MailService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The 書類審査 routes from their events/ fixtures through AdminHandler, counting DynamoDB requests. */
@LocalStack
class ReviewHandlerTest {
    static final AtomicInteger REQUESTS = new AtomicInteger();
    static final DynamoDbClient DYNAMO = AwsClients.dynamoDb(new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission c, ExecutionAttributes a) {
            REQUESTS.incrementAndGet();
        }
    });

    private final AdminHandler handler;
    private final String memberNo;
    private final int year;

    ReviewHandlerTest(LocalSystem system) throws Exception {
        this.year = system.demo().year();
        this.memberNo = LocalClock.during(year + "-06-10T09:00", () -> Secondaries.submitted(system).member.memberNo());
        Clock july = LocalClock.fixedAt(year + "-07-02T10:00");
        var directory = new DirectoryCache(new DynamoDirectoryStore(DYNAMO, Bootstrap.TABLE)::loadAll, Clock.systemUTC());
        var storage = new S3DocumentStorage(AwsClients.s3(), S3DocumentStorage.presigner(), Bootstrap.DOCUMENTS_BUCKET);
        var applications = new DynamoApplicationStore(DYNAMO, Bootstrap.TABLE);
        var mailer = new SesMailer(AwsClients.ses(), Bootstrap.SENDER, null);
        this.handler = new AdminHandler(AdminHandler.Services.wired(DYNAMO, Bootstrap.TABLE, storage,
                new S3ExportFiles(AwsClients.s3(), S3DocumentStorage.presigner(), Bootstrap.DOCUMENTS_BUCKET), mailer,
                CaseActions.ConfirmationResend.through(new ConfirmationMails(applications, applications, directory),
                        new MailService(applications, mailer, july)), directory, jp.nintei.functions.support.Components.site(), july), directory);
    }

    @AfterAll
    static void close() { DYNAMO.close(); }

    /** The fixture as the secretariat's verified token sends it, for this test's applicant and year. */
    private APIGatewayV2HTTPEvent fixture(String name) {
        APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/" + name);
        if (e.getPathParameters() != null) {
            Map<String, String> p = new HashMap<>(e.getPathParameters());
            p.put("memberNo", memberNo);
            e.setPathParameters(p);
        }
        Map<String, String> q = new HashMap<>(e.getQueryStringParameters() == null ? Map.of() : e.getQueryStringParameters());
        q.put("year", Integer.toString(year));
        e.setQueryStringParameters(q);
        if (e.getBody() != null) e.setBody(Json.write(Json.parseObject(e.getBody()).put("year", Integer.toString(year))));
        return e;
    }

    @Test
    void theReviewScreenIsOneReadAndOneAuditWrite() {
        APIGatewayV2HTTPResponse warm = handler.handleRequest(fixture("get-api-admin-reviews-application-memberNo.json"), null);
        assertEquals(200, warm.getStatusCode(), warm.getBody());
        REQUESTS.set(0);
        APIGatewayV2HTTPResponse screen = handler.handleRequest(fixture("get-api-admin-reviews-application-memberNo.json"), null);
        assertEquals(200, screen.getStatusCode(), screen.getBody());
        assertEquals(2, REQUESTS.get(), "one BatchGetItem (profile + application) and the audit of the document view");
        assertTrue(Json.parse(screen.getBody()).get("documents").size() == 5);

        REQUESTS.set(0);
        APIGatewayV2HTTPResponse mark = handler.handleRequest(fixture("post-api-admin-reviews-application-memberNo-action.json"), null);
        assertEquals(200, mark.getStatusCode(), mark.getBody());
        assertEquals("審査中", Json.parse(mark.getBody()).get("stateLabel").asString());
        assertEquals(3, REQUESTS.get(), "read, one conditional UpdateItem, audit");
        APIGatewayV2HTTPResponse stale = handler.handleRequest(fixture("post-api-admin-reviews-application-memberNo-action.json"), null);
        assertEquals(409, stale.getStatusCode(), "the same fixture again names an old review version");

        APIGatewayV2HTTPResponse list = handler.handleRequest(fixture("get-api-admin-reviews.json"), null);
        assertEquals(200, list.getStatusCode(), list.getBody());
        assertTrue(Json.parse(list.getBody()).get("counts").has("UNREVIEWED"));
    }
}
