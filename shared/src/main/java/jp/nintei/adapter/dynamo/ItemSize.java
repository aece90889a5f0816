package jp.nintei.adapter.dynamo;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's 400 KB item limit counts UTF-8 bytes; dynalite counts characters, so Japanese text could pass
 * locally and fail on AWS. Every write measures the item here first.
 */
public final class ItemSize {
    public static final int LIMIT_BYTES = 400 * 1024;

    private ItemSize() {}

    public static int bytes(Map<String, AttributeValue> item) {
        int total = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) total += utf8(e.getKey()) + bytes(e.getValue());
        return total;
    }

    static int bytes(AttributeValue v) {
        if (v.s() != null) return utf8(v.s());
        if (v.n() != null) return 1 + (v.n().length() + 1) / 2;
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) return 1;
        if (v.b() != null) return v.b().asByteArray().length;
        int total = 3;
        if (v.hasSs()) for (String s : v.ss()) total += utf8(s);
        if (v.hasNs()) for (String n : v.ns()) total += 1 + (n.length() + 1) / 2;
        if (v.hasL()) for (AttributeValue x : v.l()) total += 1 + bytes(x);
        if (v.hasM()) for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) total += 1 + utf8(e.getKey()) + bytes(e.getValue());
        return total;
    }

    public static void check(Map<String, AttributeValue> item) {
        int size = bytes(item);
        if (size > LIMIT_BYTES) throw new ItemTooLargeException(size);
    }

    private static int utf8(String s) { return s.getBytes(StandardCharsets.UTF_8).length; }

    public static final class ItemTooLargeException extends RuntimeException {
        ItemTooLargeException(int size) { super("item of " + size + " bytes exceeds " + LIMIT_BYTES); }
    }
}
