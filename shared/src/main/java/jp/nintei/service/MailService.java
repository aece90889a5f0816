package jp.nintei.service;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.platform.Log;
import jp.nintei.platform.Metrics;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationStore;
import jp.nintei.port.Mailer;

/**
 * Confirmation mail from the outbox in the application item: sent right after the submission, and retried by
 * the schedule until SES takes it. At least once; the id is the same at every attempt.
 */
public final class MailService {
    /** The retry leaves fresh submissions to their own handler for this long. */
    static final Duration GRACE = Duration.ofMinutes(1);
    /** About a day and a half of 5-minute retries; then the secretariat is told (follow-ups) and can resend. */
    static final int MAX_ATTEMPTS = 400;

    private final ApplicationStore store;
    private final Mailer mailer;
    private final Clock clock;

    public MailService(ApplicationStore store, Mailer mailer, Clock clock) {
        this.store = store;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** A confirmation to send: which application, its outbox state, the mail itself. */
    public record Outgoing(ApplicationKey key, MailStatus status, Mailer.Mail mail) {}

    /** Sends a pending confirmation; true when SES took it (or it was already sent). */
    public boolean send(Outgoing o) { return send(o, false); }

    /**
     * As {@link #send(Outgoing)}; {@code auditWritten}: the submission's audit line is written, so recording the
     * mail as sent also takes the submission off the audit queue (one write for both).
     */
    public boolean send(Outgoing o, boolean auditWritten) {
        if (o.status() == null) return false;
        if (!o.status().pending()) return true;
        try {
            mailer.send(o.mail());
        } catch (Mailer.NotSent e) {
            try {
                if (o.status().attempts() + 1 >= MAX_ATTEMPTS) store.markMailFailed(o.key(), o.status().id(), clock.instant());
                else store.recordMailAttempt(o.key(), o.status().id(), clock.instant());
            } catch (RuntimeException storeFailing) {
                // the mail stays pending (the retry finds it): a submission that is stored stays a success
                Log.warn("mail-attempt-not-recorded", Map.of("mailId", o.status().id(), "error", storeFailing.getClass().getName()));
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("mailId", o.status().id());
            f.put("attempts", o.status().attempts() + 1);
            f.put("error", e.getMessage());
            Log.warn("mail-pending", f);
            if (o.status().attempts() + 1 >= MAX_ATTEMPTS) {
                // 送信失敗: alarmed (template.yaml MailFailedAlarm); the secretariat resends from its page
                Metrics.emit("mail-failed", Map.of(Metrics.MAIL_FAILED, 1), Map.of("mailId", o.status().id()));
            }
            return false;
        }
        try {
            store.markMailSent(o.key(), o.status().id(), clock.instant(), auditWritten);
        } catch (RuntimeException storeFailing) {
            // SES took the mail; it stays pending in the outbox, so the retry may send it once more (at least once,
            // the same X-Nintei-Mail-Id) rather than the member being told a stored submission failed
            Log.warn("mail-sent-not-recorded", Map.of("mailId", o.status().id(), "error", storeFailing.getClass().getName()));
        }
        Log.info("mail-sent", Map.of("mailId", o.status().id()));
        return true;
    }

    /** The schedule's work: every mail still pending a minute after its submission. Returns how many were sent. */
    public int retryPending(Function<ApplicationKey, Optional<Outgoing>> compose) {
        int sent = 0;
        for (ApplicationStore.PendingMail p : store.pendingMail(clock.instant().minus(GRACE), 100)) {
            Optional<Outgoing> o = compose.apply(p.key());
            if (o.isPresent() && o.get().status() != null && o.get().status().pending() && send(o.get())) sent++;
        }
        return sent;
    }
}
