package jp.nintei.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.Member;
import jp.nintei.local.DemoData;
import jp.nintei.local.LocalSystem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An applicant's browser, as API calls: sign in, read, save, upload through the presigned URL, register, submit. */
final class Applicant {
    private static final HttpClient S3 = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String APP = "/api/applications/new-primary";

    final Member member;
    final String gateway;
    final String token;

    Applicant(LocalSystem system, Member member) {
        this.member = member;
        this.gateway = system.gateway().url();
        this.token = "Bearer " + Http.idToken(gateway, member.memberNo(), DemoData.PASSWORD);
    }

    Http.Response call(String method, String path, ObjectNode body) {
        return Http.send(method, gateway + path, token, body == null ? null : Json.write(body));
    }

    JsonNode read() {
        Http.Response r = call("GET", APP, null);
        if (r.status() != 200) throw new AssertionError(r.status() + " " + r.body());
        return r.json();
    }

    Http.Response save(long version, String... preferences) {
        ObjectNode b = Json.object().put("version", version);
        ArrayNode p = b.putArray("preferences");
        for (String x : preferences) {
            if (x == null) p.addNull();
            else p.add(x);
        }
        return call("PUT", APP, b);
    }

    Http.Response slot(String fileName, String contentType, long size, String sha256) {
        return slot(APP, "FEE_RECEIPT", fileName, contentType, size, sha256);
    }

    Http.Response slot(String app, String purpose, String fileName, String contentType, long size, String sha256) {
        return call("POST", app + "/documents", Json.object().put("purpose", purpose).put("fileName", fileName)
                .put("size", size).put("contentType", contentType).put("sha256", sha256));
    }

    /** Uploads and registers a file to any application ({@code app} is its API path); returns the registration answer. */
    Http.Response upload(String app, String purpose, String fileName, String contentType, byte[] content) {
        Http.Response slot = slot(app, purpose, fileName, contentType, content.length, Samples.sha256(content));
        if (slot.status() != 201) return slot;
        int put = put(slot.json(), content);
        if (put != 200) throw new AssertionError("S3 PUT answered " + put);
        return call("POST", app + "/documents/" + slot.json().at("/document/id").asString(), null);
    }

    Http.Response slot(String fileName, String contentType, byte[] content) {
        return slot(fileName, contentType, content.length, Samples.sha256(content));
    }

    /** PUTs {@code body} to the presigned URL of a slot, with the headers the slot names; returns the S3 status. */
    static int put(JsonNode slot, byte[] body) {
        return put(slot.at("/upload/url").asString(), slot.at("/upload/headers"), body);
    }

    static int put(String url, JsonNode headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        for (var h : headers.properties()) b.header(h.getKey(), h.getValue().asString());
        try {
            return S3.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1; // the server cut the upload off
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Http.Response register(String documentId) { return call("POST", APP + "/documents/" + documentId, null); }

    JsonNode get(String path) {
        Http.Response r = call("GET", path, null);
        if (r.status() != 200) throw new AssertionError(r.status() + " " + r.body());
        return r.json();
    }

    Http.Response preview(String documentId) { return call("GET", APP + "/documents/" + documentId, null); }

    Http.Response delete(String documentId) { return call("DELETE", APP + "/documents/" + documentId, null); }

    Http.Response submit(long version) { return call("POST", APP + "/submit", Json.object().put("version", version)); }

    /** Uploads and registers a real file; returns the document id. */
    String upload(String fileName, String contentType, byte[] content) {
        Http.Response slot = slot(fileName, contentType, content);
        if (slot.status() != 201) throw new AssertionError(slot.status() + " " + slot.body());
        int put = put(slot.json(), content);
        if (put != 200) throw new AssertionError("S3 PUT answered " + put);
        String id = slot.json().at("/document/id").asString();
        Http.Response reg = register(id);
        if (reg.status() != 200) throw new AssertionError(reg.status() + " " + reg.body());
        return id;
    }

    static List<String> codes(Http.Response r) {
        return r.json().findValues("code").stream().map(JsonNode::asString).toList();
    }
}
