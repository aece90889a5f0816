package jp.nintei.functions.mail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import jp.nintei.functions.support.Components;
import jp.nintei.platform.Log;
import jp.nintei.service.ConfirmationMails;
import jp.nintei.service.MailService;

/** Scheduled: sends every confirmation mail still pending (SES was down, or the sending handler died). */
public final class MailRetryHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
    private final MailService mail;
    private final ConfirmationMails mails;
    private final jp.nintei.store.ApplicationStore store;

    public MailRetryHandler() {
        var store = Components.applications();
        this.store = store;
        this.mail = Components.mail(store);
        this.mails = new ConfirmationMails(store, store, Components.directory());
    }

    public MailRetryHandler(MailService mail, ConfirmationMails mails) {
        this.store = null;
        this.mail = mail;
        this.mails = mails;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        long t0 = System.nanoTime();
        int sent = mail.retryPending(mails::forKey);
        // submissions whose audit line could not be written right after the submit
        int audited = store == null ? 0 : store.recordPendingAudits(100);
        Log.info("mail-retry", Map.of("sent", sent, "audited", audited, "durationMs", (System.nanoTime() - t0) / 1_000_000));
        return Map.of("sent", sent, "audited", audited);
    }
}
