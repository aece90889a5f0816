package jp.nintei.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.nintei.platform.Template;
import org.junit.jupiter.api.Test;

/**
 * What a green local build cannot show about AWS, checked on template.yaml: CloudFront never rewrites an API
 * answer, HTTP functions answer inside API Gateway's 30 s, schedules coexist across stacks and their failures
 * raise an alarm, the security headers are strict, mail has its identity, data survives a stack deletion, and
 * every function has its own error alarm. (cfn-lint and the policy-coverage check run in .ci/run.)
 */
class DeploymentTemplateTest {
    static final Template TEMPLATE = Template.load(Path.of("..", "template.yaml"));
    static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    /** API Gateway HTTP API: the integration gives up after 30 s; the function must fail first, in our JSON. */
    static final int HTTP_API_TIMEOUT_SECONDS = 30;

    static Map<String, Object> props(String resource) { return Template.map(TEMPLATE.resource(resource).get("Properties")); }

    static Map<String, Object> map(Object o) { return Template.map(o); }

    static List<Object> list(Object o) { return Template.list(o); }

    /** {@code !Ref X} → X, {@code !GetAtt X.Arn} → X, else null. */
    static String target(Object value) {
        Map<String, Object> m = map(value);
        if (m.get("Ref") != null) return m.get("Ref").toString();
        if (m.get("Fn::GetAtt") != null) return list(m.get("Fn::GetAtt")).get(0).toString();
        return null;
    }

    static int effective(String function, String property, int fallback) {
        Object own = props(function).get(property);
        Object global = TEMPLATE.globalFunction().get(property);
        Object v = own != null ? own : global;
        return v == null ? fallback : Integer.parseInt(v.toString());
    }

    static Map<String, Object> events(String function) { return map(props(function).get("Events")); }

    static boolean isHttpFunction(String function) {
        return events(function).values().stream().anyMatch(e -> "HttpApi".equals(map(e).get("Type")));
    }

    // ---------- 3: CloudFront never rewrites an API answer ----------

    @Test
    void cloudFrontErrorPagesNeverReplaceAnApiAnswerAndApiAnswersAreNotCached() {
        List<String> distributions = TEMPLATE.resourcesOfType("AWS::CloudFront::Distribution");
        assertFalse(distributions.isEmpty());
        for (String d : distributions) {
            Map<String, Object> config = map(props(d).get("DistributionConfig"));
            List<String> apiOrigins = new ArrayList<>();
            for (Object o : list(config.get("Origins"))) {
                if (String.valueOf(map(o).get("DomainName")).contains("execute-api")) apiOrigins.add(map(o).get("Id").toString());
            }
            List<Map<String, Object>> apiBehaviours = new ArrayList<>();
            for (Object b : list(config.get("CacheBehaviors"))) {
                if (apiOrigins.contains(String.valueOf(map(b).get("TargetOriginId")))) apiBehaviours.add(map(b));
            }
            if (apiOrigins.isEmpty()) continue;
            assertFalse(apiBehaviours.isEmpty(), d + ": the API origin has no behaviour");
            // CustomErrorResponses apply to every behaviour: a 403/404 JSON of the API would become an HTML page
            assertTrue(list(config.get("CustomErrorResponses")).isEmpty(), d + " has CustomErrorResponses, which CloudFront "
                    + "applies to the /api/* answers too (their JSON and status would be replaced); serve web errors another way");
            for (Map<String, Object> b : apiBehaviours) {
                assertEquals(CACHING_DISABLED, b.get("CachePolicyId"), d + " " + b.get("PathPattern") + ": API answers must not be cached");
                assertTrue(list(b.get("AllowedMethods")).containsAll(List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE")),
                        d + " " + b.get("PathPattern") + " must pass every method to the API");
            }
        }
    }

    // ---------- 4: AWS limits ----------

    @Test
    void httpFunctionsTimeOutBeforeApiGatewayGivesUp() {
        for (String fn : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            if (!isHttpFunction(fn)) continue;
            int timeout = effective(fn, "Timeout", 3);
            assertTrue(timeout < HTTP_API_TIMEOUT_SECONDS, fn + " has Timeout " + timeout + " s; API Gateway's HTTP API answers with its own error "
                    + "after " + HTTP_API_TIMEOUT_SECONDS + " s, so the function must stop first (at most 29)");
        }
    }

    // ---------- 5: schedules ----------

    @Test
    void schedulesAreNamedByTheStackAndEveryScheduledFailureRaisesAnAlarm() {
        int schedules = 0;
        for (String fn : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            for (Map.Entry<String, Object> e : events(fn).entrySet()) {
                Map<String, Object> ev = map(e.getValue());
                if (!"Schedule".equals(ev.get("Type")) && !"ScheduleV2".equals(ev.get("Type"))) continue;
                schedules++;
                String where = fn + "." + e.getKey();
                assertEquals("ScheduleV2", ev.get("Type"), where + ": use ScheduleV2 (EventBridge Scheduler, with Name and DeadLetterConfig)");
                Map<String, Object> p = map(ev.get("Properties"));
                String name = String.valueOf(map(p.get("Name")).get("Fn::Sub"));
                assertTrue(name.startsWith("${AWS::StackName}-"), where + ": Name must be !Sub ${AWS::StackName}-…, or a second "
                        + "stack in the account collides with this one (SAM names it after the logical id otherwise)");
                assertAlarmedQueue(target(map(p.get("DeadLetterConfig")).get("Arn")), where + " DeadLetterConfig");
                Map<String, Object> invoke = map(props(fn).get("EventInvokeConfig"));
                if (invoke.isEmpty()) invoke = map(TEMPLATE.globalFunction().get("EventInvokeConfig"));
                Object destination = map(map(map(invoke.get("DestinationConfig")).get("OnFailure")).get("Destination"));
                assertAlarmedQueue(target(destination), fn + " EventInvokeConfig OnFailure (a failed asynchronous run)");
            }
        }
        assertTrue(schedules > 0);
    }

    private static void assertAlarmedQueue(String queue, String where) {
        assertNotNull(queue, where + ": missing (failed runs would vanish)");
        assertEquals("AWS::SQS::Queue", TEMPLATE.resource(queue).get("Type"), where + " must be an SQS queue");
        boolean alarmed = TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").stream().map(DeploymentTemplateTest::props)
                .anyMatch(a -> "AWS/SQS".equals(a.get("Namespace")) && !list(a.get("AlarmActions")).isEmpty()
                        && list(a.get("Dimensions")).stream().anyMatch(d -> queue.equals(target(map(d).get("Value")))));
        assertTrue(alarmed, where + ": queue " + queue + " needs an AWS/SQS alarm with its QueueName dimension and an action");
    }

    // ---------- 6: SnapStart across the off-season ----------

    /** Every HTTP function's alias is invoked at least every 13 days (an idle SnapStart version goes inactive at 14). */
    @Test
    void everyHttpFunctionIsKeptActiveByAWarmUpInvocationItsRuntimeUnderstands() throws Exception {
        Pattern rate = Pattern.compile("rate\\((\\d+) days?\\)");
        for (String fn : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            if (!isHttpFunction(fn)) continue;
            Map<String, Object> keep = events(fn).values().stream().map(DeploymentTemplateTest::map)
                    .filter(e -> "ScheduleV2".equals(e.get("Type")) && map(e.get("Properties")).get("Input") != null)
                    .map(e -> map(e.get("Properties"))).findFirst().orElse(null);
            assertNotNull(keep, fn + " needs a KeepActive ScheduleV2 event (copy one): an HTTP function idle 14 days has "
                    + "an inactive SnapStart version, and its next requests fail");
            Matcher m = rate.matcher(String.valueOf(keep.get("ScheduleExpression")));
            assertTrue(m.matches() && Integer.parseInt(m.group(1)) <= 13, fn + ": KeepActive must run at least every 13 days");
            // the Lambda Java runtime's own deserialisation (the tests library uses it) must yield the warm-up route key
            Path input = java.nio.file.Files.createTempFile("keep-active", ".json");
            java.nio.file.Files.writeString(input, keep.get("Input").toString());
            var event = com.amazonaws.services.lambda.runtime.tests.EventLoader.loadApiGatewayHttpEvent(input.toString());
            assertEquals(jp.nintei.platform.WarmUp.ROUTE_KEY, event.getRouteKey(), fn + ": Input must carry routeKey WARMUP");
            var answer = new jp.nintei.functions.fallback.FallbackHandler().handleRequest(event, null);
            assertEquals(200, answer.getStatusCode(), "a warm-up is answered, never routed: " + answer.getBody());
        }
    }

    // ---------- 7: security headers ----------

    @Test
    void everyAnswerOfTheDistributionCarriesStrictSecurityHeaders() {
        for (String d : TEMPLATE.resourcesOfType("AWS::CloudFront::Distribution")) {
            Map<String, Object> config = map(props(d).get("DistributionConfig"));
            List<Object> behaviours = new ArrayList<>(list(config.get("CacheBehaviors")));
            behaviours.add(config.get("DefaultCacheBehavior"));
            for (Object b : behaviours) {
                String policy = target(map(b).get("ResponseHeadersPolicyId"));
                assertNotNull(policy, d + " behaviour " + map(b).get("PathPattern") + " has no ResponseHeadersPolicyId");
                assertStrict(policy);
            }
        }
    }

    static void assertStrict(String policy) {
        Map<String, Object> security = map(map(props(policy).get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig"));
        Map<String, String> csp = directives(cspText(policy));
        assertEquals("'self'", csp.get("script-src"), policy + ": script-src must be 'self' only (no inline script, no eval)");
        assertTrue(Set.of("'none'", "'self'").contains(csp.get("default-src")), policy + ": default-src");
        assertEquals("'none'", csp.get("frame-ancestors"), policy + ": frame-ancestors");
        assertEquals("'none'", csp.get("object-src"), policy + ": object-src");
        assertTrue(csp.containsKey("base-uri"), policy + ": base-uri");
        Map<String, Object> hsts = map(security.get("StrictTransportSecurity"));
        assertTrue(Integer.parseInt(String.valueOf(hsts.get("AccessControlMaxAgeSec"))) >= 31_536_000, policy + ": HSTS of a year at least");
        assertEquals("DENY", map(security.get("FrameOptions")).get("FrameOption"), policy + ": X-Frame-Options");
        assertTrue(security.containsKey("ContentTypeOptions"), policy + ": nosniff");
        assertNotNull(map(security.get("ReferrerPolicy")).get("ReferrerPolicy"), policy + ": Referrer-Policy");
        for (String header : List.of("ContentSecurityPolicy", "StrictTransportSecurity", "FrameOptions", "ContentTypeOptions", "ReferrerPolicy")) {
            assertEquals(Boolean.TRUE, map(security.get(header)).get("Override"), policy + ": " + header + " must override the origin's");
        }
    }

    /** The policy's CSP text ({@code !Sub [text, vars]} or a plain string), variables left as {@code ${…}}. */
    static String cspText(String policy) {
        Object csp = map(map(map(props(policy).get("ResponseHeadersPolicyConfig")).get("SecurityHeadersConfig"))
                .get("ContentSecurityPolicy")).get("ContentSecurityPolicy");
        Object sub = map(csp).get("Fn::Sub");
        if (sub == null) return String.valueOf(csp);
        return sub instanceof List<?> l ? l.get(0).toString() : sub.toString();
    }

    static Map<String, String> directives(String csp) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String part : csp.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            int sp = p.indexOf(' ');
            out.put(sp < 0 ? p : p.substring(0, sp), sp < 0 ? "" : p.substring(sp + 1).strip());
        }
        return out;
    }

    // ---------- 8: mail identity ----------

    @Test
    void mailGoesOutFromTheStacksDkimSignedIdentityOnly() {
        Map<String, Object> parameters = TEMPLATE.parameters();
        for (String p : List.of("SenderAddress", "SecretariatAddress")) {
            assertFalse(map(parameters.get(p)).containsKey("Default"), p + " must be given on deploy (no example default)");
        }
        List<String> identities = TEMPLATE.resourcesOfType("AWS::SES::EmailIdentity");
        assertEquals(1, identities.size(), "one SES identity: the sender's domain");
        Map<String, Object> identity = props(identities.get(0));
        assertTrue(identity.get("EmailIdentity").toString().contains("SenderAddress"), "the identity is SenderAddress's domain");
        assertEquals("RSA_2048_BIT", map(identity.get("DkimSigningAttributes")).get("NextSigningKeyLength"), "Easy DKIM, 2048 bit");
        assertNotNull(target(map(identity.get("ConfigurationSetAttributes")).get("ConfigurationSetName")), "default configuration set");
        Pattern anyIdentity = Pattern.compile(":identity/\\*|^\\*$");
        for (String fn : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            for (Object policy : list(props(fn).get("Policies"))) {
                for (Object st : list(map(policy).get("Statement"))) {
                    Map<String, Object> s = map(st);
                    if (!String.valueOf(s.get("Action")).contains("ses:Send")) continue;
                    for (Object r : list(s.get("Resource") instanceof List<?> ? s.get("Resource") : List.of(s.get("Resource")))) {
                        Matcher m = anyIdentity.matcher(String.valueOf(r));
                        assertFalse(m.find(), fn + " " + s.get("Sid") + ": SES send must be scoped to the sender identity, not " + r);
                    }
                }
            }
        }
    }

    // ---------- 9: operations ----------

    @Test
    void membersDataSurvivesAStackDeletionOrReplacement() {
        List<String> keep = new ArrayList<>(TEMPLATE.resourcesOfType("AWS::S3::Bucket"));
        keep.addAll(TEMPLATE.resourcesOfType("AWS::DynamoDB::Table"));
        keep.addAll(TEMPLATE.resourcesOfType("AWS::Cognito::UserPool"));
        for (String r : keep) {
            assertEquals("Retain", TEMPLATE.resource(r).get("DeletionPolicy"), r + " needs DeletionPolicy: Retain");
            assertEquals("Retain", TEMPLATE.resource(r).get("UpdateReplacePolicy"), r + " needs UpdateReplacePolicy: Retain");
        }
        for (String t : TEMPLATE.resourcesOfType("AWS::DynamoDB::Table")) {
            assertEquals(Boolean.TRUE, props(t).get("DeletionProtectionEnabled"), t + " needs DeletionProtectionEnabled: true");
        }
    }

    /** The mails name the page at the custom domain; without one the variable is empty (never a cycle through CloudFront). */
    @Test
    void theMailsNameTheWebPageOfTheCustomDomain() {
        Map<String, Object> env = map(map(TEMPLATE.globalFunction().get("Environment")).get("Variables"));
        List<Object> choice = list(map(env.get(jp.nintei.platform.Settings.SITE_URL)).get("Fn::If"));
        assertEquals("HasWebDomain", choice.get(0));
        assertEquals("https://${WebDomainName}", map(choice.get(1)).get("Fn::Sub"));
        assertEquals("", choice.get(2));
    }

    /**
     * The export's record and file have the lifetimes the code counts on: the table's TTL is the attribute the job
     * record writes, and the bucket keeps {@code exports/} for the day after which the page says the CSV expired.
     */
    @Test
    void exportJobsExpireWithTheirFiles() {
        Map<String, Object> ttl = map(props("Table").get("TimeToLiveSpecification"));
        assertEquals(jp.nintei.adapter.dynamo.DynamoExportStore.EXPIRES_AT, ttl.get("AttributeName"));
        assertEquals(Boolean.TRUE, ttl.get("Enabled"));
        Map<String, Object> rule = list(map(props("DocumentsBucket").get("LifecycleConfiguration")).get("Rules")).stream()
                .map(DeploymentTemplateTest::map).filter(r -> "exports/".equals(r.get("Prefix"))).findFirst().orElseThrow();
        assertEquals(jp.nintei.service.ExportService.FILE_LIFETIME.toDays(), Long.parseLong(rule.get("ExpirationInDays").toString()),
                "the page answers an export as expired when the bucket has removed its file");
    }

    @Test
    void theMailAndAccountQueueMetricsTheFunctionsWriteHaveAlarms() {
        for (String metric : List.of(jp.nintei.platform.Metrics.MAIL_FAILED, jp.nintei.platform.Metrics.MAIL_OLDEST_PENDING_MINUTES,
                jp.nintei.platform.Metrics.ACCOUNTS_STUCK)) {
            boolean alarmed = TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").stream().map(DeploymentTemplateTest::props)
                    .anyMatch(a -> metric.equals(a.get("MetricName")) && !list(a.get("AlarmActions")).isEmpty()
                            && "nintei/${AWS::StackName}".equals(map(a.get("Namespace")).get("Fn::Sub")));
            assertTrue(alarmed, "no alarm on the EMF metric " + metric + " in namespace nintei/${AWS::StackName}");
        }
        assertEquals(Map.of("Fn::Sub", "nintei/${AWS::StackName}"),
                map(map(TEMPLATE.globalFunction().get("Environment")).get("Variables")).get("METRICS_NAMESPACE"));
    }

    @Test
    void everyFunctionHasItsOwnErrorAlarm() {
        List<Map<String, Object>> alarms = TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .map(DeploymentTemplateTest::props).toList();
        for (String fn : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            boolean alarmed = alarms.stream().anyMatch(a -> "AWS/Lambda".equals(a.get("Namespace")) && "Errors".equals(a.get("MetricName"))
                    && !list(a.get("AlarmActions")).isEmpty()
                    && list(a.get("Dimensions")).stream().anyMatch(d -> "FunctionName".equals(map(d).get("Name"))
                            && fn.equals(target(map(d).get("Value")))));
            assertTrue(alarmed, fn + " needs an alarm on AWS/Lambda Errors with the dimension FunctionName: !Ref " + fn
                    + " (copy an existing <Function>ErrorsAlarm in template.yaml)");
        }
    }
}
