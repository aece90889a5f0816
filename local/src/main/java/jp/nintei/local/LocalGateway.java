package jp.nintei.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.nintei.adapter.http.ApiResponses;
import jp.nintei.adapter.http.Json;
import jp.nintei.domain.AppClock;
import jp.nintei.domain.Messages;
import jp.nintei.platform.Log;
import jp.nintei.platform.RouteTable;
import jp.nintei.platform.Template;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway (HTTP API) on one machine: the routes come from template.yaml, the bearer JWT is verified
 * like the JWT authorizer, each request becomes a payload-2.0 event with the claims, and the handler named in
 * the template runs in this JVM (built once, like a warm container). {@code web/} is served at {@code /}, so
 * page and API share one origin as behind CloudFront.
 */
public final class LocalGateway implements AutoCloseable {
    private final RouteTable routes;
    private final Path webRoot;
    private final JwtVerifier verifier;
    private final HandlerRegistry handlers;
    private HttpServer server;
    private ExecutorService executor;
    private RequestLineGuard front;
    private HttpApiLimits limits = HttpApiLimits.AWS;
    private Map<String, String> responseHeaders = Map.of();

    public LocalGateway(Template template, Path webRoot, JwtVerifier verifier, HandlerRegistry handlers) {
        this.routes = new RouteTable(template.routes());
        this.webRoot = webRoot.toAbsolutePath().normalize();
        this.verifier = verifier;
        this.handlers = handlers;
    }

    /** Handler instances by template Handler string, built on first use and kept (one warm container each). */
    public static final class HandlerRegistry {
        private final Map<String, RequestHandler<Object, Object>> instances = new ConcurrentHashMap<>();

        /** Uses {@code instance} for {@code handler} (e.g. one wired with a request-counting client). */
        @SuppressWarnings("unchecked")
        public void put(String handler, RequestHandler<?, ?> instance) {
            instances.put(handler, (RequestHandler<Object, Object>) instance);
        }

        @SuppressWarnings("unchecked")
        public <I, O> RequestHandler<I, O> get(String handler) {
            return (RequestHandler<I, O>) instances.computeIfAbsent(handler, h -> {
                String className = h.contains("::") ? h.substring(0, h.indexOf("::")) : h;
                try {
                    return (RequestHandler<Object, Object>) Class.forName(className).getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot build handler " + h, e);
                }
            });
        }
    }

    public LocalGateway start(int port) throws IOException {
        // small JSON answers must not wait for the peer's delayed ACK (Nagle): ~40 ms per request otherwise
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // the JDK server listens on a loopback port of its own; the requested port is the front door, which answers
        // a request line the JDK server would refuse with HTML (a malformed percent-escape) with our JSON 400
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        executor = Executors.newFixedThreadPool(32);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        front = new RequestLineGuard(port, server.getAddress());
        return this;
    }

    public int port() { return front.port(); }

    /** The limits to enforce (default: AWS's); tests shorten the timeout. */
    public LocalGateway limits(HttpApiLimits limits) {
        this.limits = limits;
        return this;
    }

    /** Headers on every answer, as CloudFront's response headers policy adds them ({@link SecurityHeaders}). */
    public LocalGateway responseHeaders(Map<String, String> headers) {
        this.responseHeaders = Map.copyOf(headers);
        return this;
    }

    public String url() { return "http://127.0.0.1:" + port(); }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            responseHeaders.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/api") || path.startsWith("/api/")) api(exchange, path);
            else if (path.startsWith("/__local/")) local(exchange, path);
            else web(exchange, path);
        } catch (RuntimeException e) {
            Log.error("gateway", Map.of("error", e.getClass().getName()));
            send(exchange, ApiResponses.error(500, "INTERNAL_ERROR", null, Messages.INTERNAL_ERROR));
        }
    }

    private void api(HttpExchange exchange, String rawPath) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        RouteTable.Match match = routes.match(method, path);
        if (match instanceof RouteTable.NotFound) {
            send(exchange, ApiResponses.error(404, "NOT_FOUND", null, Messages.NOT_FOUND));
            return;
        }
        if (match instanceof RouteTable.MethodNotAllowed m) {
            exchange.getResponseHeaders().add("Allow", String.join(", ", m.allowed()));
            send(exchange, ApiResponses.error(405, "METHOD_NOT_ALLOWED", null, Messages.METHOD_NOT_ALLOWED));
            return;
        }
        RouteTable.Found found = (RouteTable.Found) match;
        Map<String, String> claims = null;
        if (found.route().authorized()) {
            try {
                claims = verifier.verify(exchange.getRequestHeaders().getFirst("Authorization"));
            } catch (JwtVerifier.Invalid e) {
                // the reason stays in the log line; the caller only learns to sign in again
                Log.info("unauthorized", Map.of("route", method + " " + path, "reason", e.getMessage()));
                send(exchange, ApiResponses.error(401, "UNAUTHORIZED", null, Messages.LOGIN_REQUIRED));
                return;
            }
        }
        APIGatewayV2HTTPEvent event = event(exchange, found, method, path, claims);
        APIGatewayV2HTTPResponse refused = limits.refuseRequest(declaredLength(exchange), event);
        if (refused != null) {
            send(exchange, refused);
            return;
        }
        APIGatewayV2HTTPResponse response;
        try {
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> h = handlers.get(found.route().handler());
            response = limits.invoke(h, event, new LocalContext(found.route().function(), event.getRequestContext().getRequestId()));
        } catch (RuntimeException e) {
            // what API Gateway answers when the integration fails
            Log.error("integration", Map.of("route", event.getRouteKey(), "error", e.getClass().getName()));
            response = ApiResponses.error(500, "INTERNAL_ERROR", null, Messages.INTERNAL_ERROR);
        }
        send(exchange, response);
    }

    private static long declaredLength(HttpExchange exchange) {
        try {
            String v = exchange.getRequestHeaders().getFirst("Content-Length");
            return v == null ? -1 : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static APIGatewayV2HTTPEvent event(HttpExchange exchange, RouteTable.Found found, String method, String path,
                                       Map<String, String> claims) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.merge(k, v, (a, b) -> a + "," + b);
            }
        }
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        String contentType = headers.getOrDefault("content-type", "");
        boolean text = contentType.isEmpty() || contentType.startsWith("text/") || contentType.contains("json")
                || contentType.contains("x-www-form-urlencoded");
        String body = bytes.length == 0 ? null
                : text ? new String(bytes, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(bytes);
        String routeKey = found.route().method() + " " + found.route().path();
        long now = System.currentTimeMillis();
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                .withProtocol("HTTP/1.1").withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.get("user-agent")).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(UUID.randomUUID().toString())
                .withRouteKey(routeKey).withStage("$default").withTimeEpoch(now).withHttp(http)
                .withDomainName("localhost").withApiId("local").withAccountId("000000000000");
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims)
                            .withScopes(List.of()).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withRawQueryString(rawQuery == null ? "" : rawQuery).withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(found.pathParameters().isEmpty() ? null : found.pathParameters())
                .withBody(body).withIsBase64Encoded(body != null && !text).withRequestContext(context.build()).build();
    }

    /** Local-only: read or shift the demo's "now" (never part of the deployed system). */
    private void local(HttpExchange exchange, String path) throws IOException {
        if (!path.equals("/__local/clock")) {
            send(exchange, ApiResponses.error(404, "NOT_FOUND", null, Messages.NOT_FOUND));
            return;
        }
        if ("POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            // JSON only: a cross-site form cannot send it without a CORS preflight, which is refused
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/json")) {
                send(exchange, ApiResponses.error(415, "JSON_REQUIRED", null, Messages.BAD_JSON));
                return;
            }
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            ObjectNode req = Json.parseObjectOrEmpty(body);
            String now = Json.text(req, "now");
            try {
                AppClock.shiftForLocalRun(now == null || now.isBlank() ? null : clockAt(now));
            } catch (DateTimeParseException e) {
                send(exchange, ApiResponses.error(400, "BAD_NOW", "now", "日時は 2026-06-10T09:00 の形式で入力してください。"));
                return;
            }
        }
        ZonedDateTime now = AppClock.now(AppClock.process());
        send(exchange, ApiResponses.ok(Json.object().put("now", now.toOffsetDateTime().toString())
                .put("shifted", AppClock.isShifted())));
    }

    /**
     * {@code 2026-06-10T09:00} (JST, seconds and fractions optional: {@code 09:00:00.250}) or the same with an offset
     * written {@code Z}, {@code +09:00} or {@code +0900}, or a zone ({@code 2026-06-10T09:00+09:00[Asia/Tokyo]}).
     */
    public static Clock clockAt(String text) {
        String t = jp.nintei.domain.JapaneseText.normalize(text);
        if (t == null) throw new DateTimeParseException("no date-time", "", 0);
        // +0900 → +09:00 (ISO-8601's basic offset, which java.time's ISO parsers do not read)
        t = t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
        ZonedDateTime at;
        if (t.contains("[")) at = ZonedDateTime.parse(t);
        else if (t.endsWith("Z") || t.matches(".*T.*[+-]\\d{2}:\\d{2}$")) at = java.time.OffsetDateTime.parse(t).toZonedDateTime();
        else at = LocalDateTime.parse(t).atZone(AppClock.JST);
        return AppClock.startingAt(at);
    }

    private void web(HttpExchange exchange, String rawPath) throws IOException {
        Path file;
        try {
            String path = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
            if (path.endsWith("/")) path += "index.html";
            file = webRoot.resolve(path.substring(1)).normalize();
        } catch (IllegalArgumentException badPath) { // InvalidPathException included
            file = null; // %zz, %00 …: no such page
        }
        if (file == null || !file.startsWith(webRoot) || !Files.isRegularFile(file)) {
            Path notFound = webRoot.resolve("404.html");
            byte[] body = Files.isRegularFile(notFound) ? Files.readAllBytes(notFound)
                    : "Not Found".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            return;
        }
        byte[] body = Files.readAllBytes(file);
        exchange.getResponseHeaders().set("Content-Type", contentType(file.getFileName().toString()));
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    static String contentType(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".html")) return "text/html; charset=utf-8";
        if (n.endsWith(".js") || n.endsWith(".mjs")) return "text/javascript; charset=utf-8";
        if (n.endsWith(".css")) return "text/css; charset=utf-8";
        if (n.endsWith(".json")) return "application/json; charset=utf-8";
        if (n.endsWith(".svg")) return "image/svg+xml";
        if (n.endsWith(".png")) return "image/png";
        if (n.endsWith(".ico")) return "image/x-icon";
        return "application/octet-stream";
    }

    private static void send(HttpExchange exchange, APIGatewayV2HTTPResponse r) throws IOException {
        if (r.getHeaders() != null) r.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (r.getMultiValueHeaders() != null) r.getMultiValueHeaders().forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
        byte[] body = r.getBody() == null ? new byte[0]
                : r.getIsBase64Encoded() ? Base64.getDecoder().decode(r.getBody()) : r.getBody().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(r.getStatusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        if (front != null) front.close();
        if (server != null) server.stop(0);
        if (executor != null) executor.shutdownNow();
    }
}
