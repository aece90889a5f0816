package jp.nintei.port;

/** Sends one plain-text mail. {@code id} is stable per mail, so a resend can be recognised as the same mail. */
public interface Mailer {
    record Mail(String id, String to, String subject, String body) {}

    /** Thrown when the mail could not be handed over; it stays pending and is retried. */
    final class NotSent extends RuntimeException {
        public NotSent(String reason, Throwable cause) { super(reason, cause); }
    }

    void send(Mail mail);
}
