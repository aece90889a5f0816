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

    public MailRetryHandler() {
        var store = Components.applications();
        this.mail = Components.mail(store);
        this.mails = new ConfirmationMails(store, store, Components.directory());
    }

    public MailRetryHandler(MailService mail, ConfirmationMails mails) {
        this.mail = mail;
        this.mails = mails;
    }

    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        long t0 = System.nanoTime();
        int sent = mail.retryPending(mails::forKey);
        Log.info("mail-retry", Map.of("sent", sent, "durationMs", (System.nanoTime() - t0) / 1_000_000));
        return Map.of("sent", sent);
    }
}
