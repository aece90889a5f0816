package jp.nintei.service;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.nintei.domain.application.ConfirmationMail;
import jp.nintei.platform.Log;
import jp.nintei.store.ApplicationKey;
import jp.nintei.store.ApplicationStore;

/**
 * Confirmation mail from the outbox in the application item: sent right after the submission, and retried by
 * the schedule until SES takes it. At least once; the id is the same at every attempt.
 */
public final class MailService {
    /** The retry leaves fresh submissions to their own handler for this long. */
    static final Duration GRACE = Duration.ofMinutes(1);

    private final ApplicationStore store;
    private final Mailer mailer;
    private final Clock clock;

    public MailService(ApplicationStore store, Mailer mailer, Clock clock) {
        this.store = store;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Sends the pending confirmation of this application; true when SES took it. */
    public boolean sendPending(ApplicationStore.Snapshot s) {
        var app = s.application();
        if (app.mail() == null || !app.mail().pending()) return app.mail() != null;
        ApplicationKey key = new ApplicationKey(app.memberNo(), app.year(), app.kind());
        ConfirmationMail.Content c = ConfirmationMail.primary(s.member(), app, s.windows());
        try {
            mailer.send(new Mailer.Mail(app.mail().id(), s.member().email(), c.subject(), c.body()));
        } catch (Mailer.NotSent e) {
            store.recordMailAttempt(key, app.mail().id(), clock.instant());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("mailId", app.mail().id());
            f.put("attempts", app.mail().attempts() + 1);
            f.put("error", e.getMessage());
            Log.warn("mail-pending", f);
            return false;
        }
        store.markMailSent(key, app.mail().id(), clock.instant());
        Log.info("mail-sent", Map.of("mailId", app.mail().id()));
        return true;
    }

    /** The schedule's work: every mail still pending a minute after its submission. Returns how many were sent. */
    public int retryPending() {
        int sent = 0;
        for (ApplicationStore.PendingMail p : store.pendingMail(clock.instant().minus(GRACE), 100)) {
            var snapshot = store.load(p.key());
            if (snapshot.isPresent() && sendPending(snapshot.get())) sent++;
        }
        return sent;
    }
}
