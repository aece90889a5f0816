package jp.nintei.platform;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudWatch metrics in embedded metric format (EMF): one of our JSON log lines that also carries an
 * {@code _aws} block, from which CloudWatch Logs extracts the metrics (no API call, no extra permission).
 * Namespace {@code METRICS_NAMESPACE} (template.yaml: {@code nintei/<stack>}, so two stacks never mix).
 * The alarms in template.yaml name these metrics; DeploymentTemplateTest ties the two together.
 */
public final class Metrics {
    /** Mail given up after its last attempt (送信失敗): the secretariat must resend it. */
    public static final String MAIL_FAILED = "MailFailed";
    /** Minutes the oldest confirmation mail has waited past its grace minute (0 when none waits). */
    public static final String MAIL_OLDEST_PENDING_MINUTES = "MailOldestPendingMinutes";
    /** 1 when a run of the account queue created nothing although members wait for their account. */
    public static final String ACCOUNTS_STUCK = "AccountsStuck";
    public static final String ACCOUNTS_CREATED = "AccountsCreated";
    public static final String MAIL_RETRY_SENT = "MailRetrySent";

    private Metrics() {}

    /** Writes one log line (level INFO, {@code event}, {@code fields}) carrying {@code metrics} as EMF. */
    public static void emit(String event, Map<String, ? extends Number> metrics, Map<String, ?> fields) {
        System.out.println(line(event, metrics, fields, Instant.now()));
    }

    static String line(String event, Map<String, ? extends Number> metrics, Map<String, ?> fields, Instant now) {
        StringBuilder defs = new StringBuilder();
        for (String name : metrics.keySet()) {
            if (defs.length() > 0) defs.append(',');
            defs.append("{\"Name\":\"").append(name).append("\",\"Unit\":\"").append(name.endsWith("Minutes") ? "None" : "Count").append("\"}");
        }
        String aws = "{\"Timestamp\":" + now.toEpochMilli() + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
                + Settings.find("METRICS_NAMESPACE").orElse("nintei") + "\",\"Dimensions\":[[]],\"Metrics\":[" + defs + "]}]}";
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.putAll(metrics);
        String base = Log.line("INFO", event, all);
        // Log.line quotes strings; the _aws block is JSON already, so it is appended before the closing brace
        return base.substring(0, base.length() - 1) + ",\"_aws\":" + aws + "}";
    }
}
