package jp.nintei.adapter.dynamo;

import jp.nintei.adapter.http.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A JSON string attribute of one of our items. We wrote it, so text that cannot be read is our fault: an
 * {@link Unreadable} (a 500, logged by the handler), never a JSON error the HTTP adapter would answer as the
 * client's 400.
 */
final class StoredJson {
    private StoredJson() {}

    /** A stored value that is not what our mapping writes. */
    static final class Unreadable extends IllegalStateException {
        Unreadable(String attribute, Throwable cause) { super("stored attribute " + attribute + " cannot be read", cause); }
    }

    /** The attribute's JSON, or {@code null} when the item has none. */
    static JsonNode parse(String attribute, String stored) {
        if (stored == null) return null;
        try {
            return Json.parse(stored);
        } catch (JacksonException e) {
            throw new Unreadable(attribute, e);
        }
    }
}
