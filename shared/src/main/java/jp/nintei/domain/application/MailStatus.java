package jp.nintei.domain.application;

import java.time.Instant;

/** The confirmation mail of a submission: recorded in the same update as the submission, sent after it. */
public record MailStatus(String id, State state, int attempts, Instant sentAt) {
    /**
     * FAILED: SES refused it too often; it leaves the retry queue and shows in the secretariat's follow-ups.
     * BOUNCED / COMPLAINED: SES handed it over, then reported a bounce or a complaint (configuration set event).
     */
    public enum State { PENDING, SENT, FAILED, BOUNCED, COMPLAINED }

    public boolean pending() { return state == State.PENDING; }
}
