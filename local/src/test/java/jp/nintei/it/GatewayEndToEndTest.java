package jp.nintei.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.Messages;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** HTTP through the local gateway with real cognito-local tokens: the authorizer's rules and the JSON errors. */
@LocalStack
class GatewayEndToEndTest {
    private final LocalSystem system;
    private final String url;

    GatewayEndToEndTest(LocalSystem system) {
        this.system = system;
        this.url = system.gateway().url();
    }

    private static void assertUnauthorized(Http.Response r) {
        assertEquals(401, r.status(), r.body());
        JsonNode body = r.json();
        assertEquals("UNAUTHORIZED", body.get("code").asString());
        assertEquals(Messages.LOGIN_REQUIRED, body.get("message").asString());
        assertFalse(r.body().contains("Exception"), r.body());
    }

    private ObjectNode validClaims() {
        return Tokens.payload(Http.idToken(url, "10000004", DemoData.PASSWORD));
    }

    @Test
    void signInThenTheMenuOfThatMemberOnly() {
        String token = Http.idToken(url, "shiro@example.jp", DemoData.PASSWORD);
        // the 会員番号 comes from the token, whatever the URL says
        Http.Response r = Http.get(url + "/api/me?memberNo=10000001", "Bearer " + token);
        assertEquals(200, r.status(), r.body());
        assertEquals("10000004", r.json().at("/applicant/memberNo").asString());
        assertEquals("緩和 四郎", r.json().at("/applicant/name").asString());
        assertEquals(5, r.json().get("menu").size());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    }

    @Test
    void missingAndMalformedTokensAre401() {
        assertUnauthorized(Http.get(url + "/api/me", null));
        assertUnauthorized(Http.get(url + "/api/me", "Bearer "));
        assertUnauthorized(Http.get(url + "/api/me", "Bearer not.a.jwt"));
        assertUnauthorized(Http.get(url + "/api/me", "Bearer abc"));
    }

    @Test
    void expiredWrongIssuerWrongAudienceAndTamperedTokensAre401() throws Exception {
        long now = Instant.now().getEpochSecond();
        ObjectNode expired = validClaims().put("exp", now - 1).put("iat", now - 3600);
        assertUnauthorized(Http.get(url + "/api/me", "Bearer " + Tokens.mint(system.root(), expired)));

        ObjectNode wrongIssuer = validClaims().put("iss", "https://cognito-idp.ap-northeast-1.amazonaws.com/other");
        assertUnauthorized(Http.get(url + "/api/me", "Bearer " + Tokens.mint(system.root(), wrongIssuer)));

        ObjectNode wrongAudience = validClaims().put("aud", "another-client");
        assertUnauthorized(Http.get(url + "/api/me", "Bearer " + Tokens.mint(system.root(), wrongAudience)));

        // a real token whose payload is swapped for another member's: the signature no longer matches
        String real = Http.idToken(url, "10000004", DemoData.PASSWORD);
        String[] parts = real.split("\\.");
        String forged = parts[0] + "." + Tokens.b64(Json.write(Tokens.payload(real).put("cognito:username", "10000001")))
                + "." + parts[2];
        assertUnauthorized(Http.get(url + "/api/me", "Bearer " + forged));

        // the same claims, correctly signed, pass: the refusals above are for the reason tested
        ObjectNode good = validClaims();
        assertEquals(200, Http.get(url + "/api/me", "Bearer " + Tokens.mint(system.root(), good)).status());
    }

    @Test
    void unknownRoutesAndWrongMethodsAreJsonInJapanese() {
        Http.Response notFound = Http.get(url + "/api/no-such-thing", null);
        assertEquals(404, notFound.status());
        assertEquals("NOT_FOUND", notFound.json().get("code").asString());
        assertEquals(Messages.NOT_FOUND, notFound.json().get("message").asString());

        Http.Response wrongMethod = Http.send("DELETE", url + "/api/me", null, null);
        assertEquals(405, wrongMethod.status());
        assertEquals("METHOD_NOT_ALLOWED", wrongMethod.json().get("code").asString());
        assertEquals(List.of("GET"), wrongMethod.headers().allValues("allow"));

        Http.Response getLogin = Http.get(url + "/api/auth/login", null);
        assertEquals(405, getLogin.status());
    }

    /** Sends a request line as written (the JDK client refuses malformed paths before sending). */
    private int rawStatus(String path) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", system.gateway().port())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The whole raw answer to one request line, as the server writes it. */
    private String raw(String target) {
        return rawPipelined("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    private String rawPipelined(String requests) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", system.gateway().port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(requests.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void thePagesAreServedOnTheSameOriginAndNothingElse() {
        Http.Response index = Http.get(url + "/", null);
        assertEquals(200, index.status());
        assertTrue(index.body().contains("ログインする"));
        assertTrue(index.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertEquals(200, Http.get(url + "/app.js", null).status());
        assertEquals(404, Http.get(url + "/%2e%2e/template.yaml", null).status());
        assertEquals(404, Http.get(url + "/no-such-page.html", null).status());
        int badEscape = rawStatus("/%zz");
        assertTrue(badEscape == 400 || badEscape == 404, "a bad escape is the client's mistake, not a 500: " + badEscape);
        // issue 12: a malformed percent-escape is answered in our JSON shape, never an HTML page naming a Java exception
        for (String target : List.of("/api/me%zz", "/api/directory/facilities?q=%E3%8", "/%zz")) {
            String raw = raw(target);
            assertTrue(raw.startsWith("HTTP/1.1 400 "), raw);
            assertTrue(raw.contains("application/json"), raw);
            assertTrue(raw.contains("\"code\":\"BAD_REQUEST_TARGET\"") && raw.contains("URLを読み取れませんでした"), raw);
            assertFalse(raw.contains("Exception") || raw.contains("<h1>"), raw);
        }
        // the same connection carries good requests before a bad one: their answers come first, in order
        String both = rawPipelined("GET /api/no-such HTTP/1.1\r\nHost: localhost\r\n\r\nGET /api/x%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertTrue(both.startsWith("HTTP/1.1 404 ") && both.indexOf("HTTP/1.1 400 ") > 0, both);
        int nul = rawStatus("/a%00b");
        assertTrue(nul == 400 || nul == 404, "a NUL in the path is the client's mistake, not a 500: " + nul);
        // the local clock only takes JSON (a cross-site form cannot shift the demo's time)
        Http.Response form = Http.send("POST", url + "/__local/clock", null, null);
        assertEquals(415, form.status());
    }
}
