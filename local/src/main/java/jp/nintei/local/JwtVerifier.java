package jp.nintei.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.nintei.adapter.http.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a bearer JWT the way the HTTP API's JWT authorizer does: RS256 signature against the pool's
 * JWKS (fetched once, refetched for an unknown key id; keys and signature through Nimbus JOSE+JWT), {@code exp}/{@code nbf} against the real clock,
 * {@code iss} equal to the pool's issuer, and {@code aud} (ID token) or {@code client_id} (access token)
 * equal to the app client. Returns the claims flattened to strings as the authorizer passes them on.
 */
public final class JwtVerifier {
    public static final class Invalid extends Exception {
        Invalid(String reason) { super(reason, null, false, false); }
    }

    private final URI jwks;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, RSASSAVerifier> keys = new ConcurrentHashMap<>();

    /** {@code clock} is the real wall clock, never the demo's shifted "now": tokens live in real time. */
    public JwtVerifier(URI jwks, String issuer, String audience, Clock clock) {
        this.jwks = jwks;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    public Map<String, String> verify(String authorizationHeader) throws Invalid {
        try {
            return check(authorizationHeader);
        } catch (RuntimeException e) {
            // whatever a hostile token makes a parser throw is a refusal, never a 500
            throw new Invalid("malformed token");
        }
    }

    private Map<String, String> check(String authorizationHeader) throws Invalid {
        if (authorizationHeader == null || authorizationHeader.isBlank()) throw new Invalid("missing token");
        String token = authorizationHeader.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) token = token.substring(7).strip();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) throw new Invalid("malformed token");
        JsonNode header = decode(parts[0]);
        JsonNode payload = decode(parts[1]);
        if (!JWSAlgorithm.RS256.getName().equals(Json.text(header, "alg"))) throw new Invalid("unsupported alg");
        RSASSAVerifier key = key(Json.text(header, "kid"));
        try {
            // an empty signature is a signature that does not match (Nimbus would read it as an unsecured JWT)
            if (parts[2].isEmpty() || !SignedJWT.parse(token).verify(key)) throw new Invalid("bad signature");
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw new Invalid("bad signature");
        }
        long now = clock.instant().getEpochSecond();
        JsonNode exp = payload.get("exp");
        if (exp == null || !exp.isNumber() || exp.asLong() <= now) throw new Invalid("expired");
        JsonNode nbf = payload.get("nbf");
        if (nbf != null && nbf.isNumber() && nbf.asLong() > now) throw new Invalid("not yet valid");
        JsonNode iat = payload.get("iat");
        if (iat == null || !iat.isNumber() || iat.asLong() > now) throw new Invalid("issued in the future");
        if (!issuer.equals(Json.text(payload, "iss"))) throw new Invalid("wrong issuer");
        // as the HTTP API authorizer: aud when present (ID token), else client_id (access token)
        String aud = payload.has("aud") ? Json.text(payload, "aud") : Json.text(payload, "client_id");
        if (!audience.equals(aud)) throw new Invalid("wrong audience");
        Map<String, String> claims = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : payload.properties()) claims.put(e.getKey(), flatten(e.getValue()));
        return claims;
    }

    /** HTTP API passes arrays as {@code [a b]} and everything else as its text. */
    private static String flatten(JsonNode v) {
        if (v.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (JsonNode x : v) {
                if (b.length() > 1) b.append(' ');
                b.append(x.isValueNode() ? x.asString() : Json.write(x));
            }
            return b.append(']').toString();
        }
        return v.isValueNode() ? v.asString() : Json.write(v);
    }

    private static JsonNode decode(String part) throws Invalid {
        try {
            JsonNode n = Json.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
            if (!n.isObject()) throw new Invalid("malformed token");
            return n;
        } catch (IllegalArgumentException | JacksonException e) {
            throw new Invalid("malformed token");
        }
    }

    private RSASSAVerifier key(String kid) throws Invalid {
        if (kid == null) throw new Invalid("no key id");
        RSASSAVerifier k = keys.get(kid);
        if (k == null) {
            refresh();
            k = keys.get(kid);
        }
        if (k == null) throw new Invalid("unknown key id");
        return k;
    }

    /** Reads the JWKS key by key, so that one key of another type or shape does not hide the RSA keys. */
    private synchronized void refresh() throws Invalid {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(jwks).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode k : Json.parse(r.body()).path("keys")) {
                if (!"RSA".equals(Json.text(k, "kty")) || Json.text(k, "kid") == null) continue;
                RSAKey key = RSAKey.parse(Json.write(k));
                keys.put(key.getKeyID(), new RSASSAVerifier(key));
            }
        } catch (java.io.IOException | ParseException | JOSEException | RuntimeException e) {
            throw new Invalid("jwks unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Invalid("interrupted");
        }
    }
}
