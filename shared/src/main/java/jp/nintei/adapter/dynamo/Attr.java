package jp.nintei.adapter.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small readers for hand-written mappers: absent attributes read as null/false/0. */
final class Attr {
    private Attr() {}

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    static int n(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Integer.parseInt(v.n());
    }

    static LocalDate date(Map<String, AttributeValue> item, String name) {
        String s = s(item, name);
        return s == null ? null : LocalDate.parse(s);
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String s = s(item, name);
        return s == null ? null : Instant.parse(s);
    }
}
