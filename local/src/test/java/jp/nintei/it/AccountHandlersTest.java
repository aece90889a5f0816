package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import jp.nintei.adapter.aws.AwsClients;
import jp.nintei.adapter.cognito.CognitoIdentityProvider;
import jp.nintei.adapter.cognito.CognitoMemberAccounts;
import jp.nintei.adapter.dynamo.DynamoAccountStore;
import jp.nintei.adapter.dynamo.DynamoApplicationLists;
import jp.nintei.adapter.dynamo.DynamoMailEventStore;
import jp.nintei.adapter.dynamo.DynamoMemberStore;
import jp.nintei.adapter.http.Json;
import jp.nintei.adapter.ses.SesMailer;
import jp.nintei.domain.Member;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.functions.auth.AuthHandler;
import jp.nintei.functions.mailevents.MailEventsHandler;
import jp.nintei.local.Bootstrap;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import jp.nintei.local.faults.Faults;
import jp.nintei.service.MailEventService;
import jp.nintei.service.PasswordResetService;
import jp.nintei.service.SignInService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * The account routes driven by events/ fixtures, with Cognito's AWS-only answers (lockout, expired invitation,
 * expired challenge session, rate limit) injected into the SDK client, and SES's bounce and complaint events.
 */
@LocalStack
class AccountHandlersTest {
    private final LocalSystem system;

    AccountHandlersTest(LocalSystem system) { this.system = system; }

    private AuthHandler auth(java.util.function.Function<SdkRequest, CognitoIdentityProviderException> fault) {
        var cognito = AwsClients.cognito(new CognitoFaults(fault));
        var dynamo = AwsClients.dynamoDb();
        var members = new DynamoMemberStore(dynamo, Bootstrap.TABLE);
        var accounts = new DynamoAccountStore(dynamo, Bootstrap.TABLE);
        return new AuthHandler(new SignInService(members, new CognitoIdentityProvider(cognito, system.identity().clientId()), accounts),
                new PasswordResetService(members, new DynamoApplicationLists(dynamo, Bootstrap.TABLE), accounts,
                        new CognitoMemberAccounts(cognito, system.identity().userPoolId()),
                        new SesMailer(AwsClients.ses(), Bootstrap.SENDER, "nintei-mail"), Clock.systemUTC()));
    }

    private static APIGatewayV2HTTPResponse call(AuthHandler h, String fixture) {
        return h.handleRequest(EventLoader.loadApiGatewayHttpEvent("events/" + fixture), null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse r) { return Json.parse(r.getBody()); }

    @Test
    void cognitosLockoutIsAJapaneseMessageThatSaysWhatToDo() {
        AuthHandler h = auth(r -> r instanceof InitiateAuthRequest
                ? CognitoFaults.error(NotAuthorizedException.builder(), "NotAuthorizedException", "Password attempts exceeded") : null);
        APIGatewayV2HTTPResponse r = call(h, "post-api-auth-login.json");
        assertEquals(429, r.getStatusCode(), r.getBody());
        assertEquals("LOCKED_OUT", body(r).get("code").asString());
        assertTrue(body(r).get("message").asString().contains("15分ほど待って"), r.getBody());
        assertTrue(body(r).get("message").asString().contains("パスワードをお忘れの方はこちら"), r.getBody());
    }

    @Test
    void anExpiredInvitationSaysHowToGetAPassword() {
        AuthHandler h = auth(r -> r instanceof InitiateAuthRequest ? CognitoFaults.error(NotAuthorizedException.builder(),
                "NotAuthorizedException", "Temporary password has expired and must be reset by an administrator.") : null);
        APIGatewayV2HTTPResponse r = call(h, "post-api-auth-login.json");
        assertEquals(401, r.getStatusCode());
        assertEquals(SignInService.INVITATION_EXPIRED, body(r).get("message").asString());
    }

    @Test
    void anExpiredChallengeSessionAsksToSignInAgainAndChangesNothing() {
        AuthHandler h = auth(r -> r instanceof RespondToAuthChallengeRequest ? CognitoFaults.error(NotAuthorizedException.builder(),
                "NotAuthorizedException", "Invalid session for the user, session is expired.") : null);
        APIGatewayV2HTTPResponse r = call(h, "post-api-auth-new-password.json");
        assertEquals(401, r.getStatusCode(), r.getBody());
        assertEquals(SignInService.CHALLENGE_EXPIRED, body(r).get("message").asString());
    }

    @Test
    void forgottenPasswordUnderCognitosRateLimitIsATryLater() {
        AuthHandler h = auth(r -> r instanceof AdminGetUserRequest
                ? CognitoFaults.error(LimitExceededException.builder(), "LimitExceededException", "Attempt limit exceeded, please try after some time.") : null);
        APIGatewayV2HTTPResponse r = call(h, "post-api-auth-password-forgot.json");
        assertEquals(429, r.getStatusCode(), r.getBody());
        assertTrue(body(r).get("message").asString().contains("数分待って"));
    }

    @Test
    void theFixturesAnswerWithoutRevealingAnything() {
        AuthHandler h = auth(r -> null);
        APIGatewayV2HTTPResponse forgot = call(h, "post-api-auth-password-forgot.json"); // the demo member's address, full-width
        assertEquals(200, forgot.getStatusCode(), forgot.getBody());
        assertEquals(PasswordResetService.CODE_SENT, body(forgot).get("message").asString());
        APIGatewayV2HTTPResponse reset = call(h, "post-api-auth-password-reset.json"); // a code that was never sent
        assertEquals(400, reset.getStatusCode());
        assertEquals("CODE_MISMATCH", body(reset).get("code").asString());
        assertEquals(200, call(h, "post-api-auth-logout.json").getStatusCode(), "an unknown refresh token: logged out all the same");
        // nothing changed: the demo member still signs in with the demo password
        assertEquals(200, call(h, "post-api-auth-login.json").getStatusCode());
    }

    @Test
    void aBouncedInvitationIsMarkedOnTheAccountAndListedForTheSecretariat() {
        Member m = TestMembers.create(system, false);
        var dynamo = AwsClients.dynamoDb();
        var accounts = new DynamoAccountStore(dynamo, Bootstrap.TABLE);
        String mailId = "invitation-" + m.memberNo() + "-1776646801000";
        accounts.invited(m.memberNo(), m.email(), mailId, Instant.now().plusSeconds(86400), Instant.now());
        SNSEvent event = EventLoader.loadSNSEvent("events/sns-ses-bounce.json");
        SNSEvent.SNS sns = event.getRecords().get(0).getSNS();
        sns.setMessage(sns.getMessage().replace("invitation-50000001-1776646801000", mailId));
        var handler = new MailEventsHandler(new MailEventService(new DynamoMailEventStore(dynamo, Bootstrap.TABLE), accounts, Clock.systemUTC()));
        assertEquals(Map.of("records", 1, "recorded", 1), handler.handleRequest(event, null));
        var a = accounts.find(m.memberNo()).orElseThrow();
        assertEquals(MailStatus.State.BOUNCED, a.mailState());
        assertTrue(a.mailProblem().contains("550 5.1.1 user unknown"), a.mailProblem());
        String staff = "Bearer " + Http.idToken(system.gateway().url(), "office@example.jp", DemoData.PASSWORD);
        JsonNode rows = Http.get(system.gateway().url() + "/api/admin/accounts?problems=1", staff).json().get("rows");
        boolean listed = false;
        for (JsonNode r : rows) listed |= r.get("memberNo").asString().equals(m.memberNo()) && r.get("mailState").asString().equals("BOUNCED");
        assertTrue(listed || rows.size() == 50, rows.toString());

        // the fixture as it is names a mail that is not this member's latest: nothing is recorded
        SNSEvent stale = EventLoader.loadSNSEvent("events/sns-ses-bounce.json");
        assertEquals(Map.of("records", 1, "recorded", 0), handler.handleRequest(stale, null));
    }

    /** A reset code that bounced says the address no longer works: it is recorded on the account like an invitation's. */
    @Test
    void aBouncedResetCodeIsMarkedOnTheAccount() {
        Member m = TestMembers.create(system, false);
        Http.Response forgot = Http.post(system.gateway().url() + "/api/auth/password/forgot",
                Json.write(Json.object().put("userId", m.email())));
        assertEquals(200, forgot.status(), forgot.body());
        var dynamo = AwsClients.dynamoDb();
        var accounts = new DynamoAccountStore(dynamo, Bootstrap.TABLE);
        String mailId = accounts.find(m.memberNo()).orElseThrow().mailId();
        assertTrue(mailId != null && mailId.startsWith("password-" + m.memberNo() + "-"), "the code's mail is the account's latest: " + mailId);
        SNSEvent event = EventLoader.loadSNSEvent("events/sns-ses-bounce.json");
        SNSEvent.SNS sns = event.getRecords().get(0).getSNS();
        sns.setMessage(sns.getMessage().replace("invitation-50000001-1776646801000", mailId));
        var handler = new MailEventsHandler(new MailEventService(new DynamoMailEventStore(dynamo, Bootstrap.TABLE), accounts, Clock.systemUTC()));
        assertEquals(Map.of("records", 1, "recorded", 1), handler.handleRequest(event, null));
        assertEquals(MailStatus.State.BOUNCED, accounts.find(m.memberNo()).orElseThrow().mailState());
    }

    /** The code went out: a failure to record its mail id afterwards never turns the answer into an error (a retry would void the code). */
    @Test
    void aResetCodeThatWentOutIsAnsweredAsSentEvenWhenItsMailIdCannotBeRecorded() {
        Member m = TestMembers.create(system, false);
        Faults.Rule recordFails = Faults.dynamo("UpdateItem", Faults.Kind.THROTTLE)
                .when(r -> r.toString().contains("mailId") && r.toString().contains(m.memberNo()));
        try (var f = Faults.on(recordFails)) {
            Http.Response forgot = Http.post(system.gateway().url() + "/api/auth/password/forgot",
                    Json.write(Json.object().put("userId", m.email())));
            assertEquals(200, forgot.status(), forgot.body());
            assertEquals(PasswordResetService.CODE_SENT, forgot.json().get("message").asString());
        }
        assertTrue(recordFails.hits() > 0, "the record of the mail id was refused");
        assertEquals(6, Mails.resetCode(system, m.email()).length(), "the code reached the member");
        assertEquals(null, new DynamoAccountStore(AwsClients.dynamoDb(), Bootstrap.TABLE).find(m.memberNo()).orElseThrow().mailId());
    }

    @Test
    void aComplaintAboutAConfirmationMailShowsInTheFollowUps() {
        Member m = TestMembers.withSubmittedPrimary(system, java.time.LocalDate.of(system.demo().year() - 6, 4, 1));
        int year = system.demo().year();
        String mailId = "submitted-" + year + "-NEW_PRIMARY-" + m.memberNo() + "-v2";
        var dynamo = AwsClients.dynamoDb();
        dynamo.updateItem(u -> u.tableName(Bootstrap.TABLE)
                .key(Map.of("PK", AttributeValue.fromS("MEMBER#" + m.memberNo()), "SK", AttributeValue.fromS("APP#" + year + "#NEW_PRIMARY")))
                .updateExpression("SET mailId = :m, mailState = :s, mailAttempts = :n")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(mailId), ":s", AttributeValue.fromS("SENT"),
                        ":n", AttributeValue.fromN("1"))));
        SNSEvent event = EventLoader.loadSNSEvent("events/sns-ses-complaint.json");
        SNSEvent.SNS sns = event.getRecords().get(0).getSNS();
        sns.setMessage(sns.getMessage().replace("submitted-2026-NEW_PRIMARY-10000099-v1", mailId));
        var handler = new MailEventsHandler(new MailEventService(new DynamoMailEventStore(dynamo, Bootstrap.TABLE),
                new DynamoAccountStore(dynamo, Bootstrap.TABLE), Clock.systemUTC()));
        assertEquals(1, handler.handleRequest(event, null).get("recorded"));
        String staff = "Bearer " + Http.idToken(system.gateway().url(), "office@example.jp", DemoData.PASSWORD);
        JsonNode rows = Http.get(system.gateway().url() + "/api/admin/followups?year=" + year + "&application=new-primary", staff).json().get("rows");
        JsonNode row = null;
        for (JsonNode r : rows) if (r.get("memberNo").asString().equals(m.memberNo())) row = r;
        assertTrue(row != null, rows.toString());
        assertEquals("COMPLAINED", row.get("mailState").asString());
        // the applicant's own page learns it too (web/primary.js then says the mail did not arrive)
        String member = "Bearer " + Http.idToken(system.gateway().url(), m.memberNo(), DemoData.PASSWORD);
        Http.Response own = Http.get(system.gateway().url() + "/api/applications/new-primary", member);
        assertEquals("COMPLAINED", own.json().get("mailState").asString(), own.body());
        // the fixture as it is names no application: nothing is written
        SNSEvent other = EventLoader.loadSNSEvent("events/sns-ses-complaint.json");
        assertEquals(0, handler.handleRequest(other, null).get("recorded"));
    }
}
