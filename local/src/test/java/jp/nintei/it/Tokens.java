package jp.nintei.it;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.RSAPrivateKeySpec;
import java.util.Base64;
import jp.nintei.adapter.http.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Mints tokens with cognito-local's own signing key, to test what the gateway refuses (expired, wrong issuer …). */
final class Tokens {
    private Tokens() {}

    static String mint(Path projectRoot, ObjectNode payload) throws Exception {
        JsonNode jwk = Json.parse(Files.readString(projectRoot.resolve(
                "local/node/node_modules/cognito-local/lib/keys/cognitoLocal.private.json"))).get("jwk");
        BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n").asString()));
        BigInteger d = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("d").asString()));
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateKeySpec(n, d));
        String header = b64(Json.write(Json.object().put("alg", "RS256").put("typ", "JWT").put("kid", "CognitoLocal")));
        String body = b64(Json.write(payload));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
        return header + "." + body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    static ObjectNode payload(String token) {
        String p = token.split("\\.")[1];
        return (ObjectNode) Json.parse(new String(Base64.getUrlDecoder().decode(p), StandardCharsets.UTF_8));
    }

    static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
