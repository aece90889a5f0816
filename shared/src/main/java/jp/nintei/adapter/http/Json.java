package jp.nintei.adapter.http;

import jp.nintei.domain.Messages;
import jp.nintei.domain.Rejection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the container (thread-safe, immutable in Jackson 3). Tree model only: no bean reflection. */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static ObjectNode object() { return MAPPER.createObjectNode(); }

    public static String write(JsonNode node) { return MAPPER.writeValueAsString(node); }

    /** Parses a request body; anything that is not a JSON object is the client's mistake (400). */
    public static ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) throw Rejection.invalid("BAD_JSON", null, Messages.BAD_JSON);
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n instanceof ObjectNode o) return o;
        } catch (JacksonException e) {
            // fall through: the message must not echo the body back
        }
        throw Rejection.invalid("BAD_JSON", null, Messages.BAD_JSON);
    }

    /** Lenient: an empty or unreadable body reads as an empty object. */
    public static ObjectNode parseObjectOrEmpty(String body) {
        try {
            return parseObject(body);
        } catch (Rejection e) {
            return object();
        }
    }

    public static JsonNode parse(String text) { return MAPPER.readTree(text); }

    /** The text of a field, or {@code null} when it is absent or not a string/number. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainer()) return null;
        return v.asString();
    }
}
