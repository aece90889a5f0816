package jp.nintei.platform;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * Structured JSON lines on stdout (CloudWatch Logs in Lambda). Callers pass identifiers, routes, codes
 * and durations only: never names, e-mail addresses or document contents.
 */
public final class Log {
    private static final PrintStream OUT = System.out;

    private Log() {}

    public static void info(String event, Map<String, ?> fields) { write("INFO", event, fields); }

    public static void warn(String event, Map<String, ?> fields) { write("WARN", event, fields); }

    public static void error(String event, Map<String, ?> fields) { write("ERROR", event, fields); }

    static String line(String level, String event, Map<String, ?> fields) {
        StringBuilder b = new StringBuilder(160).append("{\"ts\":\"").append(Instant.now())
                .append("\",\"level\":\"").append(level).append("\",\"event\":");
        quote(b, event);
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            b.append(',');
            quote(b, e.getKey());
            b.append(':');
            Object v = e.getValue();
            if (v == null) b.append("null");
            else if (v instanceof Number || v instanceof Boolean) b.append(v);
            else quote(b, v.toString());
        }
        return b.append('}').toString();
    }

    private static void write(String level, String event, Map<String, ?> fields) {
        OUT.println(line(level, event, fields));
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }
}
