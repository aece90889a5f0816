package jp.nintei.service;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import jp.nintei.domain.Member;
import jp.nintei.domain.application.MailStatus;
import jp.nintei.platform.Log;
import jp.nintei.port.ApplicationKey;
import jp.nintei.port.ApplicationStore;

/**
 * 提出, the same for 一次申請 and 二次申請 once each has checked its own rules: one conditional update (nothing
 * is half-submitted), a repeat or a lost race answered with the submission that stands (never a second one),
 * then the audit line and the confirmation mail, best effort: the answer is 200 whatever happens to them (the
 * submit queued both; the mail-retry schedule finishes what fails now).
 *
 * @param <S> the snapshot of the application the caller answers with
 */
final class SubmitFlow<S> {
    /** How long a repeated or losing submit waits for the winning request's first attempt to send the mail. */
    static final Duration MAIL_WAIT = Duration.ofSeconds(3);

    /** The submission that stands, and whether its mail went out (null: still being sent). */
    record Outcome<S>(S snapshot, Boolean mailSent) {}

    /** What differs between 一次 and 二次: how the application is read, and what it looks like once submitted. */
    interface Application<S> {
        S reload();

        MailStatus mailOf(S snapshot);

        /** The snapshot as stored after the conditional update (version + 1, 提出済), with this mail state. */
        S submitted(MailStatus mail);

        MailService.Outgoing confirmation(S submitted);
    }

    private final ApplicationStore store;
    private final MailService mail;

    SubmitFlow(ApplicationStore store, MailService mail) {
        this.store = store;
        this.mail = mail;
    }

    /** An application already 提出済: answered with the stored submission and the true state of its mail. */
    Outcome<S> repeat(S stored, Application<S> app) {
        S settled = settle(stored, app::reload, app::mailOf);
        return new Outcome<>(settled, mailSent(app.mailOf(settled)));
    }

    /**
     * Submits {@code version} of the application (its rules already checked): a parallel submit that won is
     * answered as a repeat; any other conflict is the caller's refusal.
     */
    Outcome<S> submit(ApplicationKey key, long version, Member member, String receiptNo, String mailId, ZonedDateTime now,
                      Application<S> app) {
        try {
            store.submit(key, version, receiptNo, mailId, now.toInstant(), member);
        } catch (ApplicationStore.Conflict c) {
            // a parallel submit won: answer with that submission, never a second one
            if (c.reason() == ApplicationStore.Conflict.Reason.SUBMITTED) return repeat(app.reload(), app);
            throw PrimaryApplicationService.conflict(c);
        }
        boolean audited = audit(key, receiptNo, version, now);
        // the conditional update succeeded, so the stored item is exactly this: no second read
        S after = app.submitted(new MailStatus(mailId, MailStatus.State.PENDING, 0, null));
        boolean sent = mail.send(app.confirmation(after), audited);
        if (sent) after = app.submitted(new MailStatus(mailId, MailStatus.State.SENT, 1, now.toInstant()));
        return new Outcome<>(after, sent);
    }

    /**
     * Best effort: the submission stands even if its audit line cannot be written now (the submit queued it, and
     * the mail-retry schedule writes it). Returns whether it was written.
     */
    private boolean audit(ApplicationKey key, String receiptNo, long version, ZonedDateTime now) {
        try {
            store.recordSubmission(key, receiptNo, version, now.toInstant());
            return true;
        } catch (RuntimeException e) {
            Log.warn("audit", Map.of("event", "SUBMITTED", "error", e.getClass().getName()));
            return false;
        }
    }

    /**
     * The true mail state for a request that did not send the mail itself (a double submit's loser, a repeat):
     * while the winner's first attempt is still under way (pending, no attempt yet) it reads again for up to
     * {@link #MAIL_WAIT}, so that it does not answer "not sent" for a mail that is going out that moment.
     */
    static <T> T settle(T first, Supplier<T> reload, Function<T, MailStatus> mailOf) {
        T s = first;
        long until = System.nanoTime() + MAIL_WAIT.toNanos();
        while (firstAttemptUnderWay(mailOf.apply(s)) && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            s = reload.get();
        }
        return s;
    }

    private static boolean firstAttemptUnderWay(MailStatus m) { return m != null && m.pending() && m.attempts() == 0; }

    /** Sent → true; an attempt failed (the schedule retries) → false; still being sent → null (the page shows mailState). */
    static Boolean mailSent(MailStatus m) {
        if (m == null) return null;
        if (m.state() == MailStatus.State.SENT) return true;
        return firstAttemptUnderWay(m) ? null : Boolean.FALSE;
    }
}
