package jp.nintei.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.nintei.platform.Template;
import org.junit.jupiter.api.Test;

/** template.yaml and the code agree: every Handler is a real handler class, every route has its events/ fixture. */
class TemplateContractTest {
    static final Template TEMPLATE = Template.load(Path.of("..", "template.yaml"));

    /** {@code GET /api/me} → {@code get-api-me.json}; {@code ANY /api/{proxy+}} → {@code any-api-proxy.json}. */
    static String fixtureName(Template.Route r) {
        String path = r.path().replaceAll("[{}+]", "").replaceAll("^/", "").replace('/', '-');
        return r.method().toLowerCase(Locale.ROOT) + "-" + path + ".json";
    }

    @Test
    void everyHandlerIsAPublicRequestHandlerWithANoArgConstructor() throws Exception {
        List<String> functions = TEMPLATE.resourcesOfType("AWS::Serverless::Function");
        assertFalse(functions.isEmpty());
        for (String fn : functions) {
            String handler = TEMPLATE.handlerOf(fn);
            assertTrue(handler.endsWith("::handleRequest"), fn + ": " + handler);
            Class<?> c = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertTrue(RequestHandler.class.isAssignableFrom(c), fn + " handler is not a RequestHandler: " + c);
            assertTrue(Modifier.isPublic(c.getModifiers()), c + " must be public");
            assertTrue(Modifier.isPublic(c.getConstructor().getModifiers()), c + " needs a public no-arg constructor");
        }
    }

    @Test
    void everyHttpRouteHasAnEventFixtureWithItsRouteKey() {
        List<Template.Route> routes = TEMPLATE.routes();
        assertFalse(routes.isEmpty());
        for (Template.Route r : routes) {
            String name = fixtureName(r);
            assertTrue(Files.isRegularFile(Path.of("..", "events", name)), "missing events/" + name + " for " + r);
            APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/" + name);
            assertEquals(r.method() + " " + r.path(), e.getRouteKey(), name);
            assertEquals(r.method() + " " + r.path(), e.getRequestContext().getRouteKey(), name);
            assertEquals(r.authorized(), e.getRequestContext().getAuthorizer() != null,
                    name + ": fixture claims must match whether the route is behind the authorizer");
        }
    }

    @Test
    void functionsRunOnJava21WithSnapStartAndLogRetention() {
        Map<String, Object> g = TEMPLATE.globalFunction();
        assertEquals("java21", g.get("Runtime"));
        assertEquals("PublishedVersions", Template.map(g.get("SnapStart")).get("ApplyOn"));
        assertEquals("functions/target/functions.jar", g.get("CodeUri"));
        for (String fn : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> p = Template.map(TEMPLATE.resource(fn).get("Properties"));
            Object logGroup = Template.map(Template.map(p.get("LoggingConfig")).get("LogGroup")).get("Ref");
            assertTrue(logGroup != null, fn + " needs its own log group");
            Map<String, Object> lg = Template.map(TEMPLATE.resource(logGroup.toString()).get("Properties"));
            assertTrue(lg.containsKey("RetentionInDays"), logGroup + " needs a retention");
            assertTrue(p.containsKey("Policies"), fn + " needs its own least-privilege policy list");
        }
    }
}
