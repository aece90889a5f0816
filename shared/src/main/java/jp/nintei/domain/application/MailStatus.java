package jp.nintei.domain.application;

import java.time.Instant;

/** The confirmation mail of a submission: recorded in the same update as the submission, sent after it. */
public record MailStatus(String id, State state, int attempts, Instant sentAt) {
    public enum State { PENDING, SENT }

    public boolean pending() { return state == State.PENDING; }
}
