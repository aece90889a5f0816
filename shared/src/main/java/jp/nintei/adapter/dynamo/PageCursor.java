package jp.nintei.adapter.dynamo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.nintei.adapter.http.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The cursor of a paged GSI1 query, as opaque URL-safe text (the secretariat's lists and the account list). */
final class PageCursor {
    private PageCursor() {}

    /** The page cursor: the GSI key of the last row, as opaque URL-safe text. */
    static String encode(Map<String, AttributeValue> key) {
        ObjectNode o = Json.object();
        key.forEach((k, v) -> o.put(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(o).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor) {
        try {
            JsonNode o = Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            Map<String, AttributeValue> key = new HashMap<>();
            for (String f : List.of(Keys.PK, Keys.SK, Keys.GSI1PK, Keys.GSI1SK)) {
                String v = Json.text(o, f);
                if (v == null) throw new IllegalArgumentException("cursor");
                key.put(f, AttributeValue.fromS(v));
            }
            return key;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor");
        }
    }}
