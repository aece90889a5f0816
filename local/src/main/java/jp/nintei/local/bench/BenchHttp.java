package jp.nintei.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jp.nintei.adapter.http.Json;
import jp.nintei.local.DemoData;

/** The benchmarks' HTTP: sign in through the gateway, send JSON or bytes with the bearer token. */
final class BenchHttp {
    private BenchHttp() {}

    /** The ID token of a demo-password member, signed in through POST /api/auth/login. */
    static String login(String url, String memberNo) {
        HttpResponse<String> r = send(HttpClient.newHttpClient(), "POST", url + "/api/auth/login", null,
                "{\"userId\":\"" + memberNo + "\",\"password\":\"" + DemoData.PASSWORD + "\"}");
        if (r.statusCode() != 200) throw new IllegalStateException("login " + r.statusCode() + " " + r.body());
        return Json.parse(r.body()).get("idToken").asString();
    }

    /** A JSON (or empty) request; {@code token} is the whole Authorization value or null. */
    static HttpResponse<String> send(HttpClient http, String method, String url, String token, String body) {
        HttpRequest.Builder b = request(url, token).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        return send(http, b.build());
    }

    static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) b.header("Authorization", token);
        return b;
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
