package jp.nintei.functions.mailevents;

import jp.nintei.adapter.http.Json;
import jp.nintei.service.MailEventService;
import tools.jackson.databind.JsonNode;

/** Reads an SES event notification (the SNS message text) into the service's value; JSON stays at the edge. */
final class SesEventJson {
    private SesEventJson() {}

    /** The event, or {@code null} when the text is not JSON at all. */
    static MailEventService.SesEvent read(String sesEventJson) {
        JsonNode e;
        try {
            e = Json.parse(sesEventJson);
        } catch (RuntimeException bad) {
            return null;
        }
        if (e == null) return null;
        String type = Json.text(e, "eventType");
        if (type == null) type = Json.text(e, "notificationType"); // identity notifications use this name
        JsonNode b = e.path("bounce");
        String diagnostic = b.path("bouncedRecipients").path(0).path("diagnosticCode").asString("");
        boolean permanent = "Permanent".equals(b.path("bounceType").asString(""));
        return new MailEventService.SesEvent(type, permanent, diagnostic, mailId(e.path("mail")));
    }

    private static String mailId(JsonNode mail) {
        for (JsonNode h : mail.path("headers")) {
            if (MailEventService.MAIL_ID_HEADER.equalsIgnoreCase(h.path("name").asString(""))) return h.path("value").asString(null);
        }
        return null;
    }
}
