package jp.nintei.functions.mail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import jp.nintei.functions.support.Components;
import java.time.Duration;
import java.time.Instant;
import jp.nintei.platform.Metrics;
import jp.nintei.port.ApplicationStore;
import jp.nintei.service.ConfirmationMails;
import jp.nintei.service.MailService;

/** Scheduled: sends every confirmation mail still pending (SES was down, or the sending handler died). */
public final class MailRetryHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private final MailService mail;
    private final ConfirmationMails mails;
    private final ApplicationStore store;

    public MailRetryHandler() {
        var store = Components.applications();
        this.store = store;
        this.mail = Components.mail(store);
        this.mails = new ConfirmationMails(store, store, Components.directory());
    }

    public MailRetryHandler(MailService mail, ConfirmationMails mails) { this(mail, mails, null); }

    /** @param store where the mail still waiting is counted (for the alarm) and queued audit lines are written; null for none */
    public MailRetryHandler(MailService mail, ConfirmationMails mails, ApplicationStore store) {
        this.mail = mail;
        this.mails = mails;
        this.store = store;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        long t0 = System.nanoTime();
        int sent = mail.retryPending(mails::forKey);
        // submissions whose audit line could not be written right after the submit
        int audited = store == null ? 0 : store.recordPendingAudits(100);
        // what still waits after this run: the alarm MailWaitsTooLongAlarm watches the oldest one's age
        long oldestMinutes = 0;
        if (store != null) {
            Instant now = Instant.now();
            for (ApplicationStore.PendingMail p : store.pendingMail(now.minus(Duration.ofMinutes(1)), 100)) {
                if (p.since() != null) oldestMinutes = Math.max(oldestMinutes, Duration.between(p.since(), now).toMinutes());
            }
        }
        Metrics.emit("mail-retry", Map.of(Metrics.MAIL_RETRY_SENT, sent, Metrics.MAIL_OLDEST_PENDING_MINUTES, oldestMinutes),
                Map.of("audited", audited, "durationMs", (System.nanoTime() - t0) / 1_000_000));
        return Map.of("sent", sent, "audited", audited);
    }
}
