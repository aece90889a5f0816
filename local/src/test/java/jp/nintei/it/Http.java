package jp.nintei.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import jp.nintei.adapter.http.Json;
import tools.jackson.databind.JsonNode;

/** A small HTTP client for end-to-end tests through the local gateway. */
final class Http {
    record Response(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() { return Json.parse(body); }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    static Response send(String method, String url, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", token);
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Response get(String url, String token) { return send("GET", url, token, null); }

    static Response post(String url, String body) { return send("POST", url, null, body); }

    /** Signs in through the gateway and returns the ID token. */
    static String idToken(String gateway, String userId, String password) {
        Response r = post(gateway + "/api/auth/login",
                Json.write(Json.object().put("userId", userId).put("password", password)));
        if (r.status() != 200) throw new AssertionError("login failed: " + r.status() + " " + r.body());
        return r.json().get("idToken").asString();
    }
}
