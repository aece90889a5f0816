package jp.nintei.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {
    private static Template.Route route(String method, String path, String function) {
        return new Template.Route(method, path, function, "h." + function + "::handleRequest", true);
    }

    static final Template.Route ME = route("GET", "/api/me", "MyPage");
    static final Template.Route SIGN_IN = route("POST", "/api/session", "SignIn");
    static final Template.Route APP_CURRENT = route("GET", "/api/applications/current", "AppCurrent");
    static final Template.Route APP_GET = route("GET", "/api/applications/{kind}", "AppGet");
    static final Template.Route APP_PUT = route("PUT", "/api/applications/{kind}", "AppPut");
    static final Template.Route APP_FILE = route("GET", "/api/applications/{kind}/files/{fileId}", "AppFile");
    static final Template.Route FILE_ANY = route("ANY", "/api/files/{id}", "FileAny");
    static final Template.Route FILE_DELETE = route("DELETE", "/api/files/{id}", "FileDelete");
    static final Template.Route ADMIN_ANY = route("ANY", "/api/admin/{proxy+}", "AdminAny");
    static final Template.Route ADMIN_EXPORT = route("GET", "/api/admin/export", "AdminExport");
    static final Template.Route ASSETS = route("GET", "/assets/{proxy+}", "Assets");
    static final Template.Route FALLBACK = route("ANY", "/api/{proxy+}", "Fallback");

    /** Deliberately least specific first: the table must sort, not rely on the template's order. */
    static final List<Template.Route> ROUTES = List.of(FALLBACK, ADMIN_ANY, ASSETS, FILE_ANY, APP_GET, APP_PUT,
            APP_FILE, FILE_DELETE, APP_CURRENT, SIGN_IN, ME, ADMIN_EXPORT);

    static final RouteTable TABLE = new RouteTable(ROUTES);

    private static RouteTable.Found found(RouteTable table, String method, String path) {
        RouteTable.Match m = table.match(method, path);
        return assertInstanceOf(RouteTable.Found.class, m, () -> method + " " + path + " -> " + m);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,    /api/me,                             MyPage",
            "POST,   /api/session,                        SignIn",
            "GET,    /api/applications/current,           AppCurrent",  // exact beats {kind}
            "GET,    /api/applications/new-primary,       AppGet",
            "PUT,    /api/applications/new-primary,       AppPut",
            "GET,    /api/applications/new-primary/files/f1, AppFile",
            "DELETE, /api/files/f1,                       FileDelete",  // method beats ANY
            "GET,    /api/files/f1,                       FileAny",
            "POST,   /api/files/f1,                       FileAny",
            "GET,    /api/admin/export,                   AdminExport", // exact beats {proxy+}
            "POST,   /api/admin/export,                   AdminAny",    // longer greedy beats shorter greedy
            "GET,    /api/admin/members/1,                AdminAny",
            "GET,    /api/unknown,                        Fallback",
            "POST,   /api/me,                             Fallback",    // the catch-all takes any method
            "GET,    /assets/js/app.js,                   Assets",
    })
    void mostSpecificRouteWins(String method, String path, String function) {
        assertEquals(function, found(TABLE, method, path).route().function());
    }

    @Test
    void orderOfTheInputDoesNotMatter() {
        List<Template.Route> shuffled = new ArrayList<>(ROUTES);
        for (long seed = 1; seed <= 20; seed++) {
            Collections.shuffle(shuffled, new java.util.Random(seed));
            RouteTable t = new RouteTable(shuffled);
            assertEquals("AppCurrent", found(t, "GET", "/api/applications/current").route().function());
            assertEquals("AppGet", found(t, "GET", "/api/applications/new-secondary").route().function());
            assertEquals("FileDelete", found(t, "DELETE", "/api/files/x").route().function());
            assertEquals("FileAny", found(t, "PATCH", "/api/files/x").route().function());
            assertEquals("AdminExport", found(t, "GET", "/api/admin/export").route().function());
            assertEquals("Fallback", found(t, "GET", "/api/nothing/here").route().function());
        }
    }

    @Test
    void pathParametersAreExtracted() {
        assertEquals(Map.of("kind", "new-primary"), found(TABLE, "GET", "/api/applications/new-primary").pathParameters());
        assertEquals(Map.of("kind", "new-secondary", "fileId", "abc-123"),
                found(TABLE, "GET", "/api/applications/new-secondary/files/abc-123").pathParameters());
        assertEquals(Map.of("proxy", "members/10000002/applications"),
                found(TABLE, "GET", "/api/admin/members/10000002/applications").pathParameters());
        assertEquals(Map.of("proxy", "x"), found(TABLE, "GET", "/api/x").pathParameters());
        assertEquals(Map.of(), found(TABLE, "GET", "/api/me").pathParameters());
    }

    @Test
    void parameterOrderFollowsThePath() {
        assertEquals(List.of("kind", "fileId"),
                List.copyOf(found(TABLE, "GET", "/api/applications/a/files/b").pathParameters().keySet()));
    }

    @Test
    void methodNotAllowedListsTheAllowedMethodsSorted() {
        RouteTable strict = TABLE.withoutCatchAll();
        assertEquals(new RouteTable.MethodNotAllowed(List.of("GET", "PUT")),
                strict.match("DELETE", "/api/applications/new-primary"));
        assertEquals(new RouteTable.MethodNotAllowed(List.of("GET")), strict.match("POST", "/api/me"));
        assertEquals(new RouteTable.MethodNotAllowed(List.of("POST")), strict.match("GET", "/api/session"));
        // /api/applications/current also matches /api/applications/{kind}: PUT is allowed there too
        assertEquals(new RouteTable.MethodNotAllowed(List.of("GET", "PUT")),
                strict.match("POST", "/api/applications/current"));
    }

    @Test
    void anExactPathWithTheWrongMethodFallsThroughToAParameterRouteWithTheRightOne() {
        assertEquals("AppPut", found(TABLE.withoutCatchAll(), "PUT", "/api/applications/current").route().function());
        assertEquals(Map.of("kind", "current"),
                found(TABLE.withoutCatchAll(), "PUT", "/api/applications/current").pathParameters());
    }

    @Test
    void methodNotAllowedWithoutAnyCatchAll() {
        RouteTable t = new RouteTable(List.of(ME, APP_GET, APP_PUT));
        assertEquals(new RouteTable.MethodNotAllowed(List.of("GET")), t.match("POST", "/api/me"));
        assertEquals(new RouteTable.MethodNotAllowed(List.of("GET", "PUT")),
                t.match("PATCH", "/api/applications/renewal"));
    }

    @Test
    void notFound() {
        assertEquals(new RouteTable.NotFound(), TABLE.match("GET", "/other"));
        assertEquals(new RouteTable.NotFound(), TABLE.match("GET", "/"));
        assertEquals(new RouteTable.NotFound(), TABLE.match("GET", "/api"));   // {proxy+} needs a segment
        assertEquals(new RouteTable.NotFound(), TABLE.match("GET", "/assets"));
        assertEquals(new RouteTable.NotFound(), new RouteTable(List.of()).match("GET", "/api/me"));
    }

    @Test
    void withoutCatchAllTellsNotFoundFromMethodNotAllowed() {
        RouteTable strict = TABLE.withoutCatchAll();
        assertInstanceOf(RouteTable.Found.class, TABLE.match("GET", "/api/x"));
        assertEquals(new RouteTable.NotFound(), strict.match("GET", "/api/x"));
        assertEquals(new RouteTable.NotFound(), strict.match("GET", "/api/applications/new-primary/unknown"));
        assertInstanceOf(RouteTable.Found.class, TABLE.match("POST", "/api/me"));
        assertEquals(new RouteTable.MethodNotAllowed(List.of("GET")), strict.match("POST", "/api/me"));
    }

    @Test
    void withoutCatchAllDropsOnlyGreedyAnyRoutes() {
        List<Template.Route> kept = TABLE.withoutCatchAll().routes();
        assertEquals(false, kept.contains(FALLBACK));
        assertEquals(false, kept.contains(ADMIN_ANY));
        assertEquals(true, kept.contains(ASSETS));      // greedy, but GET only
        assertEquals(true, kept.contains(FILE_ANY));    // ANY, but not greedy
        assertEquals(ROUTES.size() - 2, kept.size());
        RouteTable strict = TABLE.withoutCatchAll();
        assertEquals("Assets", found(strict, "GET", "/assets/css/a.css").route().function());
        assertEquals(new RouteTable.MethodNotAllowed(List.of("GET")), strict.match("POST", "/assets/css/a.css"));
        assertEquals("FileAny", found(strict, "PATCH", "/api/files/1").route().function());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET, /api/me/,                        MyPage",
            "GET, /api/applications/new-primary/,  AppGet",
            "GET, /api/applications/current/,      AppCurrent",
            "GET, api/me,                          MyPage",
    })
    void oneTrailingSlashOrAMissingLeadingSlashIsIgnored(String method, String path, String function) {
        assertEquals(function, found(TABLE.withoutCatchAll(), method, path).route().function());
    }

    @Test
    void trailingSlashKeepsParametersClean() {
        assertEquals(Map.of("kind", "new-primary"),
                found(TABLE, "GET", "/api/applications/new-primary/").pathParameters());
    }

    @Test
    void emptySegmentsDoNotFillParameters() {
        RouteTable strict = TABLE.withoutCatchAll();
        assertEquals(new RouteTable.NotFound(), strict.match("GET", "/api/applications//"));
        assertEquals(new RouteTable.NotFound(), strict.match("GET", "/api/applications//files/x"));
        assertEquals(new RouteTable.NotFound(), strict.match("GET", "/api//me"));
        // API Gateway does not fill a last {param} with an empty string: /api/applications/ is not /api/applications/{kind}
        assertEquals(new RouteTable.NotFound(), strict.match("GET", "/api/applications/"));
    }

    @Test
    void methodsAreCaseSensitiveAsTheGatewaySendsThem() {
        // API Gateway hands over upper-case methods; the table compares them exactly.
        assertEquals(new RouteTable.MethodNotAllowed(List.of("GET")), TABLE.withoutCatchAll().match("get", "/api/me"));
    }

    @Test
    void tableBuiltFromTheTemplate() {
        Template template = Template.load(new ByteArrayInputStream(TemplateTest.YAML.getBytes(StandardCharsets.UTF_8)));
        RouteTable t = new RouteTable(template.routes());
        RouteTable.Found signIn = found(t, "POST", "/api/session");
        assertEquals("SignInFunction", signIn.route().function());
        assertEquals(false, signIn.route().authorized());
        RouteTable.Found app = found(t, "PUT", "/api/applications/new-primary");
        assertEquals("ApplicationFunction", app.route().function());
        assertEquals("PUT", app.route().method());
        assertEquals(Map.of("kind", "new-primary"), app.pathParameters());
        assertEquals("FallbackFunction", found(t, "DELETE", "/api/applications/new-primary").route().function());
        assertEquals(new RouteTable.MethodNotAllowed(List.of("GET", "PUT")),
                t.withoutCatchAll().match("DELETE", "/api/applications/new-primary"));
        assertEquals(new RouteTable.NotFound(), t.withoutCatchAll().match("GET", "/api/x"));
    }
}
