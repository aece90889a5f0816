package jp.nintei.domain;

import java.time.Instant;

/** What the menu needs to know of one application of the member. */
public record ApplicationSummary(int year, ApplicationKind kind, ApplicationStatus status, Instant submittedAt) {
    public boolean submitted() { return status == ApplicationStatus.SUBMITTED; }
}
