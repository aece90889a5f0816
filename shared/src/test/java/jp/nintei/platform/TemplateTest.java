package jp.nintei.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml read as data: routes, schedules, handlers and CloudFormation short tags. */
class TemplateTest {
    static final String YAML = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Description: 専門医 新規申請

            Globals:
              Function:
                Runtime: java17
                Handler: jp.nintei.functions.Default::handleRequest
                Environment:
                  Variables:
                    TABLE_NAME: !Ref Table
                    DOCUMENTS_BUCKET: !Sub '${AWS::StackName}-documents'
                    SENDER_ADDRESS: !Sub
                      - 'no-reply@${Domain}'
                      - Domain: !Ref MailDomain

            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST

              HttpApi:
                Type: AWS::Serverless::HttpApi

              SignInFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: jp.nintei.functions.SignInFunction::handleRequest
                  Role: !GetAtt FunctionRole.Arn
                  Events:
                    SignIn:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref HttpApi
                        Method: post
                        Path: /api/session
                        Auth:
                          Authorizer: NONE
                    Refresh:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref HttpApi
                        Method: POST
                        Path: /api/session/refresh
                        Auth:
                          Authorizer: NONE

              MyPageFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Get:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref HttpApi
                        Method: GET
                        Path: /api/me

              ApplicationFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: jp.nintei.functions.ApplicationFunction::handleRequest
                  Events:
                    Get:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref HttpApi
                        Method: GET
                        Path: /api/applications/{kind}
                    Put:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref HttpApi
                        Method: PUT
                        Path: /api/applications/{kind}
                    Queue:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt MailQueue.Arn

              FallbackFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: jp.nintei.functions.FallbackFunction::handleRequest
                  Events:
                    Any:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref HttpApi
                        Path: /api/{proxy+}
                        Auth:
                          Authorizer: NONE

              ScheduleFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: jp.nintei.functions.ScheduleFunction::handleRequest
                  Events:
                    Windows:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: cron(0 0 * * ? *)
                        ScheduleExpressionTimezone: Asia/Tokyo
                    Remind:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: cron(0 9 25 * ? *)
                        ScheduleExpressionTimezone: Asia/Tokyo
                        State: DISABLED
                    RetryMail:
                      Type: Schedule
                      Properties:
                        Schedule: rate(5 minutes)
                    Legacy:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 day)
                        Enabled: false

              MailQueue:
                Type: AWS::SQS::Queue
            """;

    static Template template;

    static Template load(String yaml) {
        return Template.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @BeforeAll
    static void loadOnce() { template = load(YAML); }

    @Test
    void routesOfEveryFunctionInTemplateOrder() {
        assertEquals(List.of(
                new Template.Route("POST", "/api/session", "SignInFunction",
                        "jp.nintei.functions.SignInFunction::handleRequest", false),
                new Template.Route("POST", "/api/session/refresh", "SignInFunction",
                        "jp.nintei.functions.SignInFunction::handleRequest", false),
                new Template.Route("GET", "/api/me", "MyPageFunction",
                        "jp.nintei.functions.Default::handleRequest", true),
                new Template.Route("GET", "/api/applications/{kind}", "ApplicationFunction",
                        "jp.nintei.functions.ApplicationFunction::handleRequest", true),
                new Template.Route("PUT", "/api/applications/{kind}", "ApplicationFunction",
                        "jp.nintei.functions.ApplicationFunction::handleRequest", true),
                new Template.Route("ANY", "/api/{proxy+}", "FallbackFunction",
                        "jp.nintei.functions.FallbackFunction::handleRequest", false)),
                template.routes());
    }

    @Test
    void methodIsUpperCasedAndDefaultsToAny() {
        Template.Route signIn = template.routes().get(0);
        assertEquals("POST", signIn.method());
        Template.Route fallback = template.routes().get(template.routes().size() - 1);
        assertEquals("ANY", fallback.method());
    }

    @Test
    void authorizerNoneMeansUnauthorizedAndAbsentAuthMeansAuthorized() {
        Map<String, Boolean> byPath = new java.util.LinkedHashMap<>();
        for (Template.Route r : template.routes()) byPath.put(r.method() + " " + r.path(), r.authorized());
        assertEquals(false, byPath.get("POST /api/session"));
        assertEquals(true, byPath.get("GET /api/me"));
        assertEquals(true, byPath.get("PUT /api/applications/{kind}"));
        assertEquals(false, byPath.get("ANY /api/{proxy+}"));
    }

    @Test
    void schedulesWithTimezoneAndState() {
        String handler = "jp.nintei.functions.ScheduleFunction::handleRequest";
        assertEquals(List.of(
                new Template.Schedule("ScheduleFunction", handler, "Windows", "cron(0 0 * * ? *)", "Asia/Tokyo", true),
                new Template.Schedule("ScheduleFunction", handler, "Remind", "cron(0 9 25 * ? *)", "Asia/Tokyo", false),
                new Template.Schedule("ScheduleFunction", handler, "RetryMail", "rate(5 minutes)", "UTC", true),
                new Template.Schedule("ScheduleFunction", handler, "Legacy", "rate(1 day)", "UTC", false)),
                template.schedules());
    }

    @Test
    void handlerOfFallsBackToGlobals() {
        assertEquals("jp.nintei.functions.SignInFunction::handleRequest", template.handlerOf("SignInFunction"));
        assertEquals("jp.nintei.functions.Default::handleRequest", template.handlerOf("MyPageFunction"));
    }

    @Test
    void resourcesOfType() {
        assertEquals(List.of("SignInFunction", "MyPageFunction", "ApplicationFunction", "FallbackFunction",
                "ScheduleFunction"), template.resourcesOfType("AWS::Serverless::Function"));
        assertEquals(List.of("Table"), template.resourcesOfType("AWS::DynamoDB::Table"));
    }

    @Test
    void shortTagsBecomeOneKeyMaps() {
        Map<String, Object> vars = Template.map(Template.map(template.globalFunction().get("Environment")).get("Variables"));
        assertEquals(Map.of("Ref", "Table"), vars.get("TABLE_NAME"));
        assertEquals(Map.of("Fn::Sub", "${AWS::StackName}-documents"), vars.get("DOCUMENTS_BUCKET"));
        assertEquals(Map.of("Fn::Sub", List.of("no-reply@${Domain}", Map.of("Domain", Map.of("Ref", "MailDomain")))),
                vars.get("SENDER_ADDRESS"));
        Map<String, Object> props = Template.map(template.resource("SignInFunction").get("Properties"));
        assertEquals(Map.of("Fn::GetAtt", List.of("FunctionRole", "Arn")), props.get("Role"));
    }

    @Test
    void plainYamlValuesAndJapaneseText() {
        assertEquals("PAY_PER_REQUEST",
                Template.map(template.resource("Table").get("Properties")).get("BillingMode"));
        Template other = load("Description: 専門医 新規申請\nResources: {}\n");
        assertEquals(List.of(), other.routes());
        assertEquals(List.of(), other.schedules());
    }

    @Test
    void eventNamesThatYaml11ReadsAsBooleansDoNotBreakSchedules() {
        Template t = load("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: h::handleRequest
                      Events:
                        Off:
                          Type: ScheduleV2
                          Properties:
                            ScheduleExpression: rate(1 hour)
                            State: DISABLED
                        Get:
                          Type: HttpApi
                          Properties:
                            Method: GET
                            Path: /api/x
                """);
        // YAML 1.1 would read the key Off as Boolean.FALSE; CloudFormation (and Template) keep the name
        assertEquals(List.of(new Template.Schedule("Fn", "h::handleRequest", "Off", "rate(1 hour)", "UTC", false)),
                t.schedules());
        assertEquals(List.of(new Template.Route("GET", "/api/x", "Fn", "h::handleRequest", true)), t.routes());
    }

    @Test
    void mapAndListToleranceOfMissingValues() {
        assertEquals(Map.of(), Template.map(null));
        assertEquals(Map.of(), Template.map("text"));
        assertEquals(List.of(), Template.list(null));
        assertEquals(List.of("a"), Template.list(List.of("a")));
    }
}
