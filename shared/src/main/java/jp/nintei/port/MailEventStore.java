package jp.nintei.port;

import java.time.Instant;
import jp.nintei.domain.application.MailStatus;

/** Where SES's bounce and complaint reports are recorded: on the application whose confirmation mail it was. */
public interface MailEventStore {
    /**
     * Marks the application's confirmation mail BOUNCED or COMPLAINED with what SES said; false when that
     * application's last mail has another id (a newer mail was sent meanwhile) or it does not exist.
     */
    boolean applicationMail(ApplicationKey key, String mailId, MailStatus.State state, String problem, Instant at);
}
