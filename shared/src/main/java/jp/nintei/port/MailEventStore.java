package jp.nintei.port;

import java.time.Instant;

/** Where SES's bounce and complaint reports are recorded: on the application whose confirmation mail it was. */
public interface MailEventStore {
    /**
     * Marks the application's confirmation mail BOUNCED or COMPLAINED with what SES said; false when that
     * application's last mail has another id (a newer mail was sent meanwhile) or it does not exist.
     */
    boolean applicationMail(ApplicationKey key, String mailId, String state, String problem, Instant at);
}
